/** Reading a dossier for the public lookup: only the columns the public view is built from. */
import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { jsonRows } from '../../kernel/json-rows.js';
import { procedureNames } from '../catalog/procedures.query.js';
import { unitNames } from '../org/units.query.js';
import { workflowStepDocuments } from '../workflows/workflows.query.js';
import { dossierIdRef } from './dossiers.query.js';
import { dossierEvents, dossiers } from './dossiers.tables.js';
import { dossierResults } from './processing.tables.js';
import type { LookupRecord } from './public-lookup.rules.js';

const receiving = unitNames('receiving_unit');
const competent = unitNames('competent_unit');

/** Action, step, time and the step's outcome only: never the actor, the unit id or the note. */
const publicEventsJson = (db: Queryable) =>
  jsonRows(
    {
      action: dossierEvents.action,
      stepKey: dossierEvents.stepKey,
      occurredAt: dossierEvents.occurredAt,
      stepDueAt: dossierEvents.stepDueAt,
      stepOutcome: dossierEvents.stepOutcome,
    },
    (row) =>
      db
        .select({ row })
        .from(dossierEvents)
        .where(eq(dossierEvents.dossierId, dossierIdRef))
        .orderBy(asc(dossierEvents.occurredAt)),
  );

/**
 * The dossier with this canonical code (see parseDossierCode), or 404 DOSSIER_NOT_FOUND: one
 * statement, its history as a JSON column (the lookup is the citizen's most frequent request).
 */
export async function lookupDossier(db: Queryable, code: string): Promise<LookupRecord> {
  const [row] = await db
    .select({
      code: dossiers.code,
      status: dossiers.status,
      channel: dossiers.channel,
      applicant: dossiers.applicant,
      fees: dossiers.fees,
      submittedAt: dossiers.submittedAt,
      receivedAt: dossiers.receivedAt,
      appointmentAt: dossiers.appointmentAt,
      procedureCode: procedureNames.nationalCode,
      procedureName: procedureNames.name,
      receivingUnitName: receiving.name,
      competentUnitName: competent.name,
      workflowSteps: workflowStepDocuments.steps,
      hasResult: sql<boolean>`exists (select 1 from ${dossierResults} r where r.dossier_id = ${dossiers.id})`,
      events: publicEventsJson(db),
    })
    .from(dossiers)
    .innerJoin(procedureNames, eq(procedureNames.id, dossiers.procedureId))
    .innerJoin(receiving, eq(receiving.id, dossiers.receivingUnitId))
    .innerJoin(competent, eq(competent.id, dossiers.competentUnitId))
    .innerJoin(workflowStepDocuments, eq(workflowStepDocuments.id, dossiers.workflowId))
    .where(eq(dossiers.code, code));
  if (!row) throw new AppError('DOSSIER_NOT_FOUND', { code });
  return {
    code: row.code,
    status: row.status,
    channel: row.channel,
    applicant: row.applicant,
    fees: row.fees,
    submittedAt: row.submittedAt,
    receivedAt: row.receivedAt,
    appointmentAt: row.appointmentAt,
    procedure: { nationalCode: row.procedureCode, name: row.procedureName },
    receivingUnitName: row.receivingUnitName,
    competentUnitName: row.competentUnitName,
    workflowSteps: row.workflowSteps,
    events: row.events,
    // A signed result exists and processing has ended: the applicant may collect or download it.
    resultAvailable: row.hasResult && (row.status === 'processed' || row.status === 'returned'),
  };
}
