/**
 * What the form can know before the applicant types: their name from the account, their
 * identifier and contacts from their profile (GET /api/me's `user.profile`), the address — which
 * the profile lacks — from their latest dossier as a citizen, which also fills any contact the
 * profile leaves empty; and data-store items for this procedure's components. Best effort: a
 * failure only means the applicant types it.
 */
import { api } from '../../../api.js';
import type { Applicant, DossierDetail, Me, StoreItem } from '../../../types.js';
import type { ApplicantValues } from './model.js';
import type { ApiResponse } from '../../../api/types.js';

export async function applicantPrefill(me: Me): Promise<ApplicantValues> {
  // The account's own identifier and contacts, as GET /api/me (and the sign-in) answer them.
  const profile = me.profile;
  const earlier = await latestOwnApplicant(me.fullName);
  const pick = (own: string | null | undefined, before: string | undefined) => own || before || undefined;
  return {
    kind: 'citizen',
    fullName: me.fullName,
    idNumber: pick(profile?.personalId, earlier?.idNumber),
    phone: pick(profile?.phone, earlier?.phone),
    email: pick(profile?.email, earlier?.email),
    address: earlier?.address,
  };
}

/** The applicant of the latest of one's own dossiers filed as oneself (same name), if any. */
async function latestOwnApplicant(fullName: string): Promise<Extract<Applicant, { kind: 'citizen' }> | null> {
  try {
    const own = await api<ApiResponse<'/api/dossiers'>>('/api/dossiers', { query: { page: 1, pageSize: 5 } });
    for (const item of own.items) {
      const detail = await api<DossierDetail>(`/api/dossiers/${encodeURIComponent(item.code)}`);
      const applicant = detail.applicant as Applicant;
      if (applicant?.kind === 'citizen' && applicant.fullName === fullName) return applicant;
    }
  } catch {
    // No earlier dossier to learn from.
  }
  return null;
}

export async function storeForProcedure(procedureId: string): Promise<StoreItem[]> {
  try {
    return (await api<ApiResponse<'/api/store'>>('/api/store', { query: { procedureId } })).items;
  } catch {
    return []; // e.g. an account without a personal identifier has no store
  }
}
