import { api } from '../../../api.js';
import { useApiData } from '../../../components/useApiData.js';
import type { PublicDossier } from '../../../types.js';

/** GET /api/public/dossiers/{code} (no login; masked) for the code asked, or nothing yet. */
export function usePublicDossier(code: string) {
  return useApiData(
    () =>
      code
        ? api<PublicDossier>(`/api/public/dossiers/${encodeURIComponent(code)}`, { on401: 'throw' })
        : Promise.resolve(null),
    [code],
  );
}
