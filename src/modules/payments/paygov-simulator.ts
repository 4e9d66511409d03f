/**
 * A local stand-in for the national payment platform. Two halves, as in reality:
 * - the platform (`simulatedPlatform`): checks the merchant's signed creation request, keeps its
 *   own ledger (paygov_sim_transactions), completes a transaction when the payer confirms or
 *   cancels on its page (paygov-sim.routes.ts) before the order's expireDate and signs the result,
 *   answers a status query, refunds (part of) a successful transaction once per refund id, and
 *   lists a day's statement (its transactions and its refunds);
 * - our adapter (`paygovSimulator`, a PaymentGateway): signs requests, verifies results.
 * The adapter reaches the platform by a function call instead of HTTPS (same process); the
 * messages and checksums are the protocol's, so a wrong secret or a tampered field fails here
 * exactly as it would against the real platform.
 */
import { randomInt } from 'node:crypto';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import { AppError } from '../../kernel/errors.js';
import { DAY_MS, dayIndex, fromVietnamLocalMs } from '../calendar/dates.js';
import type { PaymentGateway } from './gateway.js';
import {
  type CreateFields,
  instantOfPlatformTime,
  platformTime,
  PROTOCOL_VERSION,
  type QueryFields,
  type RefundFields,
  REFUND_RESULTS,
  type RefundResultFields,
  RESULT_EXPIRED,
  RESULT_NOT_COMPLETED,
  RESULT_NOT_FOUND,
  type ResultFields,
  statusOfResult,
} from './paygov-protocol.js';
import { paygovSimRefunds, paygovSimTransactions } from './payments.tables.js';
import { type SignedFields, type StatementRow, verifyChecksum, withChecksum } from './payments.rules.js';

export const SIM_BASE = '/sim/paygov';

/** Instants [start, end) of a Vietnam day. */
export const vietnamDayBounds = (day: string) => {
  const start = fromVietnamLocalMs(dayIndex(day) * DAY_MS);
  return { start, end: new Date(start.getTime() + DAY_MS) };
};

type SimTransaction = typeof paygovSimTransactions.$inferSelect;

/** Past its expireDate and still unpaid: the payer can no longer pay. */
export const lapsed = (t: Pick<SimTransaction, 'status' | 'expiresAt'>, now: Date) =>
  t.status === 'pending' && t.expiresAt !== null && now >= t.expiresAt;

/** The code a status query answers for a transaction: its outcome, or whether it is still open. */
function resultCodeOf(t: SimTransaction, now: Date): string {
  if (t.status === 'pending') return lapsed(t, now) ? RESULT_EXPIRED : RESULT_NOT_COMPLETED;
  return { success: '00', cancelled: '24', failed: '99' }[t.status];
}

export function simulatedPlatform(env: Env) {
  const secret = env.PAYMENT_SECRET;
  return {
    /** POST {SIM_BASE}/api/transactions: a merchant's signed creation request. */
    async create(
      tx: Tx,
      fields: SignedFields,
    ): Promise<{ resultCode: '00'; transactionId: string; paymentUrl: string }> {
      if (!verifyChecksum(secret, fields) || fields.merchantCode !== env.PAYMENT_MERCHANT_CODE)
        throw new AppError('PAYMENT_SIGNATURE_INVALID');
      const f = fields as CreateFields;
      const now = new Date();
      const transactionId = `PG${platformTime(now).slice(0, 8)}${String(randomInt(0, 1e10)).padStart(10, '0')}`;
      await tx.insert(paygovSimTransactions).values({
        transactionId,
        merchantCode: f.merchantCode,
        orderId: f.orderId,
        amountVnd: Number(f.amount),
        orderInfo: f.orderInfo,
        returnUrl: f.returnUrl,
        ipnUrl: f.ipnUrl,
        status: 'pending',
        createdAt: now,
        expiresAt: instantOfPlatformTime(String(f.expireDate ?? '')),
      });
      return { resultCode: '00', transactionId, paymentUrl: `${SIM_BASE}/pay/${transactionId}` };
    },

    async transaction(tx: Tx, transactionId: string) {
      const [row] = await tx
        .select()
        .from(paygovSimTransactions)
        .where(eq(paygovSimTransactions.transactionId, transactionId));
      if (!row) throw new AppError('PAYMENT_SIM_TRANSACTION_NOT_FOUND', { transactionId });
      return row;
    },

    /** The payer confirmed (with a bank) or cancelled on the platform's page: the signed result. */
    async complete(
      tx: Tx,
      transactionId: string,
      decision: 'pay' | 'cancel',
      bankCode: string,
    ): Promise<{ result: ResultFields & { checksum: string }; returnUrl: string; ipnUrl: string }> {
      const row = await this.transaction(tx, transactionId);
      const now = new Date();
      if (row.status !== 'pending') throw new AppError('PAYMENT_SIM_TRANSACTION_CLOSED', { transactionId });
      if (lapsed(row, now)) throw new AppError('PAYMENT_SIM_TRANSACTION_EXPIRED', { transactionId });
      const resultCode = decision === 'pay' ? '00' : '24';
      await tx
        .update(paygovSimTransactions)
        .set({ status: statusOfResult(resultCode), bankCode, completedAt: now })
        .where(eq(paygovSimTransactions.transactionId, transactionId));
      const result = withChecksum<ResultFields>(secret, {
        merchantCode: row.merchantCode,
        orderId: row.orderId,
        transactionId,
        amount: row.amountVnd,
        resultCode,
        bankCode,
        payDate: platformTime(now),
      });
      return { result, returnUrl: row.returnUrl, ipnUrl: row.ipnUrl };
    },

    /**
     * POST {SIM_BASE}/api/transactions/query: a merchant's signed status query (querydr). The
     * answer is the result message the IPN carries, with the transaction's code as it stands now
     * (01 still open, 11 lapsed unpaid, 91 unknown).
     */
    async query(tx: Tx, fields: SignedFields): Promise<ResultFields & { checksum: string }> {
      if (!verifyChecksum(secret, fields) || fields.merchantCode !== env.PAYMENT_MERCHANT_CODE)
        throw new AppError('PAYMENT_SIGNATURE_INVALID');
      const f = fields as QueryFields;
      const [row] = await tx
        .select()
        .from(paygovSimTransactions)
        .where(
          and(
            eq(paygovSimTransactions.transactionId, String(f.transactionId)),
            eq(paygovSimTransactions.orderId, String(f.orderId)),
          ),
        );
      return withChecksum<ResultFields>(secret, {
        merchantCode: env.PAYMENT_MERCHANT_CODE,
        orderId: String(f.orderId),
        transactionId: String(f.transactionId),
        amount: row?.amountVnd ?? 0,
        resultCode: row ? resultCodeOf(row, new Date()) : RESULT_NOT_FOUND,
        bankCode: row?.bankCode ?? '',
        payDate: row?.completedAt ? platformTime(row.completedAt) : '',
      });
    },

    /**
     * POST {SIM_BASE}/api/refunds: a merchant's signed refund request. Once per refundId: a
     * repeated request is answered with the first outcome. Refuses a transaction that is not a
     * success (93) or more than its amount less its refunds (94).
     */
    async refund(tx: Tx, fields: SignedFields): Promise<RefundResultFields & { checksum: string }> {
      if (!verifyChecksum(secret, fields) || fields.merchantCode !== env.PAYMENT_MERCHANT_CODE)
        throw new AppError('PAYMENT_SIGNATURE_INVALID');
      const f = fields as RefundFields;
      const refundId = String(f.refundId);
      const [done] = await tx.select().from(paygovSimRefunds).where(eq(paygovSimRefunds.refundId, refundId));
      const row = done ?? (await this.carryOutRefund(tx, f));
      return withChecksum<RefundResultFields>(secret, {
        merchantCode: env.PAYMENT_MERCHANT_CODE,
        refundId,
        transactionId: row.transactionId,
        refundTransactionId: row.refundTransactionId ?? '',
        amount: row.amountVnd,
        resultCode: row.resultCode,
        message: REFUND_RESULTS[row.resultCode] ?? '',
      });
    },

    async carryOutRefund(tx: Tx, f: RefundFields) {
      const transactionId = String(f.transactionId);
      const [original] = await tx
        .select()
        .from(paygovSimTransactions)
        .where(eq(paygovSimTransactions.transactionId, transactionId))
        .for('update');
      const earlier = await tx
        .select({ amountVnd: paygovSimRefunds.amountVnd })
        .from(paygovSimRefunds)
        .where(and(eq(paygovSimRefunds.transactionId, transactionId), eq(paygovSimRefunds.status, 'success')));
      const refunded = earlier.reduce((sum, r) => sum + r.amountVnd, 0);
      const amountVnd = Number(f.amount);
      const resultCode = !original
        ? RESULT_NOT_FOUND
        : original.status !== 'success' || original.orderId !== String(f.orderId)
          ? '93'
          : amountVnd + refunded > original.amountVnd
            ? '94'
            : '00';
      const now = new Date();
      const [row] = await tx
        .insert(paygovSimRefunds)
        .values({
          refundId: String(f.refundId),
          merchantCode: String(f.merchantCode),
          transactionId,
          refundTransactionId:
            resultCode === '00'
              ? `RF${platformTime(now).slice(0, 8)}${String(randomInt(0, 1e10)).padStart(10, '0')}`
              : null,
          amountVnd,
          status: resultCode === '00' ? 'success' : 'failed',
          resultCode,
          createdAt: now,
        })
        .returning();
      return row!;
    },

    /** The day's statement (đối soát): every transaction and every refund made that Vietnam day, signed. */
    async statement(
      tx: Tx,
      day: string,
    ): Promise<{ merchantCode: string; day: string; transactions: string; refunds: string; checksum: string }> {
      const { start, end } = vietnamDayBounds(day);
      const rows = await tx
        .select()
        .from(paygovSimTransactions)
        .where(
          and(
            eq(paygovSimTransactions.merchantCode, env.PAYMENT_MERCHANT_CODE),
            gte(paygovSimTransactions.createdAt, start),
            lt(paygovSimTransactions.createdAt, end),
          ),
        )
        .orderBy(sql`${paygovSimTransactions.createdAt}, ${paygovSimTransactions.transactionId}`);
      const transactions: StatementRow[] = rows.map((r) => ({
        orderId: r.orderId,
        transactionId: r.transactionId,
        amountVnd: r.amountVnd,
        status: r.status,
      }));
      const refundRows = await tx
        .select()
        .from(paygovSimRefunds)
        .where(
          and(
            eq(paygovSimRefunds.merchantCode, env.PAYMENT_MERCHANT_CODE),
            gte(paygovSimRefunds.createdAt, start),
            lt(paygovSimRefunds.createdAt, end),
          ),
        )
        .orderBy(sql`${paygovSimRefunds.createdAt}, ${paygovSimRefunds.refundId}`);
      const refunds: StatementRow[] = refundRows.map((r) => ({
        orderId: r.refundId,
        transactionId: r.refundTransactionId ?? r.transactionId,
        amountVnd: r.amountVnd,
        status: r.status,
      }));
      return withChecksum(secret, {
        merchantCode: env.PAYMENT_MERCHANT_CODE,
        day,
        transactions: JSON.stringify(transactions),
        refunds: JSON.stringify(refunds),
      });
    },
  };
}

/**
 * How our adapter reaches the platform's merchant API: by a function call into the simulator in
 * this process, or over HTTP (paygov-http.ts, PAYMENT_PLATFORM_URL) — the same signed messages.
 */
export interface PlatformTransport {
  create(tx: Tx, fields: SignedFields): Promise<{ transactionId: string; paymentUrl: string }>;
  query(tx: Tx, fields: SignedFields): Promise<SignedFields>;
  refund(tx: Tx, fields: SignedFields): Promise<SignedFields>;
  statement(tx: Tx, day: string): Promise<SignedFields>;
}

/** Our side of the protocol against the simulated platform, in this process or over HTTP. */
export function paygovSimulator(env: Env, transport: PlatformTransport = simulatedPlatform(env)): PaymentGateway {
  const platform = transport;
  const secret = env.PAYMENT_SECRET;
  return {
    provider: 'paygov',
    async createTransaction(tx, request) {
      const fields = withChecksum<CreateFields>(secret, {
        version: PROTOCOL_VERSION,
        command: 'pay',
        merchantCode: env.PAYMENT_MERCHANT_CODE,
        orderId: request.orderId,
        amount: request.amountVnd,
        currency: 'VND',
        orderInfo: request.orderInfo,
        returnUrl: request.returnUrl,
        ipnUrl: request.ipnUrl,
        createDate: platformTime(request.createdAt),
        expireDate: platformTime(request.expiresAt),
        locale: 'vn',
      });
      const { transactionId, paymentUrl } = await platform.create(tx, fields);
      return { transactionId, paymentUrl };
    },
    async queryTransaction(tx, query) {
      const fields = withChecksum<QueryFields>(secret, {
        version: PROTOCOL_VERSION,
        command: 'querydr',
        merchantCode: env.PAYMENT_MERCHANT_CODE,
        orderId: query.orderId,
        transactionId: query.transactionId,
        requestDate: platformTime(new Date()),
      });
      const result = this.readResult(await platform.query(tx, fields));
      if (!result) throw new AppError('PAYMENT_SIGNATURE_INVALID');
      return result;
    },
    readResult(fields) {
      if (!verifyChecksum(secret, fields) || fields.merchantCode !== env.PAYMENT_MERCHANT_CODE) return null;
      const amount = Number(fields.amount);
      if (!Number.isSafeInteger(amount)) return null;
      const resultCode = String(fields.resultCode);
      return {
        orderId: String(fields.orderId),
        transactionId: String(fields.transactionId),
        amountVnd: amount,
        resultCode,
        status: statusOfResult(resultCode),
        bankCode: fields.bankCode ? String(fields.bankCode) : null,
      };
    },
    async refund(tx, request) {
      const fields = withChecksum<RefundFields>(secret, {
        version: PROTOCOL_VERSION,
        command: 'refund',
        merchantCode: env.PAYMENT_MERCHANT_CODE,
        refundId: request.refundId,
        orderId: request.orderId,
        transactionId: request.transactionId,
        amount: request.amountVnd,
        reason: request.reason,
        requestDate: platformTime(request.requestedAt),
      });
      const answer = await platform.refund(tx, fields);
      if (!verifyChecksum(secret, answer) || answer.refundId !== request.refundId)
        throw new AppError('PAYMENT_SIGNATURE_INVALID');
      return answer.resultCode === '00'
        ? { succeeded: true, refundTransactionId: String(answer.refundTransactionId) }
        : { succeeded: false, resultCode: String(answer.resultCode), message: String(answer.message) };
    },
    async statement(tx, day) {
      const signed = await platform.statement(tx, day);
      if (!verifyChecksum(secret, signed) || signed.day !== day) throw new AppError('PAYMENT_SIGNATURE_INVALID');
      return {
        payments: JSON.parse(String(signed.transactions)) as StatementRow[],
        refunds: JSON.parse(String(signed.refunds)) as StatementRow[],
      };
    },
  };
}
