import { z } from 'zod';
import { IsoDate, Paging } from '../../kernel/schemas.js';
import { PAYMENT_CHANNELS, PAYMENT_STATUSES } from './payments.rules.js';
import { REFUND_GROUNDS, REFUND_STATUSES } from './refunds.rules.js';

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

/** Hoàn trả: money given back of a paid payment; a failed one carries the platform's reason. */
export const Refund = z
  .object({
    id: z.uuid(),
    paymentId: z.uuid(),
    amountVnd: z.number().int(),
    ground: z.enum(REFUND_GROUNDS),
    reason: z.string(),
    status: z.enum(REFUND_STATUSES),
    providerRefundId: z.string().nullable(),
    failureReason: z.string().nullable(),
    reconciliation: z.enum(['unreconciled', 'matched', 'mismatched']),
    requestedAt: z.date(),
    completedAt: z.date().nullable(),
  })
  .meta({ id: 'PaymentRefund' });

/** Miễn nộp recorded by an authorised officer: what was due on the target and is not collected. */
export const Exemption = z
  .object({
    id: z.uuid(),
    obligationId: z.uuid().nullable(),
    amountVnd: z.number().int(),
    reason: z.string(),
    exemptedAt: z.date(),
  })
  .meta({ id: 'PaymentExemption' });

export const DossierPayments = z.object({
  code: z.string(),
  feesVnd: z.number().int(),
  due: z.array(DueItem),
  /** Whether the procedure's channel is integrated with online payment (tích hợp thanh toán trực tuyến). */
  onlinePayment: z.boolean(),
  payments: z.array(
    Payment.extend({ refundableVnd: z.number().int().describe('What may still be refunded of it (integer VND)') }),
  ),
  refunds: z.array(Refund),
  exemptions: z.array(Exemption),
});

export const PaymentParams = CodeParams.extend({ paymentId: z.uuid() });

export const RefundBody = z.object({
  amountVnd: z.number().int().positive().max(1_000_000_000_000),
  ground: z.enum(REFUND_GROUNDS),
  reason: z.string().trim().min(5).max(1000),
  /** Chosen once per intended refund (e.g. a UUID): a retry with it never refunds twice. */
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .describe('One per intended refund; a retry with the same key answers with the first refund'),
});

export const ExemptionBody = z.object({
  obligationId: z.uuid().nullable().optional(),
  /** The legal ground of the exemption (đối tượng miễn theo quy định). */
  reason: z.string().trim().min(5).max(1000),
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

export const ReconcileBody = z.object({ day: IsoDate });

/** One đối soát run as the list shows it: counts by kind and each side's paid total (integer VND). */
export const ReconciliationRun = z
  .object({
    id: z.uuid(),
    provider: z.string(),
    day: z.string().describe('The Vietnam day whose statement was compared'),
    statementCount: z.number().int(),
    matched: z.number().int(),
    mismatched: z.number().int().describe('On both sides, with another amount or status'),
    missingHere: z.number().int().describe('Successes on the statement we do not hold'),
    missingThere: z.number().int().describe('Our paid payments the statement does not list'),
    oursPaidVnd: z
      .number()
      .int()
      .nullable()
      .describe('Our paid online payments of the day (null: run before totals were kept)'),
    statementPaidVnd: z.number().int().nullable().describe('The statement’s successes of the day'),
    runAt: z.date(),
    runBy: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
  })
  .meta({ id: 'PaymentReconciliationRun' });

export const Reconciliation = ReconciliationRun.extend({ mismatches: z.array(z.record(z.string(), z.unknown())) });

export const ReconciliationsQuery = Paging.extend({
  from: IsoDate.optional().describe('Runs of statement days from this day'),
  to: IsoDate.optional().describe('… up to this day'),
});

/** A discrepancy of a run, one row whatever its kind; what the kind does not compare is null. */
export const DiscrepancyLine = z.object({
  kind: z.enum(['amount', 'status', 'missingHere', 'missingThere']),
  orderId: z.string(),
  /** The dossier the payment is for, when the order is one of ours. */
  dossierCode: z.string().nullable(),
  transactionId: z.string().nullable(),
  oursVnd: z.number().int().nullable(),
  theirsVnd: z.number().int().nullable(),
  oursStatus: z.enum([...PAYMENT_STATUSES, ...REFUND_STATUSES]).nullable(),
  theirsStatus: z.enum(['pending', 'success', 'cancelled', 'failed']).nullable(),
});

export const ReconciliationDetail = ReconciliationRun.extend({ lines: z.array(DiscrepancyLine) }).meta({
  id: 'PaymentReconciliation',
});
