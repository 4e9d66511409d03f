/**
 * The scheduled_tasks table: rows for the registered tasks, claiming a due one, recording how a
 * run went, and an administrator pausing or resuming a task.
 *
 * A claim is one statement: it picks the earliest due row with `FOR UPDATE SKIP LOCKED` and moves
 * its `next_run_at` one interval past `now` before committing, so no other process (whose claim
 * skips the locked row, then sees the new time) can take the same run. The run happens after the
 * commit; if the process dies meanwhile, the task just runs again at the next interval.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Queryable, type Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { scheduledTasks } from './jobs.tables.js';
import type { PeriodicTask } from '../../kernel/module.js';

export type ScheduledTask = typeof scheduledTasks.$inferSelect;

/**
 * At start: a row for each task in the code, first due now. An existing row takes the code's
 * interval (and is brought forward if the new interval ends sooner) but keeps `enabled`.
 */
export async function registerTasks(db: Queryable, tasks: readonly PeriodicTask[]): Promise<void> {
  if (tasks.length === 0) return;
  await db
    .insert(scheduledTasks)
    .values(tasks.map((t) => ({ name: t.name, intervalSeconds: t.intervalSeconds, nextRunAt: sql`now()` })))
    .onConflictDoUpdate({
      target: scheduledTasks.name,
      set: {
        intervalSeconds: sql`excluded.interval_seconds`,
        nextRunAt: sql`least(${scheduledTasks.nextRunAt}, now() + make_interval(secs => excluded.interval_seconds))`,
      },
    });
}

/** Claims the earliest due, enabled task among `names` (those this process can run); null if none. */
export async function claimDueTask(db: Queryable, names: readonly string[], now: Date): Promise<string | null> {
  if (names.length === 0) return null;
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await queryRows<{ name: string }>(
    db,
    sql`
    update scheduled_tasks set next_run_at = ${at} + make_interval(secs => interval_seconds), last_started_at = ${at}, runs = runs + 1
    where name = (select name from scheduled_tasks
                  where enabled and next_run_at <= ${at} and name in (${sql.join(
                    names.map((n) => sql`${n}`),
                    sql`, `,
                  )})
                  order by next_run_at limit 1 for update skip locked)
    returning name`,
  );
  return row?.name ?? null;
}

/** Records a finished run: its counts, or the fault's message (the cause, never the data it was about). */
export async function recordRun(
  db: Queryable,
  name: string,
  finishedAt: Date,
  result: { outcome: Record<string, unknown> } | { error: unknown },
): Promise<void> {
  const error =
    'error' in result
      ? (result.error instanceof Error ? result.error.message : String(result.error)).slice(0, 500)
      : null;
  await db
    .update(scheduledTasks)
    .set({ lastFinishedAt: finishedAt, lastOutcome: 'outcome' in result ? result.outcome : null, lastError: error })
    .where(eq(scheduledTasks.name, name));
}

export function listTasks(db: Queryable): Promise<ScheduledTask[]> {
  return db.select().from(scheduledTasks).orderBy(asc(scheduledTasks.name));
}

/** Pauses or resumes a task (kept across restarts), with its audit record and event. */
export async function setTaskEnabled(
  tx: Tx,
  ctx: RequestContext,
  name: string,
  enabled: boolean,
): Promise<ScheduledTask> {
  const [before] = await tx.select().from(scheduledTasks).where(eq(scheduledTasks.name, name)).for('update');
  if (!before) throw new AppError('JOB_NOT_FOUND', { name });
  if (before.enabled === enabled) return before;
  const [after] = await tx
    .update(scheduledTasks)
    .set({ enabled, version: sql`${scheduledTasks.version} + 1` })
    .where(eq(scheduledTasks.name, name))
    .returning();
  await recordChange(tx, ctx, {
    action: 'jobs.update',
    targetType: 'scheduled_task',
    targetId: name,
    before: { enabled: before.enabled },
    after: { enabled },
    event: { name, enabled },
  });
  return after!;
}
