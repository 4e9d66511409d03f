/**
 * Thanh toán phí, lệ phí: every attempt to pay a dossier's fee lines or one of its financial
 * obligations, online through the national payment platform or at the counter, and the daily
 * reconciliations (đối soát) of the platform's statement against these rows. `paygovSimTransactions`
 * is the platform's own ledger as the local simulator keeps it (never read by our services).
 */
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { dossierObligations } from '../dossiers/processing.tables.js';
import { dossiers } from '../dossiers/dossiers.tables.js';
import { users } from '../identity/identity.tables.js';
import type { PaymentChannel, PaymentStatus, ReconciliationState, StatementStatus } from './payments.rules.js';

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
    paidAt: timestamp('paid_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('payments_dossier_idx').on(t.dossierId),
    index('payments_paid_idx').on(t.provider, t.paidAt),
    uniqueIndex('payments_provider_txn_uq').on(t.provider, t.providerTransactionId),
    uniqueIndex('payments_receipt_uq').on(t.receiptNumber),
    check('payments_amount_check', sql`${t.amountVnd} > 0`),
    check('payments_channel_check', sql`${t.channel} in ('online', 'counter')`),
    check('payments_status_check', sql`${t.status} in ('pending', 'paid', 'failed', 'cancelled', 'expired')`),
  ],
);

/** One đối soát run: a provider's statement of a Vietnam day compared with our payments. */
export const paymentReconciliations = pgTable('payment_reconciliations', {
  id: uuid('id').primaryKey().defaultRandom(),
  provider: text('provider').notNull(),
  day: date('day').notNull(),
  statementCount: integer('statement_count').notNull(),
  matched: integer('matched').notNull(),
  /** What differed, row by row (reconciliation.rules: kind, order, amounts, statuses). */
  mismatches: jsonb('mismatches').$type<unknown[]>().notNull(),
  runBy: uuid('run_by').references(() => users.id),
  runAt: timestamp('run_at', { withTimezone: true }).notNull(),
});

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
  completedAt: timestamp('completed_at', { withTimezone: true }),
});
