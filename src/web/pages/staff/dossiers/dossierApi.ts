/** The dossier calls the staff screens make (GET detail, POST action, form and file URLs). */
import { api } from '../../../api.js';
import type { ApiBody, ApiPathParams } from '../../../api/types.js';
import type { DossierActionName, DossierDetail } from './types.js';

export const dossierPath = (code: string) => `/api/dossiers/${encodeURIComponent(code)}`;

export const getDossier = (code: string) => api<DossierDetail>(dossierPath(code));

/** What an action carries besides its name and the version (POST /api/dossiers/{code}/actions). */
export type DossierActionFields = Omit<ApiBody<'/api/dossiers/{code}/actions', 'post'>, 'action' | 'version'>;

/** One action; always with the version read with the dossier (a stale one is 409). */
export function actOn(
  dossier: { code: string; version: number },
  action: DossierActionName,
  fields: DossierActionFields = {},
) {
  return api<DossierDetail>(`${dossierPath(dossier.code)}/actions`, {
    method: 'POST',
    body: { action, version: dossier.version, ...fields },
  });
}

export type DossierForm = ApiPathParams<'/api/dossiers/{code}/forms/{form}'>['form'];

/** A form PDF of the dossier (served inline: a link opens it in the browser's viewer, ready to print). */
export const formUrl = (code: string, form: DossierForm) => `${dossierPath(code)}/forms/${form}`;

export const fileUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;
