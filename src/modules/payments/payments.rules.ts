/**
 * The rules of paying a dossier, as pure functions: how much is still due, how a payment's
 * status may move, how the payment platform's messages are signed and checked, and what a
 * reconciliation (đối soát) finds between the platform's statement and our payments.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RefundStatus } from './refunds.rules.js';

export const PAYMENT_CHANNELS = ['online', 'counter'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];
export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'cancelled', 'expired'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type ReconciliationState = 'unreconciled' | 'matched' | 'mismatched';
/** A transaction's status as the platform reports it (callback and statement). */
export type StatementStatus = 'pending' | 'success' | 'cancelled' | 'failed';

// --- Amount due ----------------------------------------------------------------------------------

export interface PaymentTotals {
  /** The dossier's fee lines (phí, lệ phí), integer VND. */
  fees: readonly { amountVnd: number }[];
  obligations: readonly { id: string; amountVnd: number; requestedAt: Date; paidAt: Date | null }[];
  payments: readonly {
    obligationId: string | null;
    amountVnd: number;
    status: PaymentStatus;
    paidAt: Date | null;
  }[];
  /** Miễn nộp recorded by an authorised officer, per target (null: the fee lines). */
  exemptions: readonly { obligationId: string | null; amountVnd: number }[];
}

/** What a payment pays: the fee lines, or one obligation. */
export type PaymentTarget = { kind: 'fees' } | { kind: 'obligation'; obligationId: string };

const sum = (rows: readonly { amountVnd: number }[]) => rows.reduce((total, r) => total + r.amountVnd, 0);

const paidFor = (t: PaymentTotals, obligationId: string | null, before?: Date) =>
  sum(
    t.payments.filter(
      (p) =>
        p.status === 'paid' &&
        p.obligationId === obligationId &&
        (!before || (p.paidAt !== null && p.paidAt.getTime() < before.getTime())),
    ),
  );

const exemptedFor = (t: PaymentTotals, obligationId: string | null) =>
  sum(t.exemptions.filter((e) => e.obligationId === obligationId));

/**
 * The obligation that asks for the fee lines themselves, if any: the first one requested while
 * the fee lines were unpaid, for exactly what was still unpaid of them. An officer who moves a
 * dossier to "chờ thực hiện nghĩa vụ tài chính" (status 6) to collect its unpaid phí, lệ phí
 * requests that sum: it is the same debt under a second name, not a second debt, and paying either
 * name settles both (issue 15: a fee paid through such an obligation still showed as due).
 */
export function feeObligationId(t: PaymentTotals): string | null {
  const feeTotal = sum(t.fees);
  if (feeTotal === 0) return null;
  const ordered = [...t.obligations].sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
  const covering = ordered.find((o) => {
    const unpaid = feeTotal - paidFor(t, null, o.requestedAt);
    return unpaid > 0 && o.amountVnd === unpaid;
  });
  return covering?.id ?? null;
}

/**
 * Still due for a target: the fee lines less what was paid for them and what was exempted; an
 * obligation's amount unless it is confirmed paid (at the counter through confirmPayment, or by a
 * payment), less its payments and exemption. The fee lines and the obligation that asks for them
 * (feeObligationId) are one debt: what is paid or exempted under either name counts for both. Null
 * when the obligation is not the dossier's.
 */
export function amountDue(t: PaymentTotals, target: PaymentTarget): number | null {
  const feeObligation = feeObligationId(t);
  const obligationId = target.kind === 'fees' ? feeObligation : target.obligationId;
  const obligation = t.obligations.find((o) => o.id === obligationId);
  if (target.kind === 'obligation' && !obligation) return null;
  if (obligation?.paidAt) return 0;
  const settled = paidFor(t, obligationId ?? null) + exemptedFor(t, obligationId ?? null);
  if (target.kind === 'fees' || obligationId === feeObligation)
    return Math.max(0, sum(t.fees) - paidFor(t, null) - exemptedFor(t, null) - (obligation ? settled : 0));
  return Math.max(0, obligation!.amountVnd - settled);
}

/**
 * Every target with something due: the fees first, then the obligations in order. The fee lines
 * are listed under the obligation that asks for them, when there is one: paying it confirms the
 * obligation, which resumes the dossier's clock.
 */
export function dueTargets(t: PaymentTotals): { target: PaymentTarget; amountVnd: number }[] {
  const feeObligation = feeObligationId(t);
  const targets: PaymentTarget[] = [
    ...(feeObligation ? [] : [{ kind: 'fees' as const }]),
    ...t.obligations.map((o) => ({ kind: 'obligation' as const, obligationId: o.id })),
  ];
  return targets.map((target) => ({ target, amountVnd: amountDue(t, target) ?? 0 })).filter((d) => d.amountVnd > 0);
}

/** The total still due on a dossier (what returning its result waits for). */
export const totalDue = (t: PaymentTotals) => sum(dueTargets(t));

// --- State machine -----------------------------------------------------------------------------

export type PaymentEvent = 'paid' | 'failed' | 'cancelled' | 'expired';

export type PaymentMove = { kind: 'move'; to: PaymentStatus } | { kind: 'unchanged' } | { kind: 'refused' };

/**
 * A payment starts pending and ends once. The same outcome reported again changes nothing (the
 * platform repeats callbacks until acknowledged). A success reported for a payment we had expired
 * or cancelled still counts: the payer's money was taken, so the payment is paid (reconciliation
 * will show it). Any other change of a finished payment is refused.
 */
export function paymentTransition(from: PaymentStatus, event: PaymentEvent): PaymentMove {
  if (from === event) return { kind: 'unchanged' };
  if (from === 'pending') return { kind: 'move', to: event };
  if (event === 'paid' && (from === 'expired' || from === 'cancelled')) return { kind: 'move', to: 'paid' };
  return { kind: 'refused' };
}

/** The platform's result code → our event (00 success, 24 cancelled by the payer, else failed). */
export function eventOfResult(resultCode: string): PaymentEvent {
  if (resultCode === '00') return 'paid';
  if (resultCode === '24') return 'cancelled';
  return 'failed';
}

// --- Expiry -------------------------------------------------------------------------------------

/**
 * How long past an order's expiry the task waits before asking the platform: clocks differ a
 * little, and a payer who confirmed in the last second must have the success recorded first.
 */
export const EXPIRY_GRACE_MS = 5 * 60_000;

/** When an online order lapses: sent to the platform as its expireDate and kept on the payment. */
export const expiryOf = (createdAt: Date, expiryMinutes: number) =>
  new Date(createdAt.getTime() + expiryMinutes * 60_000);

/** A pending online payment is due to expire once its order's expiry plus the grace has passed. */
export function dueToExpire(
  p: { channel: PaymentChannel; status: PaymentStatus; expiresAt: Date | null },
  now: Date,
): boolean {
  return (
    p.channel === 'online' &&
    p.status === 'pending' &&
    p.expiresAt !== null &&
    now.getTime() >= p.expiresAt.getTime() + EXPIRY_GRACE_MS
  );
}

/** Result codes that are a transaction's final outcome at the platform (paygov-protocol.ts). */
export const FINAL_RESULTS = new Set(['00', '24', '51', '99']);

/**
 * What a payment due to expire becomes, given the platform's answer to a status query: the
 * platform's final outcome when it has one — a success whose IPN never reached us is paid, not
 * expired — otherwise (still open, lapsed, unknown there) expired. A success reported later
 * still counts (`paymentTransition`).
 */
export const eventOnExpiry = (queriedResultCode: string): PaymentEvent =>
  FINAL_RESULTS.has(queriedResultCode) ? eventOfResult(queriedResultCode) : 'expired';

// --- Checksums ----------------------------------------------------------------------------------

export type SignedFields = Record<string, string | number>;

/**
 * The string a checksum covers: every field but `checksum`, sorted by name, as `name=value`
 * joined by `&` (values as sent, not URL-encoded), so both sides build it the same way whatever
 * order the fields travelled in.
 */
export function canonicalString(fields: SignedFields): string {
  return Object.keys(fields)
    .filter((k) => k !== 'checksum')
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join('&');
}

/** HMAC-SHA256 of the canonical string with the shared secret, lower-case hex. */
export function checksumOf(secret: string, fields: SignedFields): string {
  return createHmac('sha256', secret).update(canonicalString(fields), 'utf8').digest('hex');
}

export function withChecksum<T extends SignedFields>(secret: string, fields: T): T & { checksum: string } {
  return { ...fields, checksum: checksumOf(secret, fields) };
}

/** Constant-time comparison of the sent checksum with the one the fields should carry. */
export function verifyChecksum(secret: string, fields: SignedFields): boolean {
  const sent = fields.checksum;
  if (typeof sent !== 'string' || !/^[0-9a-f]{64}$/.test(sent)) return false;
  return timingSafeEqual(Buffer.from(sent, 'hex'), Buffer.from(checksumOf(secret, fields), 'hex'));
}

// --- Receipts -----------------------------------------------------------------------------------

/** Số biên lai điện tử: BL-<year>-<serial, 7 digits>. */
export const receiptNumberOf = (year: number, serial: number) => `BL-${year}-${String(serial).padStart(7, '0')}`;

// --- Reconciliation -----------------------------------------------------------------------------

/**
 * A payment of ours as reconciliation compares it (order id = payment id), or a refund of ours
 * (order id = refund id, status a RefundStatus): `succeeded` is where a refund moved money.
 */
export interface LedgerRow {
  orderId: string;
  transactionId: string | null;
  amountVnd: number;
  status: PaymentStatus | RefundStatus;
}

/** Our statuses that mean the money moved: a paid payment, a succeeded refund. */
const SETTLED = new Set<LedgerRow['status']>(['paid', 'succeeded']);

export interface StatementRow {
  orderId: string;
  transactionId: string;
  amountVnd: number;
  status: StatementStatus;
}

export type Mismatch =
  | { kind: 'missingHere'; orderId: string; transactionId: string; amountVnd: number }
  | { kind: 'missingThere'; orderId: string; amountVnd: number }
  | { kind: 'amount'; orderId: string; ours: number; theirs: number }
  | { kind: 'status'; orderId: string; ours: LedgerRow['status']; theirs: StatementStatus };

/**
 * Compares a day's statement with our payments (or refunds) of that day. Only successful statement
 * rows and our paid payments (succeeded refunds) carry money: a pending or cancelled platform row matching a non-paid payment
 * is fine; a success we do not hold as paid, or a paid payment the platform does not list as a
 * success, is a mismatch, as is any difference of amount.
 */
export function reconcile(
  ours: readonly LedgerRow[],
  statement: readonly StatementRow[],
): { matched: string[]; mismatches: Mismatch[] } {
  const byOrder = new Map(ours.map((p) => [p.orderId, p]));
  const listed = new Set<string>();
  const matched: string[] = [];
  const mismatches: Mismatch[] = [];
  for (const row of statement) {
    listed.add(row.orderId);
    const mine = byOrder.get(row.orderId);
    if (!mine) {
      if (row.status === 'success')
        mismatches.push({
          kind: 'missingHere',
          orderId: row.orderId,
          transactionId: row.transactionId,
          amountVnd: row.amountVnd,
        });
      continue;
    }
    if (mine.amountVnd !== row.amountVnd)
      mismatches.push({ kind: 'amount', orderId: row.orderId, ours: mine.amountVnd, theirs: row.amountVnd });
    else if ((row.status === 'success') !== SETTLED.has(mine.status))
      mismatches.push({ kind: 'status', orderId: row.orderId, ours: mine.status, theirs: row.status });
    else matched.push(row.orderId);
  }
  for (const mine of ours) {
    if (!listed.has(mine.orderId) && SETTLED.has(mine.status))
      mismatches.push({ kind: 'missingThere', orderId: mine.orderId, amountVnd: mine.amountVnd });
  }
  return { matched, mismatches };
}

/** The counts and money of a run, as the list of runs shows them (integer VND). */
export interface ReconciliationSummary {
  matched: number;
  /** Present on both sides with another amount or status. */
  mismatched: number;
  missingHere: number;
  missingThere: number;
  oursPaidVnd: number;
  statementPaidVnd: number;
}

export function summarize(
  ours: readonly LedgerRow[],
  statement: readonly StatementRow[],
  result: { matched: readonly string[]; mismatches: readonly Mismatch[] },
): ReconciliationSummary {
  const count = (...kinds: Mismatch['kind'][]) => result.mismatches.filter((m) => kinds.includes(m.kind)).length;
  const sum = (rows: readonly { amountVnd: number }[]) => rows.reduce((total, r) => total + r.amountVnd, 0);
  return {
    matched: result.matched.length,
    mismatched: count('amount', 'status'),
    missingHere: count('missingHere'),
    missingThere: count('missingThere'),
    oursPaidVnd: sum(ours.filter((p) => SETTLED.has(p.status))),
    statementPaidVnd: sum(statement.filter((r) => r.status === 'success')),
  };
}
