import { api } from '../../../api.js';
import { useApiData } from '../../../components/useApiData.js';
import type { DossierStatus, TimeState } from './types.js';
import type { ApiResponse } from '../../../api/types.js';

export interface WorklistFilters {
  mine?: boolean;
  status?: DossierStatus | undefined;
  timeState?: TimeState | undefined;
}

export function fetchWorklist({ mine, status, timeState }: WorklistFilters, page = 1, pageSize = 20) {
  return api<ApiResponse<'/api/dossiers'>>('/api/dossiers', {
    query: { page, pageSize, mine: mine || undefined, status, timeState },
  });
}

/** A page of the worklist (most urgent first, as the API sorts it), reloaded when filters or page change. */
export function useWorklist(filters: WorklistFilters, page: number, pageSize: number) {
  return useApiData(
    () => fetchWorklist(filters, page, pageSize),
    [filters.mine, filters.status, filters.timeState, page, pageSize],
  );
}
