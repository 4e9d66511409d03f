/** Reading a dossier: the record, its procedure and units by name, its components and history. */
import { alias } from 'drizzle-orm/pg-core';
import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { procedures, procedureVersions } from '../catalog/catalog.tables.js';
import { users } from '../identity/identity.tables.js';
import { units } from '../org/units.table.js';
import { dossierComponents, dossierEvents, dossiers } from './dossiers.tables.js';
import { workflowDefinitions } from '../workflows/workflows.tables.js';
import { dossierExtensions, dossierObligations } from './processing.tables.js';
import { consultationsOf } from './consultations.service.js';
import { resultsOf } from './results.service.js';

const toDate = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

/** Computed beside a dossier row: its current step's name, and the appointment the last apology set. */
export const dossierExtras = {
  stepName: sql<string | null>`(select s->>'name' from ${workflowDefinitions} w, jsonb_array_elements(w.steps) s
    where w.id = ${dossiers.workflowId} and s->>'key' = ${dossiers.currentStepKey})`,
  lastExtendedTo:
    sql<Date | null>`(select max(e.new_appointment_at) from ${dossierExtensions} e where e.dossier_id = ${dossiers.id})`.mapWith(
      toDate,
    ),
};

const receiving = alias(units, 'receiving_unit');
const competent = alias(units, 'competent_unit');

export async function getDossierByCode(db: Queryable, code: string) {
  const [row] = await db
    .select({
      dossier: dossiers,
      procedureCode: procedures.nationalCode,
      procedureName: procedures.name,
      versionContent: procedureVersions.content,
      ...dossierExtras,
      receivingUnit: {
        id: receiving.id,
        name: receiving.name,
        officialCode: receiving.officialCode,
        parentId: receiving.parentId,
      },
      competentUnit: { id: competent.id, name: competent.name, officialCode: competent.officialCode },
    })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
    .innerJoin(receiving, eq(receiving.id, dossiers.receivingUnitId))
    .innerJoin(competent, eq(competent.id, dossiers.competentUnitId))
    .where(eq(dossiers.code, code.trim().toUpperCase()));
  if (!row) throw new AppError('DOSSIER_NOT_FOUND', { code });
  const [components, events, consultations, results, extensions, obligations] = await Promise.all([
    db
      .select({ ...getTableColumns(dossierComponents), originalCheckedByName: users.fullName })
      .from(dossierComponents)
      .leftJoin(users, eq(users.id, dossierComponents.originalCheckedBy))
      .where(eq(dossierComponents.dossierId, row.dossier.id))
      .orderBy(asc(dossierComponents.componentId)), // a stable order (intake's answer sorts the same)
    db
      .select({
        action: dossierEvents.action,
        fromStatus: dossierEvents.fromStatus,
        toStatus: dossierEvents.toStatus,
        stepKey: dossierEvents.stepKey,
        toStepKey: dossierEvents.toStepKey,
        stepDueAt: dossierEvents.stepDueAt,
        stepOutcome: dossierEvents.stepOutcome,
        unitId: dossierEvents.unitId,
        actorName: users.fullName,
        note: dossierEvents.note,
        details: dossierEvents.details,
        occurredAt: dossierEvents.occurredAt,
      })
      .from(dossierEvents)
      .leftJoin(users, eq(users.id, dossierEvents.actorUserId))
      .where(eq(dossierEvents.dossierId, row.dossier.id))
      .orderBy(asc(dossierEvents.occurredAt)),
    consultationsOf(db, row.dossier.id),
    resultsOf(db, row.dossier.id),
    db
      .select({
        reason: dossierExtensions.reason,
        previousAppointmentAt: dossierExtensions.previousAppointmentAt,
        newAppointmentAt: dossierExtensions.newAppointmentAt,
        approvedByName: users.fullName,
        createdAt: dossierExtensions.createdAt,
      })
      .from(dossierExtensions)
      .innerJoin(users, eq(users.id, dossierExtensions.approvedBy))
      .where(eq(dossierExtensions.dossierId, row.dossier.id))
      .orderBy(asc(dossierExtensions.createdAt)),
    db
      .select({
        id: dossierObligations.id,
        description: dossierObligations.description,
        amountVnd: dossierObligations.amountVnd,
        requestedAt: dossierObligations.requestedAt,
        paidAt: dossierObligations.paidAt,
        receiptNumber: dossierObligations.receiptNumber,
      })
      .from(dossierObligations)
      .where(eq(dossierObligations.dossierId, row.dossier.id))
      .orderBy(asc(dossierObligations.requestedAt)),
  ]);
  return { ...row, components, events, consultations, results, extensions, obligations };
}

export type DossierView = Awaited<ReturnType<typeof getDossierByCode>>;
