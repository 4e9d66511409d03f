import { describe, expect, it } from 'vitest';
import { checkRefund, type PriorRefund, refundable, retryOf } from './refunds.rules.js';

const refund = (amountVnd: number, status: PriorRefund['status'] = 'succeeded'): PriorRefund => ({
  amountVnd,
  status,
});
const paid = { status: 'paid', amountVnd: 8000 };

describe('what may still be refunded', () => {
  it.each([
    ['nothing refunded yet', paid, [], 8000],
    ['part refunded', paid, [refund(3000)], 5000],
    ['a refund still requested is held', paid, [refund(3000, 'requested')], 5000],
    ['a failed refund gives nothing back', paid, [refund(8000, 'failed')], 8000],
    ['all refunded', paid, [refund(5000), refund(3000)], 0],
    ['a payment not paid', { status: 'cancelled', amountVnd: 8000 }, [], 0],
  ] as const)('%s → %d', (_, payment, refunds, expected) => {
    expect(refundable(payment, refunds)).toBe(expected);
  });
});

describe('checking a refund request', () => {
  it.each([
    ['the whole amount', paid, [], 8000, { ok: true }],
    ['a part', paid, [refund(3000)], 5000, { ok: true }],
    ['more than paid', paid, [], 8001, { ok: false, code: 'PAYMENT_REFUND_AMOUNT_EXCEEDS' }],
    ['more than paid less refunded', paid, [refund(3000)], 5001, { ok: false, code: 'PAYMENT_REFUND_AMOUNT_EXCEEDS' }],
    [
      'beside a requested refund',
      paid,
      [refund(8000, 'requested')],
      1,
      { ok: false, code: 'PAYMENT_REFUND_AMOUNT_EXCEEDS' },
    ],
    [
      'a pending payment',
      { status: 'pending', amountVnd: 8000 },
      [],
      100,
      { ok: false, code: 'PAYMENT_REFUND_NOT_PAID' },
    ],
  ] as const)('%s', (_, payment, refunds, amount, expected) => {
    expect(checkRefund(payment, refunds, amount)).toEqual(expected);
  });
});

describe('a retried request (same idempotency key)', () => {
  it.each([
    ['same payment and amount', { paymentId: 'p', amountVnd: 8000 }, 'replay'],
    ['another amount', { paymentId: 'p', amountVnd: 5000 }, 'conflict'],
    ['another payment', { paymentId: 'q', amountVnd: 8000 }, 'conflict'],
  ] as const)('%s → %s', (_, request, expected) => {
    expect(retryOf({ paymentId: 'p', amountVnd: 8000 }, request)).toBe(expected);
  });
});
