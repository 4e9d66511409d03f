import { api } from '../../api.js';

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
