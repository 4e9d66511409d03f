import { z } from 'zod';
import { PAYMENT_CHANNELS, PAYMENT_STATUSES } from './payments.rules.js';

export const CodeParams = z.object({ code: z.string().min(1).max(64) });

export const Payment = z
  .object({
    id: z.uuid(),
    obligationId: z.uuid().nullable(),
    amountVnd: z.number().int(),
    channel: z.enum(PAYMENT_CHANNELS),
    provider: z.string(),
    status: z.enum(PAYMENT_STATUSES),
    providerTransactionId: z.string().nullable(),
    bankCode: z.string().nullable(),
    receiptNumber: z.string().nullable(),
    reconciliation: z.enum(['unreconciled', 'matched', 'mismatched']),
    createdAt: z.date(),
    paidAt: z.date().nullable(),
  })
  .meta({ id: 'Payment' });

export const DueItem = z.object({
  /** Null: the dossier's fee lines; otherwise the obligation it pays. */
  obligationId: z.uuid().nullable(),
  description: z.string(),
  amountVnd: z.number().int(),
});

export const DossierPayments = z.object({
  code: z.string(),
  feesVnd: z.number().int(),
  due: z.array(DueItem),
  /** Whether the procedure's channel is integrated with online payment (tích hợp thanh toán trực tuyến). */
  onlinePayment: z.boolean(),
  payments: z.array(Payment),
});

export const StartBody = z.object({ obligationId: z.uuid().nullable().optional() });
export const StartReply = z.object({ payment: Payment, redirectUrl: z.string() });

export const CounterBody = z.object({
  obligationId: z.uuid().nullable().optional(),
  amountVnd: z.number().int().positive().max(1_000_000_000_000),
  /** Số biên lai (the receipt handed to the payer). */
  receiptNumber: z.string().trim().min(1).max(50),
});

export const IpnBody = z.record(z.string(), z.union([z.string(), z.number()]));
export const IpnReply = z.object({ resultCode: z.string(), message: z.string() });

export const ReconcileBody = z.object({ day: z.iso.date() });
export const Reconciliation = z.object({
  id: z.uuid(),
  provider: z.string(),
  day: z.string(),
  statementCount: z.number().int(),
  matched: z.number().int(),
  mismatches: z.array(z.record(z.string(), z.unknown())),
  runAt: z.date(),
});
