import { Card, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { navigate } from '../../../router.js';
import type { WorkflowSummary } from '../../../types.js';
import { ProcedureSelect } from './ProcedurePicker.js';
import { WorkflowStatusTag } from './StatusTag.js';
import { serverPagination } from '../../../components/serverPagination.js';
import type { ApiResponse } from '../../../api/types.js';

const PAGE_SIZE = 20;
const STATUSES = ['draft', 'approved', 'active', 'retired'] as const;

/** Quy trình nội bộ: every version by procedure and competent unit, newest version first. */
export function WorkflowList({ procedureId }: { procedureId: string | null }) {
  const t = useT();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const list = useApiData(
    () =>
      api<ApiResponse<'/api/workflows'>>('/api/workflows', {
        query: { procedureId, unitId, status, page, pageSize: PAGE_SIZE },
      }),
    [procedureId, unitId, status, page],
  );
  return (
    <Card title={t('admin.wf.title')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <ProcedureSelect
          label={t('admin.wf.procedure')}
          value={procedureId}
          onChange={(id) => {
            setPage(1);
            navigate(id ? `/staff/workflows?procedure=${id}` : '/staff/workflows', { replace: true });
          }}
        />
        <div style={{ width: 280 }}>
          <UnitPicker
            placeholder={t('admin.wf.unit')}
            value={unitId}
            onChange={(u) => {
              setUnitId(u);
              setPage(1);
            }}
          />
        </div>
        <Select
          allowClear
          placeholder={t('admin.wf.statusLabel')}
          aria-label={t('admin.wf.statusLabel')}
          style={{ width: 160 }}
          onChange={(s: string | undefined) => {
            setStatus(s);
            setPage(1);
          }}
          options={STATUSES.map((s) => ({ value: s, label: t(`admin.wf.status.${s}`) }))}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <Table<WorkflowSummary>
        rowKey="id"
        size="middle"
        scroll={{ x: 800 }}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={serverPagination(t, {
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total,
          onChange: setPage,
        })}
        onRow={(w) => ({ onClick: () => navigate(`/staff/workflows/${w.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('admin.cat.code'), dataIndex: 'nationalCode', width: 100 },
          {
            title: t('admin.wf.name'),
            dataIndex: 'name',
            render: (name: string, w) => (
              <a href={`/staff/workflows/${w.id}`} onClick={(e) => e.preventDefault()}>
                {name}
              </a>
            ),
          },
          { title: t('admin.wf.unit'), dataIndex: 'unitName' },
          { title: t('admin.wf.version'), dataIndex: 'versionNo', width: 90 },
          {
            title: t('admin.wf.statusLabel'),
            dataIndex: 'status',
            render: (s: WorkflowSummary['status']) => <WorkflowStatusTag status={s} />,
          },
          { title: t('admin.wf.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
        ]}
      />
    </Card>
  );
}
