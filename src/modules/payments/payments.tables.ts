/**
 * Thanh toán phí, lệ phí: every attempt to pay a dossier's fee lines or one of its financial
 * obligations, online through the national payment platform or at the counter, and the daily
 * reconciliations (đối soát) of the platform's statement against these rows. `paygovSimTransactions`
 * is the platform's own ledger as the local simulator keeps it (never read by our services).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { dossierObligations } from '../dossiers/processing.tables.js';
import { dossiers } from '../dossiers/dossiers.tables.js';
import { users } from '../identity/identity.tables.js';
import type {
  Mismatch,
  PaymentChannel,
  PaymentStatus,
  ReconciliationState,
  StatementStatus,
} from './payments.rules.js';
import type { RefundGround, RefundStatus } from './refunds.rules.js';

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Numbers the electronic receipts (biên lai điện tử) in the order payments were made. */
    serial: bigint('serial', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** What it pays: the obligation (nghĩa vụ tài chính), or the dossier's fee lines when null. */
    obligationId: uuid('obligation_id').references(() => dossierObligations.id),
    amountVnd: integer('amount_vnd').notNull(),
    channel: text('channel').$type<PaymentChannel>().notNull(),
    /** `paygov` for the national platform; `counter` for cash or card at the one-stop counter. */
    provider: text('provider').notNull(),
    status: text('status').$type<PaymentStatus>().notNull(),
    /** The platform's transaction id (mã giao dịch), set when the transaction is created. */
    providerTransactionId: text('provider_transaction_id'),
    /** The bank the payer chose on the platform (from its callback). */
    bankCode: text('bank_code'),
    receiptNumber: text('receipt_number'),
    /** The citizen account that started an online payment, or the officer who took a counter one. */
    payerUserId: uuid('payer_user_id').references(() => users.id),
    reconciliation: text('reconciliation').$type<ReconciliationState>().notNull().default('unreconciled'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** An online payment's order lapses at the platform then (sent as its expireDate); null at the counter. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('payments_dossier_idx').on(t.dossierId),
    // The expiry task's claim: pending payments by when they lapse.
    index('payments_pending_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'pending'`),
    index('payments_paid_idx').on(t.provider, t.paidAt),
    uniqueIndex('payments_provider_txn_uq').on(t.provider, t.providerTransactionId),
    uniqueIndex('payments_receipt_uq').on(t.receiptNumber),
    check('payments_amount_check', sql`${t.amountVnd} > 0`),
    check('payments_channel_check', sql`${t.channel} in ('online', 'counter')`),
    check('payments_status_check', sql`${t.status} in ('pending', 'paid', 'failed', 'cancelled', 'expired')`),
  ],
);

/** One đối soát run: a provider's statement of a Vietnam day compared with our payments. */
export const paymentReconciliations = pgTable(
  'payment_reconciliations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provider: text('provider').notNull(),
    day: date('day').notNull(),
    statementCount: integer('statement_count').notNull(),
    matched: integer('matched').notNull(),
    /** Rows on both sides that differ in amount or status. */
    mismatched: integer('mismatched').notNull().default(0),
    /** Successes on the statement we do not hold at all. */
    missingHere: integer('missing_here').notNull().default(0),
    /** Our paid payments the statement does not list. */
    missingThere: integer('missing_there').notNull().default(0),
    /** Our refunds of the day carried out by the platform, integer VND (null: run before refunds were kept). */
    oursRefundedVnd: bigint('ours_refunded_vnd', { mode: 'number' }),
    /** The statement's successful refunds of the day, integer VND (null as above). */
    statementRefundedVnd: bigint('statement_refunded_vnd', { mode: 'number' }),
    /** Our paid online payments of the day, integer VND (null: run before totals were kept). */
    oursPaidVnd: bigint('ours_paid_vnd', { mode: 'number' }),
    /** The statement's successful transactions of the day, integer VND (null as above). */
    statementPaidVnd: bigint('statement_paid_vnd', { mode: 'number' }),
    /** What differed, row by row (payments.rules `Mismatch`: kind, order, amounts, statuses). */
    mismatches: jsonb('mismatches').$type<Mismatch[]>().notNull(),
    runBy: uuid('run_by').references(() => users.id),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('payment_reconciliations_day_idx').on(t.day, t.runAt)],
);

/** The simulated platform's ledger: what its daily statement lists. */
export const paygovSimTransactions = pgTable('paygov_sim_transactions', {
  transactionId: text('transaction_id').primaryKey(),
  merchantCode: text('merchant_code').notNull(),
  orderId: text('order_id').notNull(),
  amountVnd: integer('amount_vnd').notNull(),
  orderInfo: text('order_info').notNull(),
  returnUrl: text('return_url').notNull(),
  ipnUrl: text('ipn_url').notNull(),
  status: text('status').$type<StatementStatus>().notNull(),
  bankCode: text('bank_code'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  /** The merchant's expireDate: past it the payer can no longer pay (null: the request set none). */
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  completedAt: timestamp('completed_at', { withTimezone: true }),
});

/**
 * Hoàn trả phí, lệ phí: money given back of a paid payment, in full or in part, through the
 * platform for an online payment (or in cash at the counter for a counter one). Its
 * idempotency key makes a retried request answer with the first refund instead of refunding twice.
 */
export const paymentRefunds = pgTable(
  'payment_refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    amountVnd: integer('amount_vnd').notNull(),
    ground: text('ground').$type<RefundGround>().notNull(),
    reason: text('reason').notNull(),
    /** Chosen by the caller (one per intended refund): a retry with it never refunds twice. */
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status').$type<RefundStatus>().notNull(),
    /** The platform's refund transaction id (null at the counter, or when the platform refused it). */
    providerRefundId: text('provider_refund_id'),
    /** The platform's reason when it refused the refund (shown to staff and the payer). */
    failureReason: text('failure_reason'),
    reconciliation: text('reconciliation').$type<ReconciliationState>().notNull().default('unreconciled'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('payment_refunds_payment_idx').on(t.paymentId),
    index('payment_refunds_dossier_idx').on(t.dossierId),
    index('payment_refunds_requested_idx').on(t.requestedAt),
    uniqueIndex('payment_refunds_idempotency_uq').on(t.idempotencyKey),
    check('payment_refunds_amount_check', sql`${t.amountVnd} > 0`),
    check('payment_refunds_status_check', sql`${t.status} in ('requested', 'succeeded', 'failed')`),
    check('payment_refunds_ground_check', sql`${t.ground} in ('refused', 'withdrawn', 'overpaid', 'other')`),
  ],
);

/**
 * Miễn nộp: an authorised officer's record that a dossier's fee lines (obligationId null) or one
 * of its obligations need not be paid, with the reason (the legal ground of the exemption).
 */
export const paymentExemptions = pgTable(
  'payment_exemptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    obligationId: uuid('obligation_id').references(() => dossierObligations.id),
    /** What was still due and is exempted, integer VND. */
    amountVnd: integer('amount_vnd').notNull(),
    reason: text('reason').notNull(),
    exemptedBy: uuid('exempted_by')
      .notNull()
      .references(() => users.id),
    exemptedAt: timestamp('exempted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('payment_exemptions_dossier_idx').on(t.dossierId),
    check('payment_exemptions_amount_check', sql`${t.amountVnd} > 0`),
  ],
);

/** The simulated platform's refunds, by the merchant's refund id (its own dedup key). */
export const paygovSimRefunds = pgTable('paygov_sim_refunds', {
  refundId: text('refund_id').primaryKey(),
  merchantCode: text('merchant_code').notNull(),
  transactionId: text('transaction_id').notNull(),
  refundTransactionId: text('refund_transaction_id'),
  amountVnd: integer('amount_vnd').notNull(),
  status: text('status').$type<StatementStatus>().notNull(),
  resultCode: text('result_code').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
