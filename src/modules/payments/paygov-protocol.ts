/**
 * The messages of the payment platform's protocol (PayGov style), as both sides build and read
 * them. Every message carries `checksum` = HMAC-SHA256(shared secret, canonical string of its
 * other fields) — payments.rules.ts. Amounts are integer VND; times yyyyMMddHHmmss, Vietnam time.
 */
import { fromVietnamLocalMs, toVietnamLocalMs } from '../calendar/dates.js';
import type { StatementStatus } from './payments.rules.js';

export const PROTOCOL_VERSION = '2.1.0';

/** yyyyMMddHHmmss in Vietnam time, as the platform writes times. */
export function platformTime(at: Date): string {
  return new Date(toVietnamLocalMs(at)).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** The instant a platform time names (the inverse of platformTime). */
export function instantOfPlatformTime(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, se] = m.map(Number) as [number, number, number, number, number, number, number];
  return fromVietnamLocalMs(Date.UTC(y, mo - 1, d, h, mi, se));
}

/** Creation request (merchant → platform). */
export interface CreateFields extends Record<string, string | number> {
  version: string;
  command: 'pay';
  merchantCode: string;
  orderId: string;
  amount: number;
  currency: 'VND';
  orderInfo: string;
  returnUrl: string;
  ipnUrl: string;
  createDate: string;
  /** Past it the platform no longer lets the payer pay (yyyyMMddHHmmss, Vietnam time). */
  expireDate: string;
  locale: 'vn';
}

/** Status query (merchant → platform): where a transaction stands, e.g. when its IPN never came. */
export interface QueryFields extends Record<string, string | number> {
  version: string;
  command: 'querydr';
  merchantCode: string;
  orderId: string;
  transactionId: string;
  requestDate: string;
}

/**
 * Refund request (merchant → platform): give back `amount` of a successful transaction. `refundId`
 * is the merchant's id of this refund; the platform carries out one refund per refundId, so a
 * repeated request is answered with the first outcome and never refunds twice.
 */
export interface RefundFields extends Record<string, string | number> {
  version: string;
  command: 'refund';
  merchantCode: string;
  refundId: string;
  orderId: string;
  transactionId: string;
  amount: number;
  reason: string;
  requestDate: string;
}

/** Refund answer (platform → merchant), signed: 00 refunded, else refused with a message. */
export interface RefundResultFields extends Record<string, string | number> {
  merchantCode: string;
  refundId: string;
  transactionId: string;
  /** The platform's refund transaction id (empty when refused). */
  refundTransactionId: string;
  amount: number;
  resultCode: string;
  message: string;
}

/** Refund result codes: 00 refunded; 93 the transaction is not a success; 94 more than is refundable. */
export const REFUND_RESULTS: Record<string, string> = {
  '00': 'Hoàn tiền thành công',
  '93': 'Giao dịch gốc không ở trạng thái thành công nên không hoàn tiền được',
  '94': 'Số tiền hoàn vượt quá số tiền còn có thể hoàn của giao dịch',
  '91': 'Không tìm thấy giao dịch gốc',
};

/** Result (platform → merchant, both the IPN body and the return URL's query). */
export interface ResultFields extends Record<string, string | number> {
  merchantCode: string;
  orderId: string;
  transactionId: string;
  amount: number;
  /**
   * 00 success, 24 cancelled by the payer, 51 insufficient funds, 99 other failure; a status
   * query may also answer 01 not completed yet, 11 lapsed unpaid (past the expireDate).
   */
  resultCode: string;
  bankCode: string;
  payDate: string;
}

export const RESULT_NOT_COMPLETED = '01';
export const RESULT_EXPIRED = '11';
export const RESULT_NOT_FOUND = '91';

export const RESULT_STATUS: Record<string, StatementStatus> = { '00': 'success', '24': 'cancelled' };
export const statusOfResult = (code: string): StatementStatus => RESULT_STATUS[code] ?? 'failed';

/** The banks and wallets the simulated platform offers the payer. */
export const SIM_BANKS = [
  ['VCB', 'Vietcombank'],
  ['BIDV', 'BIDV'],
  ['CTG', 'VietinBank'],
  ['AGR', 'Agribank'],
  ['VNPTPAY', 'Ví VNPT Money'],
] as const;
