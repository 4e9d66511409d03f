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
  feeObligationId,
  type PaymentStatus,
  paymentTransition,
  receiptNumberOf,
  reconcile,
  summarize,
  totalDue,
  verifyChecksum,
  withChecksum,
} from './payments.rules.js';

const SECRET = 'a-shared-secret-of-at-least-32-characters';
const paid = (
  amountVnd: number,
  obligationId: string | null = null,
  status: PaymentStatus = 'paid',
  paidAt: Date | null = new Date('2026-01-06T03:00:00Z'),
) => ({ amountVnd, obligationId, status, paidAt: status === 'paid' ? paidAt : null });

describe('amount due', () => {
  const fees = [{ amountVnd: 8000 }, { amountVnd: 2000 }];
  const requestedAt = new Date('2026-01-05T02:00:00Z');
  const obligations = [
    { id: 'o1', amountVnd: 50_000, requestedAt, paidAt: null },
    { id: 'o2', amountVnd: 7000, requestedAt, paidAt: new Date('2026-01-05T03:00:00Z') },
  ];
  const none = { exemptions: [] };

  it('is the fee lines less what was paid for them; only paid payments count', () => {
    expect(amountDue({ fees, obligations, payments: [], ...none }, { kind: 'fees' })).toBe(10_000);
    expect(
      amountDue(
        {
          fees,
          obligations,
          payments: [paid(4000), paid(6000, null, 'pending'), paid(6000, null, 'failed')],
          ...none,
        },
        { kind: 'fees' },
      ),
    ).toBe(6000);
    expect(amountDue({ fees, obligations, payments: [paid(10_000), paid(10_000)], ...none }, { kind: 'fees' })).toBe(0);
    expect(amountDue({ fees: [], obligations, payments: [], ...none }, { kind: 'fees' })).toBe(0);
  });

  it('is an obligation’s amount until paid or confirmed; unknown obligations are null', () => {
    const o1 = { kind: 'obligation', obligationId: 'o1' } as const;
    expect(amountDue({ fees, obligations, payments: [paid(10_000)], ...none }, o1)).toBe(50_000);
    expect(amountDue({ fees, obligations, payments: [paid(50_000, 'o1')], ...none }, o1)).toBe(0);
    expect(amountDue({ fees, obligations, payments: [], ...none }, { kind: 'obligation', obligationId: 'o2' })).toBe(0);
    expect(
      amountDue({ fees, obligations, payments: [], ...none }, { kind: 'obligation', obligationId: 'nope' }),
    ).toBeNull();
  });

  it('lists what is due: fees first, then open obligations', () => {
    expect(dueTargets({ fees, obligations, payments: [paid(3000)], ...none })).toEqual([
      { target: { kind: 'fees' }, amountVnd: 7000 },
      { target: { kind: 'obligation', obligationId: 'o1' }, amountVnd: 50_000 },
    ]);
  });

  it('takes off what an authorised officer exempted (miễn nộp), per target', () => {
    const exempt = (amountVnd: number, obligationId: string | null = null) => ({ amountVnd, obligationId });
    const t = { fees, obligations, payments: [paid(3000)], exemptions: [exempt(7000), exempt(50_000, 'o1')] };
    expect(amountDue(t, { kind: 'fees' })).toBe(0);
    expect(amountDue(t, { kind: 'obligation', obligationId: 'o1' })).toBe(0);
    expect(dueTargets(t)).toEqual([]);
    expect(totalDue({ ...t, exemptions: [exempt(7000)] })).toBe(50_000);
  });
});

describe('the obligation that asks for the fee lines (one debt under two names)', () => {
  const fees = [{ amountVnd: 8000 }];
  const at = (hour: number) => new Date(`2026-01-05T${String(hour).padStart(2, '0')}:00:00Z`);
  const obligation = (id: string, amountVnd: number, requestedHour: number, paidAt: Date | null = null) => ({
    id,
    amountVnd,
    requestedAt: at(requestedHour),
    paidAt,
  });
  const totals = (obligations: ReturnType<typeof obligation>[], payments: ReturnType<typeof paid>[] = []) => ({
    fees,
    obligations,
    payments,
    exemptions: [],
  });

  it.each([
    ['unpaid fees, an obligation of their amount', totals([obligation('o', 8000, 3)]), 'o'],
    ['unpaid fees, an obligation of another amount', totals([obligation('o', 30_000, 3)]), null],
    [
      'fees paid before the request: the obligation is another debt',
      totals([obligation('o', 8000, 3)], [paid(8000, null, 'paid', at(2))]),
      null,
    ],
    [
      'fees paid in part before: an obligation of the rest',
      totals([obligation('o', 3000, 3)], [paid(5000, null, 'paid', at(2))]),
      'o',
    ],
    ['two of the amount: the first requested', totals([obligation('b', 8000, 4), obligation('a', 8000, 3)]), 'a'],
    ['no fee lines', { ...totals([obligation('o', 8000, 3)]), fees: [] }, null],
  ] as const)('%s → %s', (_, t, expected) => {
    expect(feeObligationId(t)).toBe(expected);
  });

  it.each([
    // The issue: the citizen paid the obligation; the fee lines must not stay due.
    ['the obligation paid', [paid(8000, 'o')], null, 0],
    ['the obligation confirmed at the counter', [], at(5), 0],
    ['the fee lines paid directly', [paid(8000, null, 'paid', at(4))], null, 0],
    ['nothing paid', [], null, 8000],
    ['a payment of the obligation still pending', [paid(8000, 'o', 'pending')], null, 8000],
  ] as const)('%s → %d due under either name, listed once', (_, payments, paidAt, due) => {
    const t = totals([obligation('o', 8000, 3, paidAt)], [...payments]);
    expect(amountDue(t, { kind: 'fees' })).toBe(due);
    expect(amountDue(t, { kind: 'obligation', obligationId: 'o' })).toBe(due);
    expect(dueTargets(t)).toEqual(due ? [{ target: { kind: 'obligation', obligationId: 'o' }, amountVnd: due }] : []);
    expect(totalDue(t)).toBe(due);
  });

  it('keeps an obligation of another amount as a second debt', () => {
    const t = totals([obligation('o', 30_000, 3)], [paid(30_000, 'o')]);
    expect(dueTargets(t)).toEqual([{ target: { kind: 'fees' }, amountVnd: 8000 }]);
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
  it('reconciles refunds the same way: a succeeded refund is money moved', () => {
    const refunds = [
      { orderId: 'k1', transactionId: 'RF1', amountVnd: 3000, status: 'succeeded' as const },
      { orderId: 'k2', transactionId: null, amountVnd: 8000, status: 'failed' as const },
      { orderId: 'k3', transactionId: 'RF3', amountVnd: 2000, status: 'succeeded' as const },
    ];
    const theirs = [
      { orderId: 'k1', transactionId: 'RF1', amountVnd: 3000, status: 'success' as const },
      { orderId: 'k2', transactionId: 'T2', amountVnd: 8000, status: 'failed' as const },
      { orderId: 'k3', transactionId: 'T3', amountVnd: 2000, status: 'failed' as const },
    ];
    const result = reconcile(refunds, theirs);
    expect(result).toEqual({
      matched: ['k1', 'k2'],
      mismatches: [{ kind: 'status', orderId: 'k3', ours: 'succeeded', theirs: 'failed' }],
    });
    expect(summarize(refunds, theirs, result)).toMatchObject({ oursPaidVnd: 5000, statementPaidVnd: 3000 });
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
