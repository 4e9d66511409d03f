/**
 * The dossiers module's read model for reporting readers (kpi's index, rollup, reports and late
 * lists; the national-portal snapshot; payments; satisfaction). Each is a sub-select of named
 * columns over a table this module owns, aliased as the table: PostgreSQL inlines it, so a reader
 * joins and aggregates on it at the cost of the table itself, and only these columns are promised.
 * A column is added here when a reader needs it, never taken from the table behind it.
 */
import { eq } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Queryable, Tx } from '../../kernel/db.js';
import { dossierComponents, dossierEvents, dossiers } from './dossiers.tables.js';
import { dossierExtensions, dossierObligations, dossierResults } from './processing.tables.js';

const qb = new QueryBuilder();

/** Dossiers as they stand (one row each). */
export const reportedDossiers = qb
  .select({
    id: dossiers.id, // the dossier
    code: dossiers.code, // mã hồ sơ
    procedureId: dossiers.procedureId, // its procedure (kept for life)
    channel: dossiers.channel, // counter | online | postal
    status: dossiers.status, // lifecycle status
    outcome: dossiers.outcome, // early | onTime | late once processing ended with a result
    applicant: dossiers.applicant, // the applicant (personal data: never logged)
    fees: dossiers.fees, // fee lines copied from the procedure's channel
    competentUnitId: dossiers.competentUnitId, // unit competent now (after a transfer, the new one)
    receivingUnitId: dossiers.receivingUnitId, // one-stop unit that received it
    receivedBy: dossiers.receivedBy, // officer who received it
    ownerUserId: dossiers.ownerUserId, // the citizen account that filed it online (null: none)
    currentAssigneeId: dossiers.currentAssigneeId, // named assignee of the current step
    submittedAt: dossiers.submittedAt, // filed
    receivedAt: dossiers.receivedAt, // the legal clock started (null: not accepted yet)
    appointmentAt: dossiers.appointmentAt, // promised result time
    legalDueAt: dossiers.legalDueAt, // legal due time
    currentStepDueAt: dossiers.currentStepDueAt, // when the current workflow step is due
    pausedSince: dossiers.pausedSince, // awaiting the applicant since (clock stopped)
    pausedMinutes: dossiers.pausedMinutes, // working minutes paused so far
    supplementCount: dossiers.supplementCount, // supplement requests made
    completedAt: dossiers.completedAt, // processing ended
    returnedAt: dossiers.returnedAt, // result handed over
    populationCheck: dossiers.populationCheck, // answer of the population database at intake
    version: dossiers.version, // optimistic-lock version
  })
  .from(dossiers)
  .as('dossiers');

/** The components filed with dossiers. */
export const reportedComponents = qb
  .select({
    dossierId: dossierComponents.dossierId, // the dossier
    componentId: dossierComponents.componentId, // the procedure's component
    name: dossierComponents.name, // component name
    fileIds: dossierComponents.fileIds, // files filed for it
    nationalDocumentId: dossierComponents.nationalDocumentId, // taken from the national data store
  })
  .from(dossierComponents)
  .as('dossier_components');

/** The dossiers' history, one row per action. */
export const reportedEvents = qb
  .select({
    id: dossierEvents.id, // the event (tie-break of equal instants)
    dossierId: dossierEvents.dossierId, // the dossier
    action: dossierEvents.action, // the action performed
    toStatus: dossierEvents.toStatus, // status after it
    unitId: dossierEvents.unitId, // unit acting
    actorUserId: dossierEvents.actorUserId, // user acting (null: the system)
    note: dossierEvents.note, // the actor's note
    stepDueAt: dossierEvents.stepDueAt, // due time of the step it ended
    stepOutcome: dossierEvents.stepOutcome, // early | onTime | late of that step
    occurredAt: dossierEvents.occurredAt, // when
  })
  .from(dossierEvents)
  .as('dossier_events');

/** Results (electronic documents) issued for dossiers. */
export const reportedResults = qb
  .select({
    id: dossierResults.id, // the result
    dossierId: dossierResults.dossierId, // the dossier
    name: dossierResults.name, // document name
    number: dossierResults.number, // document number
    fileId: dossierResults.fileId, // the signed file
    verification: dossierResults.verification, // valid | invalid | unsigned | unverifiable signature
    createdAt: dossierResults.createdAt, // recorded
  })
  .from(dossierResults)
  .as('dossier_results');

/** Extensions with an apology letter (thư xin lỗi), one per extension. */
export const reportedExtensions = qb
  .select({
    dossierId: dossierExtensions.dossierId, // the dossier
  })
  .from(dossierExtensions)
  .as('dossier_extensions');

/** Financial obligations (nghĩa vụ tài chính) requested of dossiers. */
export const reportedObligations = qb
  .select({
    id: dossierObligations.id, // the obligation
    dossierId: dossierObligations.dossierId, // the dossier
    description: dossierObligations.description, // what is owed
    amountVnd: dossierObligations.amountVnd, // integer VND
    requestedAt: dossierObligations.requestedAt, // requested
    paidAt: dossierObligations.paidAt, // confirmed paid
  })
  .from(dossierObligations)
  .as('dossier_obligations');

/** A dossier as readers outside this module see it. */
export type DossierRecord = Awaited<ReturnType<typeof dossierRecordWhere>>[number];

const dossierRecordWhere = (db: Queryable, where: ReturnType<typeof eq>) =>
  db.select().from(reportedDossiers).where(where);

/** The dossier with this code (trimmed, upper-case), if any. */
export async function dossierRecordByCode(db: Queryable, code: string): Promise<DossierRecord | undefined> {
  const [row] = await dossierRecordWhere(db, eq(reportedDossiers.code, code.trim().toUpperCase()));
  return row;
}

/** The dossier with this id, if any. */
export async function dossierRecordById(db: Queryable, id: string): Promise<DossierRecord | undefined> {
  const [row] = await dossierRecordWhere(db, eq(reportedDossiers.id, id));
  return row;
}

/**
 * Locks the dossier's row until the transaction ends: a module changing something of the dossier
 * (a payment) serialises with the dossier's own actions, which take the same lock.
 */
export async function lockDossier(tx: Tx, id: string): Promise<void> {
  await tx.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.id, id)).for('update');
}
