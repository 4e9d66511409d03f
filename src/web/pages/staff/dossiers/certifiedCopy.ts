/**
 * Chứng thực bản sao điện tử từ bản chính (issue 19): the dossier's certified copies and whether
 * the caller may make one; making one from a scan compared with the original.
 */
import { api } from '../../../api.js';
import type { ApiBody, ApiResponse } from '../../../api/types.js';
import { dossierPath } from './dossierApi.js';

export type CertifiedCopies = ApiResponse<'/api/dossiers/{code}/certified-copies'>;
export type CertifiedCopy = CertifiedCopies['copies'][number];
export type CertifyBody = ApiBody<'/api/dossiers/{code}/certified-copies', 'post'>;

export const getCertifiedCopies = (code: string) => api<CertifiedCopies>(`${dossierPath(code)}/certified-copies`);

export const certifyCopy = (code: string, body: CertifyBody) =>
  api<CertifiedCopy>(`${dossierPath(code)}/certified-copies`, { method: 'POST', body });
