import { describe, expect, it } from 'vitest';
import {
  amountDue,
  canonicalString,
  checksumOf,
  dueTargets,
  dueToExpire,
  eventOfResult,
  eventOnExpiry,
  EXPIRY_GRACE_MS,
  expiryOf,
  type PaymentStatus,
  paymentTransition,
  receiptNumberOf,
  reconcile,
  summarize,
  verifyChecksum,
  withChecksum,
} from './payments.rules.js';

const SECRET = 'a-shared-secret-of-at-least-32-characters';
const paid = (amountVnd: number, obligationId: string | null = null, status: PaymentStatus = 'paid') => ({
  amountVnd,
  obligationId,
  status,
});

describe('amount due', () => {
  const fees = [{ amountVnd: 8000 }, { amountVnd: 2000 }];
  const obligations = [
    { id: 'o1', amountVnd: 50_000, paidAt: null },
    { id: 'o2', amountVnd: 7000, paidAt: new Date('2026-01-05T03:00:00Z') },
  ];

  it('is the fee lines less what was paid for them; only paid payments count', () => {
    expect(amountDue({ fees, obligations, payments: [] }, { kind: 'fees' })).toBe(10_000);
    expect(
      amountDue(
        { fees, obligations, payments: [paid(4000), paid(6000, null, 'pending'), paid(6000, null, 'failed')] },
        { kind: 'fees' },
      ),
    ).toBe(6000);
    expect(amountDue({ fees, obligations, payments: [paid(10_000), paid(10_000)] }, { kind: 'fees' })).toBe(0);
    expect(amountDue({ fees: [], obligations, payments: [] }, { kind: 'fees' })).toBe(0);
  });

  it('is an obligation’s amount until paid or confirmed; unknown obligations are null', () => {
    expect(amountDue({ fees, obligations, payments: [paid(10_000)] }, { kind: 'obligation', obligationId: 'o1' })).toBe(
      50_000,
    );
    expect(
      amountDue({ fees, obligations, payments: [paid(50_000, 'o1')] }, { kind: 'obligation', obligationId: 'o1' }),
    ).toBe(0);
    expect(amountDue({ fees, obligations, payments: [] }, { kind: 'obligation', obligationId: 'o2' })).toBe(0);
    expect(amountDue({ fees, obligations, payments: [] }, { kind: 'obligation', obligationId: 'nope' })).toBeNull();
  });

  it('lists what is due: fees first, then open obligations', () => {
    expect(dueTargets({ fees, obligations, payments: [paid(3000)] })).toEqual([
      { target: { kind: 'fees' }, amountVnd: 7000 },
      { target: { kind: 'obligation', obligationId: 'o1' }, amountVnd: 50_000 },
    ]);
  });
});

describe('payment state machine', () => {
  it('moves a pending payment to any outcome, once', () => {
    for (const e of ['paid', 'failed', 'cancelled', 'expired'] as const)
      expect(paymentTransition('pending', e)).toEqual({ kind: 'move', to: e });
  });
  it('treats the same outcome reported again as unchanged (idempotent callbacks)', () => {
    for (const s of ['paid', 'failed', 'cancelled', 'expired'] as const)
      expect(paymentTransition(s, s)).toEqual({ kind: 'unchanged' });
  });
  it('records a late success of an abandoned payment (the money was taken), refuses other changes', () => {
    expect(paymentTransition('expired', 'paid')).toEqual({ kind: 'move', to: 'paid' });
    expect(paymentTransition('cancelled', 'paid')).toEqual({ kind: 'move', to: 'paid' });
    expect(paymentTransition('paid', 'cancelled')).toEqual({ kind: 'refused' });
    expect(paymentTransition('paid', 'failed')).toEqual({ kind: 'refused' });
    expect(paymentTransition('failed', 'paid')).toEqual({ kind: 'refused' });
  });
  it('reads the platform’s result codes', () => {
    expect(eventOfResult('00')).toBe('paid');
    expect(eventOfResult('24')).toBe('cancelled');
    expect(eventOfResult('51')).toBe('failed');
  });
});

describe('expiry of online payments', () => {
  const created = new Date('2026-03-02T01:00:00Z');
  const expiresAt = expiryOf(created, 24 * 60);
  const at = (ms: number) => new Date(expiresAt.getTime() + ms);

  it('lapses the configured minutes after creation', () => {
    expect(expiresAt.toISOString()).toBe('2026-03-03T01:00:00.000Z');
    expect(expiryOf(created, 15).toISOString()).toBe('2026-03-02T01:15:00.000Z');
  });

  it.each([
    ['pending online, before its expiry', 'online', 'pending', expiresAt, at(-1), false],
    ['pending online, at its expiry (the grace runs)', 'online', 'pending', expiresAt, at(0), false],
    ['pending online, within the grace', 'online', 'pending', expiresAt, at(EXPIRY_GRACE_MS - 1), false],
    ['pending online, once the grace has passed', 'online', 'pending', expiresAt, at(EXPIRY_GRACE_MS), true],
    ['pending online, long past', 'online', 'pending', expiresAt, at(30 * 86_400_000), true],
    ['paid online', 'online', 'paid', expiresAt, at(EXPIRY_GRACE_MS), false],
    ['cancelled online', 'online', 'cancelled', expiresAt, at(EXPIRY_GRACE_MS), false],
    ['already expired', 'online', 'expired', expiresAt, at(EXPIRY_GRACE_MS), false],
    ['pending without an expiry', 'online', 'pending', null, at(EXPIRY_GRACE_MS), false],
    ['at the counter', 'counter', 'paid', null, at(EXPIRY_GRACE_MS), false],
  ] as const)('%s → due %s', (_, channel, status, expires, now, due) => {
    expect(dueToExpire({ channel, status, expiresAt: expires }, now)).toBe(due);
  });

  it.each([
    ['00', 'paid'], // paid at the platform, IPN lost: confirmed, not expired
    ['24', 'cancelled'],
    ['51', 'failed'],
    ['99', 'failed'],
    ['01', 'expired'], // still open at the platform
    ['11', 'expired'], // lapsed at the platform
    ['91', 'expired'], // unknown there
  ] as const)('the platform answering %s → %s', (code, event) => {
    expect(eventOnExpiry(code)).toBe(event);
  });
});

describe('checksums', () => {
  const fields = { orderId: 'o-1', amount: 8000, merchantCode: 'MOTCUA', orderInfo: 'Thanh toan ho so' };

  it('covers the fields sorted by name, without the checksum itself', () => {
    expect(canonicalString({ ...fields, checksum: 'x' })).toBe(
      'amount=8000&merchantCode=MOTCUA&orderId=o-1&orderInfo=Thanh toan ho so',
    );
  });
  it('is HMAC-SHA256 hex of that string (a known vector)', () => {
    // echo -n 'a=1&b=2' | openssl dgst -sha256 -hmac key
    expect(checksumOf('key', { b: 2, a: '1' })).toBe(
      'b3c18626e7ac81395c1d37966c7ee2258a6967a1b3fdefb4fa339bb19dc73b0e',
    );
  });
  it('verifies what was signed with the secret, whatever the field order', () => {
    const signed = withChecksum(SECRET, fields);
    const reordered = Object.fromEntries(Object.entries(signed).reverse());
    expect(verifyChecksum(SECRET, reordered)).toBe(true);
  });
  it('refuses a changed field, another secret, a missing or malformed checksum', () => {
    const signed = withChecksum(SECRET, fields);
    expect(verifyChecksum(SECRET, { ...signed, amount: 1000 })).toBe(false);
    expect(verifyChecksum(`${SECRET}!`, signed)).toBe(false);
    expect(verifyChecksum(SECRET, fields)).toBe(false);
    expect(verifyChecksum(SECRET, { ...signed, checksum: 'zz' })).toBe(false);
    expect(verifyChecksum(SECRET, { ...signed, checksum: signed.checksum.toUpperCase() })).toBe(false);
  });
});

describe('receipt numbers', () => {
  it('are BL-<year>-<serial on 7 digits>', () => {
    expect(receiptNumberOf(2026, 42)).toBe('BL-2026-0000042');
  });
});

describe('reconciliation', () => {
  const ours = [
    { orderId: 'a', transactionId: 'T1', amountVnd: 8000, status: 'paid' as const },
    { orderId: 'b', transactionId: 'T2', amountVnd: 5000, status: 'cancelled' as const },
    { orderId: 'c', transactionId: 'T3', amountVnd: 9000, status: 'paid' as const },
    { orderId: 'd', transactionId: 'T4', amountVnd: 4000, status: 'pending' as const },
    { orderId: 'e', transactionId: 'T5', amountVnd: 3000, status: 'paid' as const },
  ];
  const statement = [
    { orderId: 'a', transactionId: 'T1', amountVnd: 8000, status: 'success' as const },
    { orderId: 'b', transactionId: 'T2', amountVnd: 5000, status: 'cancelled' as const },
    { orderId: 'c', transactionId: 'T3', amountVnd: 9500, status: 'success' as const },
    { orderId: 'd', transactionId: 'T4', amountVnd: 4000, status: 'success' as const },
    { orderId: 'x', transactionId: 'T9', amountVnd: 7000, status: 'success' as const },
    { orderId: 'y', transactionId: 'T8', amountVnd: 7000, status: 'cancelled' as const },
  ];

  it('matches equal rows and reports every kind of difference', () => {
    const { matched, mismatches } = reconcile(ours, statement);
    expect(matched).toEqual(['a', 'b']);
    expect(mismatches).toEqual([
      { kind: 'amount', orderId: 'c', ours: 9000, theirs: 9500 },
      { kind: 'status', orderId: 'd', ours: 'pending', theirs: 'success' },
      { kind: 'missingHere', orderId: 'x', transactionId: 'T9', amountVnd: 7000 },
      { kind: 'missingThere', orderId: 'e', amountVnd: 3000 },
    ]);
  });
  it('finds nothing to report between identical ledgers', () => {
    expect(reconcile([], []).mismatches).toEqual([]);
  });
  it('sums the run up: counts by kind, and the money each side holds as paid', () => {
    expect(summarize(ours, statement, reconcile(ours, statement))).toEqual({
      matched: 2,
      mismatched: 2,
      missingHere: 1,
      missingThere: 1,
      oursPaidVnd: 8000 + 9000 + 3000,
      statementPaidVnd: 8000 + 9500 + 4000 + 7000,
    });
    expect(summarize([], [], reconcile([], []))).toEqual({
      matched: 0,
      mismatched: 0,
      missingHere: 0,
      missingThere: 0,
      oursPaidVnd: 0,
      statementPaidVnd: 0,
    });
  });
});
