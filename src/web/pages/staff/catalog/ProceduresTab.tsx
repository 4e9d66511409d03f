import { Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import type { ProcedureSummary } from '../../../types.js';
import { LEVEL_KEY } from '../../portal/labels.js';
import { ProcedureDrawer } from './ProcedureDrawer.js';
import { serverPagination } from '../../../components/serverPagination.js';
import type { ApiResponse } from '../../../api/types.js';

const PAGE_SIZE = 20;
const LEVELS = Object.keys(LEVEL_KEY) as (keyof typeof LEVEL_KEY)[];

interface Filters {
  q: string;
  field?: string | undefined;
  unit?: string | null | undefined;
  level?: string | undefined;
}

/** Procedures with search (diacritics-insensitive, on the server) and filters by field, unit, level. */
export function ProceduresTab() {
  const t = useT();
  const [filters, setFilters] = useState<Filters>({ q: '' });
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string | null>(null);
  const fields = useApiData(() => api<ApiResponse<'/api/procedure-fields'>>('/api/procedure-fields'), []);
  const list = useApiData(
    () =>
      api<ApiResponse<'/api/procedures'>>('/api/procedures', {
        query: { ...filters, includeAbolished: true, page, pageSize: PAGE_SIZE },
      }),
    [filters, page],
  );
  const filter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('admin.cat.search')}
          aria-label={t('admin.cat.search')}
          style={{ width: 280 }}
          onSearch={(q) => filter({ q: q.trim() })}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('admin.cat.field')}
          aria-label={t('admin.cat.field')}
          style={{ width: 240 }}
          onChange={(field: string | undefined) => filter({ field })}
          options={(fields.data?.items ?? []).map((f) => ({ value: f.code, label: f.name }))}
        />
        <div style={{ width: 260 }}>
          <UnitPicker
            placeholder={t('admin.cat.unit')}
            onChange={(unit) => filter({ unit })}
            value={filters.unit ?? null}
          />
        </div>
        <Select
          allowClear
          placeholder={t('admin.cat.level')}
          aria-label={t('admin.cat.level')}
          style={{ width: 160 }}
          onChange={(level: string | undefined) => filter({ level })}
          options={LEVELS.map((l) => ({ value: l, label: t(LEVEL_KEY[l]) }))}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <Table<ProcedureSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 720 }}
        pagination={serverPagination(t, {
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total,
          onChange: setPage,
        })}
        onRow={(p) => ({ onClick: () => setSelected(p.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('admin.cat.code'), dataIndex: 'nationalCode', width: 110 },
          {
            title: t('admin.cat.name'),
            dataIndex: 'name',
            render: (name: string, p) => (
              <a href={`#${p.id}`} onClick={(e) => e.preventDefault()}>
                {name}
              </a>
            ),
          },
          { title: t('admin.cat.field'), dataIndex: 'fieldName' },
          {
            title: t('admin.cat.level'),
            dataIndex: 'levels',
            render: (levels: string[]) =>
              levels.map((l) => (l in LEVEL_KEY ? t(LEVEL_KEY[l as keyof typeof LEVEL_KEY]) : l)).join(', '),
          },
          {
            title: t('users.status'),
            dataIndex: 'status',
            render: (s: string) =>
              s === 'active' ? (
                <Tag color="green">{t('admin.cat.active')}</Tag>
              ) : (
                <Tag color="red">{t('admin.cat.abolished')}</Tag>
              ),
          },
        ]}
      />
      {selected && <ProcedureDrawer procedureId={selected} onClose={() => setSelected(null)} />}
    </>
  );
}
