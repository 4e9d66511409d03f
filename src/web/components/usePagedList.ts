import type { TableProps } from 'antd';
import { useState } from 'react';
import { api } from '../api.js';
import { useT } from '../i18n/i18n.js';
import type { ApiItem, ApiPath, ApiResponse } from '../api/types.js';
import { useApiData } from './useApiData.js';
import { serverPagination } from './serverPagination.js';

/**
 * A paged API list (GET path?page&pageSize&<filter>) for an antd Table: the current page, one
 * search filter (a new search goes back to page 1), and the table's loading/data/pagination.
 */
/** The documented GET paths that answer a page: `{ items, total }`. */
type PagedPath = { [P in ApiPath]: ApiResponse<P> extends { items: unknown[]; total: number } ? P : never }[ApiPath];

export function usePagedList<P extends PagedPath>(path: P, { pageSize, filter }: { pageSize: number; filter: string }) {
  type T = ApiItem<P>;
  const t = useT();
  const [page, setPage] = useState(1);
  const [value, setValue] = useState('');
  const list = useApiData(
    () => api<{ items: T[]; total: number }>(path, { query: { page, pageSize, [filter]: value } }),
    [path, filter, value, page, pageSize],
  );

  const search = (text: string) => {
    setValue(text.trim());
    setPage(1);
  };

  const table: Pick<TableProps<T>, 'loading' | 'dataSource' | 'pagination'> = {
    loading: list.loading,
    dataSource: list.data?.items ?? [],
    pagination: serverPagination(t, { current: page, pageSize, total: list.data?.total, onChange: setPage }),
  };

  return { error: list.error, reload: list.reload, search, table };
}
