/**
 * Statutory reports (báo cáo định kỳ) and their submission to the Government's reporting system
 * (Decree 09/2019/NĐ-CP). A report is prepared (a draft whose figures are frozen when prepared),
 * signed and submitted by someone else, then delivered by the `reports.deliver` task — each try in
 * the submission log. The simulator's own table holds what it received, keyed by idempotency key.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.js';
import { units } from '../org/units.table.js';
import type { Form06Row } from './form06.rules.js';

export type ReportStatus = 'draft' | 'submitted' | 'delivered';
export type DeliveryStatus = 'pending' | 'failed' | 'delivered';

/** The frozen content of a report: what the signer signed. */
export interface ReportContent {
  unitName: string;
  unitCode: string;
  parentName: string | null;
  /** When "within time" was judged for dossiers still running (the period's end, or when prepared). */
  asOf: string;
  rows: Form06Row[];
}

export const statutoryReports = pgTable(
  'statutory_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** `2026-Q1`, `2026-H1`, `2026-Y` (periods.rules.ts). */
    periodId: text('period_id').notNull(),
    form: text('form').notNull().default('06'),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    status: text('status').$type<ReportStatus>().notNull().default('draft'),
    content: jsonb('content').$type<ReportContent>().notNull(),
    preparedBy: uuid('prepared_by')
      .notNull()
      .references(() => users.id),
    preparerName: text('preparer_name').notNull(),
    preparedAt: timestamp('prepared_at', { withTimezone: true }).notNull(),
    signedBy: uuid('signed_by').references(() => users.id),
    signerName: text('signer_name'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    /** Sent with every try: the reporting system keeps one report per key (exactly once). */
    idempotencyKey: uuid('idempotency_key').notNull().defaultRandom(),
    deliveryStatus: text('delivery_status').$type<DeliveryStatus>(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** The reporting system's receipt number (số tiếp nhận). */
    receipt: text('receipt'),
    lastError: text('last_error'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('statutory_reports_unit_period_uq').on(t.unitId, t.periodId, t.form),
    index('statutory_reports_due_idx').on(t.nextAttemptAt).where(sql`${t.deliveryStatus} in ('pending', 'failed')`),
    check('statutory_reports_status_check', sql`${t.status} in ('draft', 'submitted', 'delivered')`),
    check(
      'statutory_reports_delivery_check',
      sql`${t.deliveryStatus} is null or ${t.deliveryStatus} in ('pending', 'failed', 'delivered')`,
    ),
    check('statutory_reports_signer_check', sql`${t.signedBy} is null or ${t.signedBy} <> ${t.preparedBy}`),
  ],
);

/** Nhật ký gửi báo cáo: every try to deliver a report, its outcome and the system's answer. */
export const reportSubmissionLog = pgTable(
  'report_submission_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => statutoryReports.id),
    attempt: integer('attempt').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    outcome: text('outcome').$type<'delivered' | 'failed'>().notNull(),
    httpStatus: integer('http_status'),
    receipt: text('receipt'),
    error: text('error'),
  },
  (t) => [index('report_submission_log_report_idx').on(t.reportId, t.id)],
);

/** The simulated reporting system's storage (REPORTING_SYSTEM_URL unset): one row per idempotency key. */
export const simBaocaoReports = pgTable('sim_baocao_reports', {
  idempotencyKey: text('idempotency_key').primaryKey(),
  receipt: text('receipt').notNull(),
  unitCode: text('unit_code').notNull(),
  periodId: text('period_id').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  /** Requests that carried this key (a retry after a lost answer counts here, not as a new report). */
  requests: integer('requests').notNull().default(1),
});
