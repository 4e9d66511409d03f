/** Reading a dossier: the record, its procedure and units by name, its components and history. */
import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { procedureNames, procedureVersionContents } from '../catalog/procedures.query.js';
import { userNames } from '../identity/users.query.js';
import { unitNames } from '../org/units.query.js';
import { stepNameIn } from '../workflows/workflows.query.js';
import { dossierComponents, dossierEvents, dossiers } from './dossiers.tables.js';
import { dossierExtensions, dossierObligations } from './processing.tables.js';
import { consultationsOf } from './consultations.service.js';
import { resultsOf } from './results.service.js';

const toDate = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

/** Computed beside a dossier row: its current step's name, and the appointment the last apology set. */
export const dossierExtras = {
  stepName: stepNameIn(dossiers.workflowId, dossiers.currentStepKey),
  lastExtendedTo:
    sql<Date | null>`(select max(e.new_appointment_at) from ${dossierExtensions} e where e.dossier_id = ${dossiers.id})`.mapWith(
      toDate,
    ),
};

const userName = userNames();
const originalChecker = userNames('original_checker');
const receiving = unitNames('receiving_unit');
const competent = unitNames('competent_unit');

export async function getDossierByCode(db: Queryable, code: string) {
  const [row] = await db
    .select({
      dossier: dossiers,
      procedureCode: procedureNames.nationalCode,
      procedureName: procedureNames.name,
      versionContent: procedureVersionContents.content,
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
    .innerJoin(procedureNames, eq(procedureNames.id, dossiers.procedureId))
    .innerJoin(procedureVersionContents, eq(procedureVersionContents.id, dossiers.procedureVersionId))
    .innerJoin(receiving, eq(receiving.id, dossiers.receivingUnitId))
    .innerJoin(competent, eq(competent.id, dossiers.competentUnitId))
    .where(eq(dossiers.code, code.trim().toUpperCase()));
  if (!row) throw new AppError('DOSSIER_NOT_FOUND', { code });
  const [components, events, consultations, results, extensions, obligations] = await Promise.all([
    db
      .select({ ...getTableColumns(dossierComponents), originalCheckedByName: originalChecker.fullName })
      .from(dossierComponents)
      .leftJoin(originalChecker, eq(originalChecker.id, dossierComponents.originalCheckedBy))
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
        actorName: userName.fullName,
        note: dossierEvents.note,
        details: dossierEvents.details,
        occurredAt: dossierEvents.occurredAt,
      })
      .from(dossierEvents)
      .leftJoin(userName, eq(userName.id, dossierEvents.actorUserId))
      .where(eq(dossierEvents.dossierId, row.dossier.id))
      .orderBy(asc(dossierEvents.occurredAt)),
    consultationsOf(db, row.dossier.id),
    resultsOf(db, row.dossier.id),
    db
      .select({
        reason: dossierExtensions.reason,
        previousAppointmentAt: dossierExtensions.previousAppointmentAt,
        newAppointmentAt: dossierExtensions.newAppointmentAt,
        approvedByName: userName.fullName,
        createdAt: dossierExtensions.createdAt,
      })
      .from(dossierExtensions)
      .innerJoin(userName, eq(userName.id, dossierExtensions.approvedBy))
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

/** A dossier's id and procedure by its code (any case, spaces around ignored); undefined when there is none. */
export async function dossierRefByCode(db: Queryable, code: string) {
  const [dossier] = await db
    .select({ id: dossiers.id, procedureId: dossiers.procedureId })
    .from(dossiers)
    .where(eq(dossiers.code, code.trim().toUpperCase()));
  return dossier;
}
