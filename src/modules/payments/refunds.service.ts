/**
 * Hoàn trả phí, lệ phí: an authorised officer refunds (part of) a paid payment — an online one
 * through the payment platform's refund call, a counter one in cash at the counter — and the
 * daily reconciliation checks our refunds against the platform's statement. A request carries an
 * idempotency key, which is also the refund's reference at the platform: a retry answers with the
 * first refund here and is carried out once there, even after a lost answer. A refusal by the
 * platform leaves the payment as it was; the refund is kept as failed with the platform's reason.
 */
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import type { DossierRecord } from '../dossiers/dossiers.reporting.js';
import type { PaymentGateway, RefundOutcome } from './gateway.js';
import { vietnamDayBounds } from './paygov-simulator.js';
import { type Mismatch, reconcile, type StatementRow, summarize } from './payments.rules.js';
import { paymentRefunds, payments } from './payments.tables.js';
import type { RefundRow } from './refunds.query.js';
import { checkRefund, type RefundGround, retryOf } from './refunds.rules.js';

export interface RefundRequestInput {
  paymentId: string;
  amountVnd: number;
  ground: RefundGround;
  reason: string;
  idempotencyKey: string;
}

/** Refunds `amountVnd` of a paid payment of the dossier; `replayed` when the key was already used for it. */
export async function requestRefund(
  tx: Tx,
  ctx: RequestContext & { actor: Actor },
  gateway: PaymentGateway,
  dossier: DossierRecord,
  input: RefundRequestInput,
): Promise<{ refund: RefundRow; replayed: boolean }> {
  const [payment] = await tx.select().from(payments).where(eq(payments.id, input.paymentId)).for('update');
  if (!payment || payment.dossierId !== dossier.id)
    throw new AppError('PAYMENT_NOT_FOUND', { code: dossier.code, paymentId: input.paymentId });
  const [earlier] = await tx
    .select()
    .from(paymentRefunds)
    .where(eq(paymentRefunds.idempotencyKey, input.idempotencyKey));
  if (earlier) {
    if (retryOf(earlier, input) === 'conflict')
      throw new AppError('PAYMENT_REFUND_KEY_REUSED', { idempotencyKey: input.idempotencyKey });
    return { refund: earlier, replayed: true };
  }
  const prior = await tx.select().from(paymentRefunds).where(eq(paymentRefunds.paymentId, payment.id));
  const check = checkRefund(payment, prior, input.amountVnd);
  if (!check.ok) throw new AppError(check.code, { paymentId: payment.id, amountVnd: input.amountVnd });
  const requestedAt = new Date();
  const [requested] = await tx
    .insert(paymentRefunds)
    .values({ ...input, dossierId: dossier.id, status: 'requested', requestedBy: ctx.actor.userId, requestedAt })
    .returning();
  // A counter payment is refunded in cash at the counter: nothing to ask the platform.
  const outcome: RefundOutcome | { succeeded: true; refundTransactionId: null } =
    payment.provider === gateway.provider
      ? await gateway.refund(tx, {
          refundId: input.idempotencyKey,
          orderId: payment.id,
          transactionId: payment.providerTransactionId!,
          amountVnd: input.amountVnd,
          reason: `Hoan tra ho so ${dossier.code}`,
          requestedAt,
        })
      : { succeeded: true, refundTransactionId: null };
  const [refund] = await tx
    .update(paymentRefunds)
    .set(
      outcome.succeeded
        ? { status: 'succeeded', providerRefundId: outcome.refundTransactionId, completedAt: new Date() }
        : { status: 'failed', failureReason: `${outcome.message} (mã ${outcome.resultCode})`, completedAt: new Date() },
    )
    .where(eq(paymentRefunds.id, requested!.id))
    .returning();
  await recordChange(tx, ctx, {
    action: `payment.refund.${refund!.status}`,
    targetType: 'payment_refund',
    targetId: refund!.id,
    unitId: dossier.receivingUnitId,
    before: { status: 'requested' },
    after: {
      code: dossier.code,
      paymentId: payment.id,
      amountVnd: refund!.amountVnd,
      ground: refund!.ground,
      reason: refund!.reason,
      status: refund!.status,
      failureReason: refund!.failureReason,
    },
    event: {
      code: dossier.code,
      refundId: refund!.id,
      paymentId: payment.id,
      amountVnd: refund!.amountVnd,
      status: refund!.status,
    },
  });
  return { refund: refund!, replayed: false };
}

/**
 * The refunds part of a day's đối soát: the platform's refunds of the day against our refunds of
 * online payments requested that day (order id = the refund's idempotency key, its reference there).
 */
export async function reconcileRefunds(
  tx: Tx,
  provider: string,
  statement: readonly StatementRow[],
  day: string,
): Promise<{ mismatches: Mismatch[]; summary: ReturnType<typeof summarize> }> {
  const { start, end } = vietnamDayBounds(day);
  const ours = await tx
    .select({ refund: paymentRefunds })
    .from(paymentRefunds)
    .innerJoin(payments, eq(payments.id, paymentRefunds.paymentId))
    .where(
      and(eq(payments.provider, provider), gte(paymentRefunds.requestedAt, start), lt(paymentRefunds.requestedAt, end)),
    );
  const ledger = ours.map(({ refund: r }) => ({
    orderId: r.idempotencyKey,
    transactionId: r.providerRefundId,
    amountVnd: r.amountVnd,
    status: r.status,
  }));
  const result = reconcile(ledger, statement);
  const mismatched = new Set(result.mismatches.map((m) => m.orderId));
  const mark = async (keys: string[], state: 'matched' | 'mismatched') => {
    if (keys.length > 0)
      await tx
        .update(paymentRefunds)
        .set({ reconciliation: state })
        .where(inArray(paymentRefunds.idempotencyKey, keys));
  };
  await mark(result.matched, 'matched');
  await mark(
    ledger.filter((r) => mismatched.has(r.orderId)).map((r) => r.orderId),
    'mismatched',
  );
  return { mismatches: result.mismatches, summary: summarize(ledger, statement, result) };
}
