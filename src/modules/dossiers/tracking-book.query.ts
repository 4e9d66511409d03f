/**
 * The facts of a tracking book (Mẫu số 07): dossiers received in a period at a unit — received
 * there or competent there, sub-units included, as the worklist scopes them — with the procedure
 * name, the competent unit's name and the time each first left the one-stop step.
 * Three queries whatever the period's size: the dossiers, their forward events (joined, not
 * listed by id: a year at a provincial centre can pass PostgreSQL's 65,535 parameters), and the
 * few distinct workflows' steps.
 */
import { and, asc, eq, gte, inArray, lt, or } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { procedureNames } from '../catalog/procedures.query.js';
import { unitNames } from '../org/units.query.js';
import { WorkflowSteps } from '../workflows/workflow.steps.js';
import { stepDocumentsOf } from '../workflows/workflows.query.js';
import { startStep } from './actions.rules.js';
import { dossierEvents, dossiers } from './dossiers.tables.js';
import { firstForwardAt, periodBounds, type TrackingBookSource } from './tracking-book.rules.js';

const competent = unitNames('competent_unit');

export interface TrackingBookScope {
  /** The unit and its subtree (subtreeIds). */
  unitIds: string[];
  /** Vietnam dates YYYY-MM-DD, both included. */
  from: string;
  to: string;
}

/** The book's rows' facts, ordered by reception time then code. */
export async function trackingBookSources(db: Queryable, scope: TrackingBookScope): Promise<TrackingBookSource[]> {
  const { start, end } = periodBounds(scope.from, scope.to);
  const where = and(
    or(inArray(dossiers.receivingUnitId, scope.unitIds), inArray(dossiers.competentUnitId, scope.unitIds)),
    // Online filings not yet accepted have no receivedAt (null never matches): never received, not in the book.
    gte(dossiers.receivedAt, start),
    lt(dossiers.receivedAt, end),
  );
  const rows = await db
    .select({
      id: dossiers.id,
      code: dossiers.code,
      status: dossiers.status,
      applicant: dossiers.applicant,
      workflowId: dossiers.workflowId,
      receivedAt: dossiers.receivedAt,
      appointmentAt: dossiers.appointmentAt,
      completedAt: dossiers.completedAt,
      returnedAt: dossiers.returnedAt,
      outcome: dossiers.outcome,
      procedureName: procedureNames.name,
      competentUnitName: competent.name,
    })
    .from(dossiers)
    .innerJoin(procedureNames, eq(procedureNames.id, dossiers.procedureId))
    .innerJoin(competent, eq(competent.id, dossiers.competentUnitId))
    .where(where)
    .orderBy(asc(dossiers.receivedAt), asc(dossiers.code));
  if (rows.length === 0) return [];

  const forwards = await db
    .select({
      dossierId: dossierEvents.dossierId,
      stepKey: dossierEvents.stepKey,
      occurredAt: dossierEvents.occurredAt,
    })
    .from(dossierEvents)
    .innerJoin(dossiers, eq(dossiers.id, dossierEvents.dossierId))
    .where(and(where, eq(dossierEvents.action, 'forward')));
  // Map.groupBy is Node 21+; we run on Node 20.
  const forwardsOf = new Map<string, typeof forwards>();
  for (const e of forwards) {
    const list = forwardsOf.get(e.dossierId);
    if (list) list.push(e);
    else forwardsOf.set(e.dossierId, [e]);
  }

  const workflows = await stepDocumentsOf(
    db,
    db.selectDistinct({ id: dossiers.workflowId }).from(dossiers).where(where),
  );
  // The start step's key per workflow; a document that no longer parses falls back to "earliest forward".
  const startKeyOf = new Map(
    workflows.map((w) => {
      const parsed = WorkflowSteps.safeParse(w.steps);
      return [w.id, parsed.success ? (startStep(parsed.data)?.key ?? null) : null] as const;
    }),
  );

  return rows.map(({ id, workflowId, ...r }) => ({
    ...r,
    forwardedAt: firstForwardAt(forwardsOf.get(id) ?? [], startKeyOf.get(workflowId) ?? null),
  }));
}
