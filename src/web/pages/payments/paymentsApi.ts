import { api } from '../../api.js';
import type { ApiBody, ApiResponse, Schema } from '../../api/types.js';

export type Payment = Schema<'Payment'>;
export type PaymentStatus = Payment['status'];
/** GET /api/dossiers/{code}/payments: the fees, what is still due, and the payments made. */
export type DossierPayments = ApiResponse<'/api/dossiers/{code}/payments'>;
export type DueItem = DossierPayments['due'][number];
export type Refund = Schema<'PaymentRefund'>;
export type Exemption = Schema<'PaymentExemption'>;

const base = (code: string) => `/api/dossiers/${encodeURIComponent(code)}/payments`;

export const getPayments = (code: string) => api<DossierPayments>(base(code));

export const startOnlinePayment = (code: string, obligationId: string | null) =>
  api<ApiResponse<'/api/dossiers/{code}/payments', 'post'>>(base(code), { method: 'POST', body: { obligationId } });

export const recordCounterPayment = (code: string, body: ApiBody<'/api/dossiers/{code}/payments/counter', 'post'>) =>
  api<Payment>(`${base(code)}/counter`, { method: 'POST', body });

/** Hoàn trả: `idempotencyKey` is chosen once per intended refund, so a retried request never refunds twice. */
export const refundPayment = (
  code: string,
  paymentId: string,
  body: ApiBody<'/api/dossiers/{code}/payments/{paymentId}/refunds', 'post'>,
) => api<Refund>(`${base(code)}/${paymentId}/refunds`, { method: 'POST', body });

/** Miễn nộp what is still due on the fee lines (obligationId null) or an obligation, with its ground. */
export const exemptPayment = (code: string, body: ApiBody<'/api/dossiers/{code}/payments/exemptions', 'post'>) =>
  api<Exemption>(`${base(code)}/exemptions`, { method: 'POST', body });

// --- Reconciliation runs (đối soát), staff --------------------------------------------------------

export type ReconciliationRun = Schema<'PaymentReconciliationRun'>;
export type ReconciliationDetail = Schema<'PaymentReconciliation'>;
export type DiscrepancyLine = ReconciliationDetail['lines'][number];

export const listReconciliations = (query: {
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}) => api<ApiResponse<'/api/payments/reconciliations'>>('/api/payments/reconciliations', { query });

export const getReconciliation = (id: string) => api<ReconciliationDetail>(`/api/payments/reconciliations/${id}`);

export const runReconciliation = (day: string) =>
  api<ApiResponse<'/api/payments/reconciliations', 'post'>>('/api/payments/reconciliations', {
    method: 'POST',
    body: { day },
  });
