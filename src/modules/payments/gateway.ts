/**
 * The national payment platform as our services see it (Nền tảng thanh toán trên Cổng Dịch vụ
 * công quốc gia, PayGov-style protocol): create a transaction (a signed request → the URL the
 * payer's browser goes to), check a signed result it sends us, ask where a transaction stands,
 * refund (part of) a successful transaction, read a day's statement. The only
 * implementation is the simulator (paygov-simulator.ts), which speaks the same messages, reached
 * in this process or over HTTP at PAYMENT_PLATFORM_URL (paygov-http.ts); a real platform plugs in
 * here behind PAYMENT_PROVIDER.
 */
import type { Tx } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import type { SignedFields, StatementRow, StatementStatus } from './payments.rules.js';
import { httpPlatform } from './paygov-http.js';
import { paygovSimulator } from './paygov-simulator.js';

export interface CreateTransaction {
  /** Our order id: the payment's id. */
  orderId: string;
  amountVnd: number;
  /** Nội dung thanh toán shown to the payer (dossier code, what is paid). */
  orderInfo: string;
  /** Where the platform sends the browser back (the portal). */
  returnUrl: string;
  /** Where the platform posts the result server-to-server (our IPN endpoint). */
  ipnUrl: string;
  createdAt: Date;
  /** The order lapses then (the protocol's expireDate). */
  expiresAt: Date;
}

/** A result the platform reports (callback or return), once its checksum is verified. */
export interface PlatformResult {
  orderId: string;
  transactionId: string;
  amountVnd: number;
  status: StatementStatus;
  resultCode: string;
  bankCode: string | null;
}

export interface RefundRequest {
  /** Our refund's id: the platform refunds once per id. */
  refundId: string;
  orderId: string;
  transactionId: string;
  amountVnd: number;
  reason: string;
  requestedAt: Date;
}

/** The platform's signed answer to a refund request, once verified. */
export type RefundOutcome =
  | { succeeded: true; refundTransactionId: string }
  | { succeeded: false; resultCode: string; message: string };

/** A day's statement: its payment transactions and its refunds (orderId = our refund id). */
export interface PlatformStatement {
  payments: StatementRow[];
  refunds: StatementRow[];
}

export interface PaymentGateway {
  /** The provider name stored on payments. */
  readonly provider: string;
  /** Sends the signed creation request; may write its own records in the caller's transaction. */
  createTransaction(tx: Tx, request: CreateTransaction): Promise<{ transactionId: string; paymentUrl: string }>;
  /** Verifies a result message's checksum and reads it; null when the checksum is wrong. */
  readResult(fields: SignedFields): PlatformResult | null;
  /** Asks the platform where a transaction stands (status query, signed both ways). */
  queryTransaction(tx: Tx, query: { orderId: string; transactionId: string }): Promise<PlatformResult>;
  /** Asks the platform to refund (part of) a successful transaction (signed both ways). */
  refund(tx: Tx, request: RefundRequest): Promise<RefundOutcome>;
  /** The platform's statement (đối soát) of a Vietnam day. */
  statement(tx: Tx, day: string): Promise<PlatformStatement>;
}

export function paymentGatewayFromEnv(env: Env): PaymentGateway {
  switch (env.PAYMENT_PROVIDER) {
    case 'simulator':
      // Another process's simulator over HTTP when PAYMENT_PLATFORM_URL is set, else this process's.
      return env.PAYMENT_PLATFORM_URL
        ? paygovSimulator(env, httpPlatform(env.PAYMENT_PLATFORM_URL, env.PAYMENT_PLATFORM_TIMEOUT_MS))
        : paygovSimulator(env);
  }
}
