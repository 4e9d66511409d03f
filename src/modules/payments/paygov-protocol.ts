/**
 * The messages of the payment platform's protocol (PayGov style), as both sides build and read
 * them. Every message carries `checksum` = HMAC-SHA256(shared secret, canonical string of its
 * other fields) — payments.rules.ts. Amounts are integer VND; times yyyyMMddHHmmss, Vietnam time.
 */
import { toVietnamLocalMs } from '../calendar/dates.js';
import type { StatementStatus } from './payments.rules.js';

export const PROTOCOL_VERSION = '2.1.0';

/** yyyyMMddHHmmss in Vietnam time, as the platform writes times. */
export function platformTime(at: Date): string {
  return new Date(toVietnamLocalMs(at)).toISOString().replace(/[-:T]/g, '').slice(0, 14);
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
  locale: 'vn';
}

/** Result (platform → merchant, both the IPN body and the return URL's query). */
export interface ResultFields extends Record<string, string | number> {
  merchantCode: string;
  orderId: string;
  transactionId: string;
  amount: number;
  /** 00 success, 24 cancelled by the payer, 51 insufficient funds, 99 other failure. */
  resultCode: string;
  bankCode: string;
  payDate: string;
}

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
