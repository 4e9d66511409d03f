/**
 * Paying a dossier: an online payment through the national platform (start → the platform's
 * signed result), a counter payment an officer records, and the daily reconciliation. Each state
 * change is one transaction with its audit record and outbox event. Paying a financial obligation
 * confirms it through the dossier's own confirmPayment action (the clock resumes there), as the
 * officer at the counter or as the system on the platform's verified word.
 */
import { and, asc, eq, getTableColumns, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Database, Queryable, Tx } from '../../kernel/db.js';
import { type Actor, type RequestContext, systemContext } from '../../kernel/context.js';
import type { Env } from '../../kernel/env.js';
import { AppError } from '../../kernel/errors.js';
import { jsonRows } from '../../kernel/json-rows.js';
import { recordChange } from '../audit/record-change.js';
import { performAction, performSystemAction } from '../dossiers/actions.service.js';
import {
  type DossierRecord,
  dossierRecordByCode,
  dossierRecordById,
  lockDossier,
  reportedObligations as dossierObligations,
} from '../dossiers/dossiers.reporting.js';
import type { PaymentGateway, PlatformResult } from './gateway.js';
import { type ExemptionRow, exemptionsJson } from './exemptions.query.js';
import { vietnamDayBounds } from './paygov-simulator.js';
import {
  amountDue,
  eventOfResult,
  expiryOf,
  FINAL_RESULTS,
  type PaymentEvent,
  type PaymentTarget,
  type PaymentTotals,
  paymentTransition,
  receiptNumberOf,
  reconcile,
  type SignedFields,
  summarize,
} from './payments.rules.js';
import { paymentReconciliations, payments } from './payments.tables.js';
import { reconcileRefunds } from './refunds.service.js';

export type DossierRow = DossierRecord;
export type PaymentRow = typeof payments.$inferSelect;

/** Ended dossiers take no more money. */
const ENDED = new Set(['withdrawn', 'refused', 'stopped']);

export async function dossierByCode(db: Queryable, code: string): Promise<DossierRow> {
  const dossier = await dossierRecordByCode(db, code);
  if (!dossier) throw new AppError('DOSSIER_NOT_FOUND', { code });
  return dossier;
}

/** The totals the rules need; obligations keep their description, payments and exemptions their rows, for display. */
export type DossierTotals = Omit<PaymentTotals, 'obligations' | 'payments' | 'exemptions'> & {
  obligations: { id: string; description: string; amountVnd: number; requestedAt: Date; paidAt: Date | null }[];
  payments: PaymentRow[];
  exemptions: ExemptionRow[];
};

/** Obligations, payments and exemptions of a dossier in one statement (each a JSON column). */
export async function totalsOf(
  db: Queryable,
  dossier: { id: string; fees: readonly { amountVnd: number }[] },
): Promise<DossierTotals> {
  const [row] = await db
    .select({
      obligations: jsonRows(OBLIGATION_FIELDS, (row) =>
        db
          .select({ row })
          .from(dossierObligations)
          .where(eq(dossierObligations.dossierId, dossier.id))
          .orderBy(asc(dossierObligations.requestedAt)),
      ),
      payments: jsonRows(getTableColumns(payments), (row) =>
        db
          .select({ row })
          .from(payments)
          .where(eq(payments.dossierId, dossier.id))
          .orderBy(asc(payments.createdAt), asc(payments.serial)),
      ),
      exemptions: exemptionsJson(db, dossier.id),
    })
    .from(sql`(select 1) as one`);
  return { fees: dossier.fees, ...row! };
}

const OBLIGATION_FIELDS = {
  id: dossierObligations.id,
  description: dossierObligations.description,
  amountVnd: dossierObligations.amountVnd,
  requestedAt: dossierObligations.requestedAt,
  paidAt: dossierObligations.paidAt,
};

/** The amount still due for the target; refuses an ended dossier, an unknown obligation, nothing due. */
async function dueFor(tx: Tx, dossier: DossierRow, target: PaymentTarget): Promise<number> {
  if (ENDED.has(dossier.status))
    throw new AppError('PAYMENT_NOT_ALLOWED', { code: dossier.code, status: dossier.status });
  const due = amountDue(await totalsOf(tx, dossier), target);
  if (due === null) throw new AppError('PAYMENT_OBLIGATION_NOT_FOUND', { code: dossier.code });
  if (due === 0) throw new AppError('PAYMENT_NOTHING_DUE', { code: dossier.code });
  return due;
}

const targetOf = (obligationId: string | null | undefined): PaymentTarget =>
  obligationId ? { kind: 'obligation', obligationId } : { kind: 'fees' };

export interface OnlineStart {
  /** Minutes the platform's order stays payable (PAYMENT_EXPIRY_MINUTES). */
  expiryMinutes: number;
  publicUrl: string;
  /** Path of the portal page the platform sends the payer back to. */
  returnPath: (paymentId: string) => string;
}

/**
 * Before a new attempt: asks the platform where each earlier unfinished online attempt of the
 * dossier stands, and records a final outcome (a success whose confirmation never reached us is
 * recorded as paid, with its receipt — so the applicant is not charged twice). Its own
 * transaction per attempt, committed before the new attempt starts. A platform that cannot be
 * reached refuses the new attempt (PAYMENT_PLATFORM_UNAVAILABLE): while an earlier attempt's fate
 * is unknown, a second payment could charge twice.
 */
export async function settleOpenAttempts(
  db: Database,
  env: Env,
  gateway: PaymentGateway,
  dossierId: string,
  requestId: string | null,
): Promise<void> {
  const open = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.dossierId, dossierId), eq(payments.status, 'pending'), eq(payments.channel, 'online')));
  for (const { id } of open)
    await db.transaction(async (tx) => {
      const [payment] = await tx.select().from(payments).where(eq(payments.id, id)).for('update');
      if (payment?.status !== 'pending' || !payment.providerTransactionId) return;
      const answer = await gateway.queryTransaction(tx, {
        orderId: payment.id,
        transactionId: payment.providerTransactionId,
      });
      if (!FINAL_RESULTS.has(answer.resultCode)) return;
      await settlePayment(
        tx,
        env,
        payment,
        eventOfResult(answer.resultCode),
        answer,
        systemContext(requestId),
        new Date(),
      );
    });
}

/** Starts an online payment: a pending payment, the platform's transaction, the payer's URL. */
export async function startOnlinePayment(
  tx: Tx,
  ctx: RequestContext & { actor: Actor },
  gateway: PaymentGateway,
  dossier: DossierRow,
  obligationId: string | null,
  urls: OnlineStart,
): Promise<{ payment: PaymentRow; paymentUrl: string }> {
  await lockDossier(tx, dossier.id);
  const amountVnd = await dueFor(tx, dossier, targetOf(obligationId));
  const now = new Date();
  const expiresAt = expiryOf(now, urls.expiryMinutes);
  // An earlier unfinished attempt for the same target is abandoned (its late success still counts).
  await tx
    .update(payments)
    .set({ status: 'expired', updatedAt: now })
    .where(and(eq(payments.dossierId, dossier.id), eq(payments.status, 'pending'), eq(payments.channel, 'online')));
  const [created] = await tx
    .insert(payments)
    .values({
      dossierId: dossier.id,
      obligationId,
      amountVnd,
      channel: 'online',
      provider: gateway.provider,
      status: 'pending',
      payerUserId: ctx.actor.userId,
      createdAt: now,
      expiresAt,
      updatedAt: now,
    })
    .returning();
  const what = obligationId ? 'nghia vu tai chinh' : 'phi, le phi';
  const { transactionId, paymentUrl } = await gateway.createTransaction(tx, {
    orderId: created!.id,
    amountVnd,
    orderInfo: `Thanh toan ${what} ho so ${dossier.code}`,
    returnUrl: `${urls.publicUrl}${urls.returnPath(created!.id)}`,
    ipnUrl: `${urls.publicUrl}/api/payments/ipn/${gateway.provider}`,
    createdAt: now,
    expiresAt,
  });
  const [payment] = await tx
    .update(payments)
    .set({ providerTransactionId: transactionId })
    .where(eq(payments.id, created!.id))
    .returning();
  await recordChange(tx, ctx, {
    action: 'payment.start',
    targetType: 'payment',
    targetId: payment!.id,
    unitId: dossier.receivingUnitId,
    after: { code: dossier.code, amountVnd, channel: 'online', transactionId },
    event: { code: dossier.code, paymentId: payment!.id, amountVnd, obligationId },
  });
  return { payment: payment!, paymentUrl };
}

/**
 * The platform's result (IPN). Checksum first; then the payment's outcome (settlePayment). Returns
 * the payment as it now stands.
 */
export async function applyPlatformResult(
  tx: Tx,
  env: Env,
  gateway: PaymentGateway,
  fields: SignedFields,
  requestId: string | null,
): Promise<PaymentRow> {
  const result = gateway.readResult(fields);
  if (!result) throw new AppError('PAYMENT_SIGNATURE_INVALID');
  const [payment] = /^[0-9a-f-]{36}$/i.test(result.orderId)
    ? await tx.select().from(payments).where(eq(payments.id, result.orderId)).for('update')
    : [];
  if (!payment || payment.provider !== gateway.provider)
    throw new AppError('PAYMENT_NOT_FOUND', { orderId: result.orderId });
  return settlePayment(
    tx,
    env,
    payment,
    eventOfResult(result.resultCode),
    result,
    systemContext(requestId),
    new Date(),
  );
}

/**
 * Moves a locked online payment to an outcome, on the platform's verified word (`result`: order,
 * transaction and amount must be the payment's) or on our own expiry (null). An outcome already
 * applied changes nothing. A success numbers the receipt and confirms a paid obligation.
 */
export async function settlePayment(
  tx: Tx,
  env: Env,
  payment: PaymentRow,
  event: PaymentEvent,
  result: PlatformResult | null,
  ctx: RequestContext,
  now: Date,
): Promise<PaymentRow> {
  if (result && (payment.amountVnd !== result.amountVnd || payment.providerTransactionId !== result.transactionId)) {
    throw new AppError('PAYMENT_CALLBACK_MISMATCH', { orderId: result.orderId, amountVnd: result.amountVnd });
  }
  const move = paymentTransition(payment.status, event);
  if (move.kind === 'unchanged') return payment;
  if (move.kind === 'refused')
    throw new AppError('PAYMENT_STATE_CONFLICT', { orderId: payment.id, status: payment.status });
  const paid = move.to === 'paid';
  const [updated] = await tx
    .update(payments)
    .set({
      status: move.to,
      bankCode: result?.bankCode ?? payment.bankCode,
      updatedAt: now,
      ...(paid ? { paidAt: now, receiptNumber: receiptNumberOf(now.getUTCFullYear(), payment.serial) } : {}),
    })
    .where(eq(payments.id, payment.id))
    .returning();
  const dossier = await dossierRecordById(tx, payment.dossierId);
  await recordChange(tx, ctx, {
    action: `payment.${move.to}`,
    targetType: 'payment',
    targetId: payment.id,
    unitId: dossier!.receivingUnitId,
    before: { status: payment.status },
    after: { status: move.to, receiptNumber: updated!.receiptNumber },
    event: {
      code: dossier!.code,
      paymentId: payment.id,
      status: move.to,
      amountVnd: payment.amountVnd,
      receiptNumber: updated!.receiptNumber,
    },
  });
  if (paid && payment.obligationId)
    await confirmObligation(
      tx,
      { ...ctx, actor: null },
      env,
      dossier!,
      payment.obligationId,
      updated!.receiptNumber!,
      now,
    );
  return updated!;
}

/**
 * Confirms the obligation this payment paid — that one only — through the dossier's action, if
 * the dossier still awaits payment and the obligation is still unpaid (a late success of an
 * abandoned attempt must not confirm another obligation, nor resume the clock for it).
 */
async function confirmObligation(
  tx: Tx,
  ctx: RequestContext,
  env: Env,
  dossier: DossierRow,
  obligationId: string,
  receiptNumber: string,
  now: Date,
) {
  if (dossier.status !== 'awaitingPayment') return;
  const [obligation] = await tx
    .select({ paidAt: dossierObligations.paidAt })
    .from(dossierObligations)
    .where(and(eq(dossierObligations.id, obligationId), eq(dossierObligations.dossierId, dossier.id)));
  if (!obligation || obligation.paidAt) return;
  const input = { action: 'confirmPayment' as const, version: dossier.version, receiptNumber, obligationId };
  if (ctx.actor) await performAction(tx, { ...ctx, actor: ctx.actor }, env, dossier.code, input, now);
  else await performSystemAction(tx, { ...ctx, actor: null }, env, dossier.code, input, now);
}

/** A payment taken at the one-stop counter, with the number of the receipt handed over. */
export async function recordCounterPayment(
  tx: Tx,
  ctx: RequestContext & { actor: Actor },
  env: Env,
  dossier: DossierRow,
  input: { obligationId: string | null; amountVnd: number; receiptNumber: string },
): Promise<PaymentRow> {
  await lockDossier(tx, dossier.id);
  const due = await dueFor(tx, dossier, targetOf(input.obligationId));
  if (input.amountVnd !== due) throw new AppError('PAYMENT_AMOUNT_INVALID', { due, given: input.amountVnd });
  const now = new Date();
  const [payment] = await tx
    .insert(payments)
    .values({
      dossierId: dossier.id,
      obligationId: input.obligationId,
      amountVnd: due,
      channel: 'counter',
      provider: 'counter',
      status: 'paid',
      receiptNumber: input.receiptNumber,
      payerUserId: ctx.actor.userId,
      createdAt: now,
      paidAt: now,
      updatedAt: now,
    })
    .returning();
  await recordChange(tx, ctx, {
    action: 'payment.counter',
    targetType: 'payment',
    targetId: payment!.id,
    unitId: dossier.receivingUnitId,
    after: { code: dossier.code, amountVnd: due, receiptNumber: input.receiptNumber },
    event: {
      code: dossier.code,
      paymentId: payment!.id,
      amountVnd: due,
      obligationId: input.obligationId,
      receiptNumber: input.receiptNumber,
    },
  });
  if (input.obligationId) await confirmObligation(tx, ctx, env, dossier, input.obligationId, input.receiptNumber, now);
  return payment!;
}

/** Đối soát of a Vietnam day: the platform's statement against our online payments created that day and our refunds of them requested that day. */
export async function reconcileDay(
  tx: Tx,
  ctx: RequestContext & { actor: Actor },
  gateway: PaymentGateway,
  day: string,
) {
  const { payments: statement, refunds } = await gateway.statement(tx, day);
  const { start, end } = vietnamDayBounds(day);
  const ours = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.provider, gateway.provider), gte(payments.createdAt, start), lt(payments.createdAt, end)));
  const ledger = ours.map((p) => ({
    orderId: p.id,
    transactionId: p.providerTransactionId,
    amountVnd: p.amountVnd,
    status: p.status,
  }));
  const result = reconcile(ledger, statement);
  const { matched, mismatches } = result;
  const summary = summarize(ledger, statement, result);
  const mismatched = new Set(mismatches.map((m) => m.orderId));
  const now = new Date();
  const refunded = await reconcileRefunds(tx, gateway.provider, refunds, day);
  if (matched.length > 0)
    await tx.update(payments).set({ reconciliation: 'matched', updatedAt: now }).where(inArray(payments.id, matched));
  const ourMismatched = ours.filter((p) => mismatched.has(p.id)).map((p) => p.id);
  if (ourMismatched.length > 0)
    await tx
      .update(payments)
      .set({ reconciliation: 'mismatched', updatedAt: now })
      .where(inArray(payments.id, ourMismatched));
  const [run] = await tx
    .insert(paymentReconciliations)
    .values({
      provider: gateway.provider,
      day,
      statementCount: statement.length + refunds.length,
      ...summary,
      matched: summary.matched + refunded.summary.matched,
      mismatched: summary.mismatched + refunded.summary.mismatched,
      missingHere: summary.missingHere + refunded.summary.missingHere,
      missingThere: summary.missingThere + refunded.summary.missingThere,
      oursRefundedVnd: refunded.summary.oursPaidVnd,
      statementRefundedVnd: refunded.summary.statementPaidVnd,
      mismatches: [...mismatches, ...refunded.mismatches],
      runBy: ctx.actor.userId,
      runAt: now,
    })
    .returning();
  await recordChange(tx, ctx, {
    action: 'payment.reconcile',
    targetType: 'payment_reconciliation',
    targetId: run!.id,
    after: { day, statementCount: run!.statementCount, ...summary, refunds: refunded.summary },
    event: {
      day,
      provider: gateway.provider,
      matched: run!.matched,
      mismatches: run!.mismatches.length,
    },
  });
  return run!;
}
