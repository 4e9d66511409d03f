/**
 * The rules of refunding a paid fee (hoàn trả phí, lệ phí), as pure functions: how much of a
 * payment may still be refunded, whether a request may go ahead, how a refund's status moves,
 * and what a retried request (same idempotency key) means.
 *
 * Legal basis: the Law on Fees and Charges 2015 (Luật Phí và lệ phí 45/2015/QH13) and Decree
 * 120/2016/NĐ-CP let the collecting agency collect only what the fee schedule sets; money taken
 * for a service not rendered (a refused or withdrawn dossier) or beyond the amount due is
 * returned to the payer. A refund never exceeds what was paid less what was already refunded.
 */

export const REFUND_STATUSES = ['requested', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** Why the money goes back: the dossier was refused or withdrawn, or more was paid than due. */
export const REFUND_GROUNDS = ['refused', 'withdrawn', 'overpaid', 'other'] as const;
export type RefundGround = (typeof REFUND_GROUNDS)[number];

export interface RefundedPayment {
  status: string;
  amountVnd: number;
}

export interface PriorRefund {
  amountVnd: number;
  status: RefundStatus;
}

/**
 * What may still be refunded of a payment: a paid payment's amount less every refund not failed
 * (a requested one is held: the platform may still carry it out). Nothing of an unpaid payment.
 */
export function refundable(payment: RefundedPayment, refunds: readonly PriorRefund[]): number {
  if (payment.status !== 'paid') return 0;
  const held = refunds.filter((r) => r.status !== 'failed').reduce((sum, r) => sum + r.amountVnd, 0);
  return Math.max(0, payment.amountVnd - held);
}

export type RefundCheck =
  | { ok: true }
  | { ok: false; code: 'PAYMENT_REFUND_NOT_PAID' | 'PAYMENT_REFUND_AMOUNT_EXCEEDS' };

/** Whether `amountVnd` (a positive integer) may be refunded of the payment now. */
export function checkRefund(payment: RefundedPayment, refunds: readonly PriorRefund[], amountVnd: number): RefundCheck {
  if (payment.status !== 'paid') return { ok: false, code: 'PAYMENT_REFUND_NOT_PAID' };
  if (amountVnd > refundable(payment, refunds)) return { ok: false, code: 'PAYMENT_REFUND_AMOUNT_EXCEEDS' };
  return { ok: true };
}

/** A request again under a key already used: the same request is answered with the first refund. */
export function retryOf(
  earlier: { paymentId: string; amountVnd: number },
  request: { paymentId: string; amountVnd: number },
): 'replay' | 'conflict' {
  return earlier.paymentId === request.paymentId && earlier.amountVnd === request.amountVnd ? 'replay' : 'conflict';
}
