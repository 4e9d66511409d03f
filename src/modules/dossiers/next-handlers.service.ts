/**
 * Who may take the next step of a dossier, and who takes it when the forwarding official names
 * nobody: the holders of the step's role at its unit (or the official the workflow names), each
 * with their current load, ranked by step-assignment.rules.ts (least loaded first).
 */
import { and, count, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { roleHolders, userNames } from '../identity/users.query.js';
import { unitPath } from '../org/units.service.js';
import type { WorkflowStep } from '../workflows/workflow.steps.js';
import { dossiers } from './dossiers.tables.js';
import { type HandlerLoad, rankHandlers } from './step-assignment.rules.js';

/** The officials who may take `step` (at its unit, else the competent unit), least loaded first. */
export async function stepHandlers(db: Queryable, step: WorkflowStep, competentUnitId: string): Promise<HandlerLoad[]> {
  const people =
    'userId' in step.assignee
      ? await namedOfficial(db, step.assignee.userId)
      : await roleHolders(db, step.assignee.role, await unitPath(db, step.unitId ?? competentUnitId));
  const loads = await openLoads(
    db,
    people.map((p) => p.userId),
  );
  return rankHandlers(people.map((p) => ({ ...p, openDossiers: loads.get(p.userId) ?? 0 })));
}

/**
 * The official a step is handed to: the one asked for, who must be among the eligible (else 422
 * ASSIGNEE_NOT_ELIGIBLE), or by default the least loaded; null when the step's role has no holder
 * there (the step then waits for any holder of the role, as before).
 */
export async function chooseHandler(
  db: Queryable,
  step: WorkflowStep,
  competentUnitId: string,
  requested: string | undefined,
): Promise<HandlerLoad | null> {
  const eligible = await stepHandlers(db, step, competentUnitId);
  if (requested === undefined) return eligible[0] ?? null;
  const chosen = eligible.find((h) => h.userId === requested);
  if (!chosen) throw new AppError('ASSIGNEE_NOT_ELIGIBLE', { userId: requested, step: step.key });
  return chosen;
}

async function namedOfficial(db: Queryable, userId: string) {
  const u = userNames();
  return db.select({ userId: u.id, fullName: u.fullName }).from(u).where(eq(u.id, userId));
}

/** Open dossiers (at a step) assigned to each of these officials. */
async function openLoads(db: Queryable, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: dossiers.currentAssigneeId, n: count() })
    .from(dossiers)
    .where(and(inArray(dossiers.currentAssigneeId, userIds), isNotNull(dossiers.currentStepKey)))
    .groupBy(dossiers.currentAssigneeId);
  return new Map(rows.map((r) => [r.userId!, r.n]));
}
