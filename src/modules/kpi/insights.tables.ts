import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.js';
import { units } from '../org/units.table.js';
import type { TargetKey } from './targets.config.js';
import type { ReportParams, ReportResult } from './report.rules.js';

/**
 * Plan targets (chỉ tiêu kế hoạch, docs/domain/DOMAIN.md §10) set for a year and a unit. A unit without a row
 * for a key inherits its nearest ancestor's, and the province's defaults seed the rest
 * (targets.config.ts), so only the departures from the plan are stored.
 */
export const kpiTargets = pgTable(
  'kpi_targets',
  {
    year: integer('year').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    key: text('key').$type<TargetKey>().notNull(),
    /** A ratio 0–1, minutes (waiting) or dossiers per officer per year (productivity). */
    value: doublePrecision('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitId, t.key] })],
);

/**
 * Background report jobs (báo cáo định kỳ / đột xuất). A worker in each API process claims the
 * oldest queued job with `FOR UPDATE SKIP LOCKED` (two processes never take the same one) and
 * keeps a lease (`lockedUntil`) while it works chunk by chunk; a job whose lease ran out (its
 * process died) is claimed again. The result is the report's figures as JSON; XLSX and PDF are
 * rendered from it on download.
 */
export const kpiReportJobs = pgTable(
  'kpi_report_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').$type<'queued' | 'running' | 'done' | 'failed'>().notNull().default('queued'),
    params: jsonb('params').$type<ReportParams>().notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    stepsDone: integer('steps_done').notNull().default(0),
    stepsTotal: integer('steps_total').notNull().default(0),
    /** Rows summed so far (chunks done), then the finished report. */
    result: jsonb('result').$type<ReportResult>(),
    error: text('error'),
  },
  (t) => [index('kpi_report_jobs_queue_idx').on(t.status, t.createdAt)],
);
