import { api } from '../../api.js';
import type { Page, Wire } from '../../types.js';

export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'cancelled' | 'expired';

export interface Payment {
  id: string;
  obligationId: string | null;
  amountVnd: number;
  channel: 'online' | 'counter';
  status: PaymentStatus;
  receiptNumber: string | null;
  createdAt: string;
  paidAt: string | null;
}

export interface DueItem {
  obligationId: string | null;
  description: string;
  amountVnd: number;
}

export interface DossierPayments {
  code: string;
  feesVnd: number;
  due: DueItem[];
  onlinePayment: boolean;
  payments: Payment[];
}

const base = (code: string) => `/api/dossiers/${encodeURIComponent(code)}/payments`;

export const getPayments = (code: string) => api<DossierPayments>(base(code));

export const startOnlinePayment = (code: string, obligationId: string | null) =>
  api<{ payment: Payment; redirectUrl: string }>(base(code), { method: 'POST', body: { obligationId } });

export const recordCounterPayment = (code: string, body: { obligationId: string | null; amountVnd: number; receiptNumber: string }) =>
  api<Payment>(`${base(code)}/counter`, { method: 'POST', body });

// --- Reconciliation runs (đối soát), staff --------------------------------------------------------

type Schemas = typeof import('../../../modules/payments/payments.schema.js');
export type ReconciliationRun = Wire<import('zod').output<Schemas['ReconciliationRun']>>;
export type ReconciliationDetail = Wire<import('zod').output<Schemas['ReconciliationDetail']>>;
export type DiscrepancyLine = ReconciliationDetail['lines'][number];

export const listReconciliations = (query: { from?: string | undefined; to?: string | undefined; page: number; pageSize: number }) =>
  api<Page<ReconciliationRun>>('/api/payments/reconciliations', { query });

export const getReconciliation = (id: string) => api<ReconciliationDetail>(`/api/payments/reconciliations/${id}`);

export const runReconciliation = (day: string) => api<ReconciliationRun>('/api/payments/reconciliations', { method: 'POST', body: { day } });
