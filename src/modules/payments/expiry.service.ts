/**
 * Online payments whose order lapsed at the platform (hết thời hạn thanh toán): the periodic task
 * asks the platform where each stands before giving up on it. A success whose IPN never reached
 * us is recorded as paid (receipt, obligation confirmed); a cancellation or failure as such;
 * anything else expires, and the applicant may start a new payment.
 *
 * Each payment is claimed in its own transaction with `FOR UPDATE SKIP LOCKED` (another process,
 * or an IPN holding the row, is skipped, not waited for) and settled there with its audit record
 * and outbox event. The claims walk the due rows in (expires_at, id) order, so a payment whose
 * query failed is passed over until the next run instead of blocking the ones behind it.
 */
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../kernel/db.js';
import { systemContext } from '../../kernel/context.js';
import type { Env } from '../../kernel/env.js';
import type { PaymentGateway } from './gateway.js';
import { dueToExpire, eventOnExpiry, EXPIRY_GRACE_MS, type PaymentEvent } from './payments.rules.js';
import { type PaymentRow, settlePayment } from './payments.service.js';
import { payments } from './payments.tables.js';

/** Payments settled per run at most; the rest wait for the next run. */
const BATCH = 200;

type Cursor = Pick<PaymentRow, 'expiresAt' | 'id'>;

/** The next due pending online payment after the cursor, locked; null when there is none free. */
async function claimNextDue(tx: Tx, now: Date, after: Cursor | null): Promise<PaymentRow | null> {
  const cutoff = new Date(now.getTime() - EXPIRY_GRACE_MS);
  const [row] = await tx
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.status, 'pending'),
        eq(payments.channel, 'online'),
        lte(payments.expiresAt, cutoff),
        after
          ? sql`(${payments.expiresAt}, ${payments.id}) > (${after.expiresAt!.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(payments.expiresAt), asc(payments.id))
    .limit(1)
    .for('update', { skipLocked: true });
  return row ?? null;
}

/** The platform's word on a due payment, then its outcome. */
async function settleDue(
  tx: Tx,
  env: Env,
  gateway: PaymentGateway,
  payment: PaymentRow,
  now: Date,
): Promise<PaymentEvent> {
  const answer = payment.providerTransactionId
    ? await gateway.queryTransaction(tx, { orderId: payment.id, transactionId: payment.providerTransactionId })
    : null;
  const event = answer ? eventOnExpiry(answer.resultCode) : 'expired';
  await settlePayment(tx, env, payment, event, event === 'expired' ? null : answer, systemContext(null), now);
  return event;
}

export type ExpiryCounts = Record<PaymentEvent, number> & { errors: number };

/** One run of the task as of `now`: settles up to BATCH due payments; returns what became of them. */
export async function expireDuePayments(
  db: Database,
  env: Env,
  gateway: PaymentGateway,
  now: Date,
): Promise<ExpiryCounts> {
  const counts: ExpiryCounts = { paid: 0, cancelled: 0, failed: 0, expired: 0, errors: 0 };
  let cursor: Cursor | null = null;
  for (let n = 0; n < BATCH; n += 1) {
    // Set inside the transaction: the cursor moves past a payment even when settling it failed.
    const step: { claimed?: PaymentRow; event?: PaymentEvent } = {};
    try {
      await db.transaction(async (tx) => {
        const claimed = await claimNextDue(tx, now, cursor);
        if (!claimed) return;
        step.claimed = claimed;
        if (dueToExpire(claimed, now)) step.event = await settleDue(tx, env, gateway, claimed, now);
      });
    } catch {
      // Rolled back; tried again at the next run. The payment's id is not logged with the fault.
      counts.errors += 1;
    }
    if (!step.claimed) break;
    if (step.event) counts[step.event] += 1;
    cursor = step.claimed;
  }
  return counts;
}
