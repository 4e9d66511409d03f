/** The feedback API as the portal and the console call it (one place for the paths). */
import { api } from '../../../api.js';
import type { FeedbackActionName, FeedbackDetail, PublicFeedback } from '../../../types.js';
import type { ApiBody, ApiQuery, ApiResponse } from '../../../api/types.js';

const enc = encodeURIComponent;

export type FeedbackInput = ApiBody<'/api/feedback', 'post'>;
/** A phone or an e-mail to verify (POST /api/feedback/contact-verifications takes either). */
export type Contact =
  | Required<Pick<ApiBody<'/api/feedback/contact-verifications', 'post'>, 'phone'>>
  | Required<Pick<ApiBody<'/api/feedback/contact-verifications', 'post'>, 'email'>>;

export const sendFeedback = (body: FeedbackInput) => api<FeedbackDetail>('/api/feedback', { method: 'POST', body });

export const startVerification = (contact: Contact) =>
  api<ApiResponse<'/api/feedback/contact-verifications', 'post'>>('/api/feedback/contact-verifications', {
    method: 'POST',
    body: contact,
  });

export const confirmVerification = (id: string, code: string) =>
  api<ApiResponse<'/api/feedback/contact-verifications/{id}/confirm', 'post'>>(
    `/api/feedback/contact-verifications/${enc(id)}/confirm`,
    { method: 'POST', body: { code } },
  );

export const feedbackList = (query: ApiQuery<'/api/feedback'>) =>
  api<ApiResponse<'/api/feedback'>>('/api/feedback', { query });
export const feedbackDetail = (ref: string) => api<FeedbackDetail>(`/api/feedback/${enc(ref)}`);
export const similarFeedback = (id: string) =>
  api<ApiResponse<'/api/feedback/{id}/similar'>>(`/api/feedback/${enc(id)}/similar`);

/** An action with the version read with the item: a concurrent change comes back as 409. */
export const actOnFeedback = (
  item: Pick<FeedbackDetail, 'id' | 'version'>,
  action: FeedbackActionName,
  fields: Omit<ApiBody<'/api/feedback/{id}/actions', 'post'>, 'action' | 'version'> = {},
) =>
  api<FeedbackDetail>(`/api/feedback/${enc(item.id)}/actions`, {
    method: 'POST',
    body: { action, version: item.version, ...fields },
  });

export const publishedList = (query: ApiQuery<'/api/public/feedback'>) =>
  api<ApiResponse<'/api/public/feedback'>>('/api/public/feedback', { query });
export const publishedItem = (code: string) => api<PublicFeedback>(`/api/public/feedback/${enc(code)}`);
export const voteOn = (code: string, useful: boolean) =>
  api<PublicFeedback>(`/api/public/feedback/${enc(code)}/votes`, { method: 'POST', body: { useful } });
export const complainAbout = (code: string, body: ApiBody<'/api/public/feedback/{code}/complaints', 'post'>) =>
  api<ApiResponse<'/api/public/feedback/{code}/complaints', 'post'>>(`/api/public/feedback/${enc(code)}/complaints`, {
    method: 'POST',
    body,
  });
