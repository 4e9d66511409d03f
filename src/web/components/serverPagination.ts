import type { TablePaginationConfig } from 'antd';
import type { Translate } from '../i18n/i18n.js';

/**
 * The pagination of an antd Table over a server-paged list (the API's page, pageSize, total):
 * fixed page size, the total in words, the page change handed to the caller (it fetches).
 */
export function serverPagination(
  t: Translate,
  page: { current: number; pageSize: number; total: number | undefined; onChange: (page: number) => void },
): TablePaginationConfig {
  return {
    current: page.current,
    pageSize: page.pageSize,
    total: page.total ?? 0,
    showSizeChanger: false,
    showTotal: (total) => t('common.total', { total }),
    onChange: page.onChange,
  };
}
