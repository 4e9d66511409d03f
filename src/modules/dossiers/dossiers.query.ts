/** Reading a dossier: the record, its procedure and units by name, its components and history. */
import { asc, eq, getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { jsonRows, orNull } from '../../kernel/json-rows.js';
import { procedureNames, procedureVersionContents } from '../catalog/procedures.query.js';
import { userNames } from '../identity/users.query.js';
import { unitNames } from '../org/units.query.js';
import { stepNameIn } from '../workflows/workflows.query.js';
import { dossierComponents, dossierEvents, dossiers } from './dossiers.tables.js';
import { dossierExtensions, dossierObligations } from './processing.tables.js';
import { consultationsJson } from './consultations.service.js';
import { resultsJson } from './results.service.js';

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

/** The dossier row's id inside a statement that reads `dossiers`, qualified (see kernel/json-rows). */
export const dossierIdRef = sql`${sql.identifier(getTableName(dossiers))}.${sql.identifier(dossiers.id.name)}`;

/**
 * A dossier with its procedure, units and every kind of child row, in one statement (the detail
 * every action answers with: one round trip, not seven — issue 17).
 */
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
      components: componentsJson(db),
      events: eventsJson(db),
      consultations: consultationsJson(db, dossierIdRef),
      results: resultsJson(db, dossierIdRef),
      extensions: extensionsJson(db),
      obligations: obligationsJson(db),
    })
    .from(dossiers)
    .innerJoin(procedureNames, eq(procedureNames.id, dossiers.procedureId))
    .innerJoin(procedureVersionContents, eq(procedureVersionContents.id, dossiers.procedureVersionId))
    .innerJoin(receiving, eq(receiving.id, dossiers.receivingUnitId))
    .innerJoin(competent, eq(competent.id, dossiers.competentUnitId))
    .where(eq(dossiers.code, code.trim().toUpperCase()));
  if (!row) throw new AppError('DOSSIER_NOT_FOUND', { code });
  return row;
}

const componentsJson = (db: Queryable) =>
  jsonRows(
    { ...getTableColumns(dossierComponents), originalCheckedByName: orNull(originalChecker.fullName) },
    (row) =>
      db
        .select({ row })
        .from(dossierComponents)
        .leftJoin(originalChecker, eq(originalChecker.id, dossierComponents.originalCheckedBy))
        .where(eq(dossierComponents.dossierId, dossierIdRef))
        .orderBy(asc(dossierComponents.componentId)), // a stable order (intake's answer sorts the same)
  );

const eventsJson = (db: Queryable) =>
  jsonRows(
    {
      action: dossierEvents.action,
      fromStatus: dossierEvents.fromStatus,
      toStatus: dossierEvents.toStatus,
      stepKey: dossierEvents.stepKey,
      toStepKey: dossierEvents.toStepKey,
      stepDueAt: dossierEvents.stepDueAt,
      stepOutcome: dossierEvents.stepOutcome,
      unitId: dossierEvents.unitId,
      actorName: orNull(userName.fullName),
      note: dossierEvents.note,
      details: dossierEvents.details,
      occurredAt: dossierEvents.occurredAt,
    },
    (row) =>
      db
        .select({ row })
        .from(dossierEvents)
        .leftJoin(userName, eq(userName.id, dossierEvents.actorUserId))
        .where(eq(dossierEvents.dossierId, dossierIdRef))
        .orderBy(asc(dossierEvents.occurredAt)),
  );

const extensionsJson = (db: Queryable) =>
  jsonRows(
    {
      reason: dossierExtensions.reason,
      previousAppointmentAt: dossierExtensions.previousAppointmentAt,
      newAppointmentAt: dossierExtensions.newAppointmentAt,
      approvedByName: userName.fullName,
      createdAt: dossierExtensions.createdAt,
    },
    (row) =>
      db
        .select({ row })
        .from(dossierExtensions)
        .innerJoin(userName, eq(userName.id, dossierExtensions.approvedBy))
        .where(eq(dossierExtensions.dossierId, dossierIdRef))
        .orderBy(asc(dossierExtensions.createdAt)),
  );

const obligationsJson = (db: Queryable) =>
  jsonRows(
    {
      id: dossierObligations.id,
      description: dossierObligations.description,
      amountVnd: dossierObligations.amountVnd,
      requestedAt: dossierObligations.requestedAt,
      paidAt: dossierObligations.paidAt,
      receiptNumber: dossierObligations.receiptNumber,
    },
    (row) =>
      db
        .select({ row })
        .from(dossierObligations)
        .where(eq(dossierObligations.dossierId, dossierIdRef))
        .orderBy(asc(dossierObligations.requestedAt)),
  );

export type DossierView = Awaited<ReturnType<typeof getDossierByCode>>;

/** The unanswered consultations among a detail's (for allowedActions, without reading them again). */
export function stillOpen(view: Pick<DossierView, 'consultations'>) {
  return view.consultations.filter((c) => c.answeredAt === null);
}

/** A dossier's id and procedure by its code (any case, spaces around ignored); undefined when there is none. */
export async function dossierRefByCode(db: Queryable, code: string) {
  const [dossier] = await db
    .select({ id: dossiers.id, procedureId: dossiers.procedureId })
    .from(dossiers)
    .where(eq(dossiers.code, code.trim().toUpperCase()));
  return dossier;
}
