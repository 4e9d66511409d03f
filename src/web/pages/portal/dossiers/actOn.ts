import { api } from '../../../api.js';
import type { DossierActionFields } from '../../staff/dossiers/dossierApi.js';
import type { DossierAction, DossierDetail } from '../../../types.js';

/**
 * POST /api/dossiers/{code}/actions with the version the page read: if an officer acted in the
 * meantime the server answers 409 with its Vietnamese message, shown in the dialog.
 */
export function actOn(
  dossier: DossierDetail,
  action: DossierAction,
  fields: DossierActionFields = {},
): Promise<DossierDetail> {
  return api<DossierDetail>(`/api/dossiers/${encodeURIComponent(dossier.code)}/actions`, {
    method: 'POST',
    body: { action, version: dossier.version, ...fields },
  });
}
