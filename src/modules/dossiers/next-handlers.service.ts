/**
 * Who may take the next step of a dossier, and who takes it when the forwarding official names
 * nobody: the holders of the step's role at its unit (or the official the workflow names), each
 * with their current load, ranked by step-assignment.rules.ts (least loaded first).
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { roleHoldersQuery, userNames } from '../identity/users.query.js';
import { unitPath } from '../org/units.service.js';
import type { WorkflowStep } from '../workflows/workflow.steps.js';
import { dossiers } from './dossiers.tables.js';
import { type HandlerLoad, rankHandlers } from './step-assignment.rules.js';

/**
 * The officials who may take `step` (at its unit, else the competent unit), least loaded first:
 * the people and their open dossiers (at a step, assigned to them) in one statement.
 */
export async function stepHandlers(db: Queryable, step: WorkflowStep, competentUnitId: string): Promise<HandlerLoad[]> {
  const people = (
    'userId' in step.assignee
      ? namedOfficial(db, step.assignee.userId)
      : roleHoldersQuery(db, step.assignee.role, await unitPath(db, step.unitId ?? competentUnitId))
  ).as('people');
  const loaded = await db
    .select({
      userId: people.userId,
      fullName: people.fullName,
      openDossiers: db.$count(
        dossiers,
        and(eq(dossiers.currentAssigneeId, people.userId), isNotNull(dossiers.currentStepKey)),
      ),
    })
    .from(people);
  return rankHandlers(loaded);
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

function namedOfficial(db: Queryable, userId: string) {
  const u = userNames();
  return db.select({ userId: u.id, fullName: u.fullName }).from(u).where(eq(u.id, userId));
}
