import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Periodic tasks (công việc định kỳ): one row per task the code registers. A runner claims a due
 * row with `FOR UPDATE SKIP LOCKED` and moves `next_run_at` forward in the same statement, so
 * however many API processes tick, each due run goes to one of them.
 */
export const scheduledTasks = pgTable(
  'scheduled_tasks',
  {
    /** e.g. `queue.reminders-and-no-shows`: the owning module, then what the task does. */
    name: text('name').primaryKey(),
    /** From the code at every start (the registry is the source of truth for the period). */
    intervalSeconds: integer('interval_seconds').notNull(),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
    lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
    lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
    /** What the last successful run reports (counts only). */
    lastOutcome: jsonb('last_outcome').$type<Record<string, unknown>>(),
    /** The fault of the last run, if it failed (the error's message, never personal data). */
    lastError: text('last_error'),
    runs: integer('runs').notNull().default(0),
    /** Kept across restarts: an administrator pauses a task here (PUT /api/jobs/:name). */
    enabled: boolean('enabled').notNull().default(true),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('scheduled_tasks_due_idx').on(t.nextRunAt),
    check('scheduled_tasks_interval_check', sql`${t.intervalSeconds} > 0`),
  ],
);
