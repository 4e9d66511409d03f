/** The feedback API as the portal and the console call it (one place for the paths). */
import { api } from '../../../api.js';
import type { FeedbackActionName, FeedbackDetail, FeedbackListItem, Page, PublicFeedback, SimilarFeedback } from '../../../types.js';

const enc = encodeURIComponent;

export interface FeedbackInput {
  channel: 'portal' | 'counter' | 'phone' | 'mail';
  title: string;
  content: string;
  submitter: { name: string; phone?: string; email?: string; address?: string };
  anonymous: boolean;
  procedureId?: string;
  dossierCode?: string;
  fileIds?: string[];
  contactToken?: string;
}

export type Contact = { phone: string } | { email: string };

export const sendFeedback = (body: FeedbackInput) => api<FeedbackDetail>('/api/feedback', { method: 'POST', body });

export const startVerification = (contact: Contact) =>
  api<{ id: string; expiresAt: string }>('/api/feedback/contact-verifications', { method: 'POST', body: contact });

export const confirmVerification = (id: string, code: string) =>
  api<{ contactToken: string; expiresAt: string }>(`/api/feedback/contact-verifications/${enc(id)}/confirm`, { method: 'POST', body: { code } });

export const feedbackList = (query: { page: number; pageSize: number; status?: string | undefined }) => api<Page<FeedbackListItem>>('/api/feedback', { query });
export const feedbackDetail = (ref: string) => api<FeedbackDetail>(`/api/feedback/${enc(ref)}`);
export const similarFeedback = (id: string) => api<{ items: SimilarFeedback[] }>(`/api/feedback/${enc(id)}/similar`);

/** An action with the version read with the item: a concurrent change comes back as 409. */
export const actOnFeedback = (item: Pick<FeedbackDetail, 'id' | 'version'>, action: FeedbackActionName, fields: Record<string, unknown> = {}) =>
  api<FeedbackDetail>(`/api/feedback/${enc(item.id)}/actions`, { method: 'POST', body: { action, version: item.version, ...fields } });

export const publishedList = (query: { page: number; pageSize: number; q?: string }) => api<Page<PublicFeedback>>('/api/public/feedback', { query });
export const publishedItem = (code: string) => api<PublicFeedback>(`/api/public/feedback/${enc(code)}`);
export const voteOn = (code: string, useful: boolean) => api<PublicFeedback>(`/api/public/feedback/${enc(code)}/votes`, { method: 'POST', body: { useful } });
export const complainAbout = (code: string, body: { content: string; anonymous: boolean }) =>
  api<{ code: string }>(`/api/public/feedback/${enc(code)}/complaints`, { method: 'POST', body });
