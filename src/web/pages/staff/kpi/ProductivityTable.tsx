/**
 * Productivity per one-stop officer for the month (năng suất công chức một cửa): dossiers each
 * received, annualised, against the target of the officer's unit — the plan-target row, officer
 * by officer, rather than one ratio.
 */
import { Table, Tag } from 'antd';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { useI18n, useT } from '../../../i18n/i18n.js';
import { points } from '../../../kpi/periods.js';
import type { Schema } from '../../../api/types.js';

type Officer = Schema<'KpiProductivity'>['officers'][number];

export function ProductivityTable({ unit, month }: { unit: string; month: string }) {
  const t = useT();
  const { lang } = useI18n();
  const table = useApiData(
    () => api<Schema<'KpiProductivity'>>('/api/kpi/productivity', { query: { unit, period: month } }),
    [unit, month],
  );
  if (table.error) return <ErrorAlert error={table.error} />;
  return (
    <Table<Officer>
      data-testid="productivity"
      size="small"
      rowKey={(r) => `${r.userId}/${r.unitId}`}
      loading={table.loading}
      pagination={false}
      scroll={{ x: 720 }}
      dataSource={table.data?.officers ?? []}
      columns={[
        { key: 'officer', title: t('kpi.productivity.officer'), dataIndex: 'fullName' },
        { key: 'unit', title: t('kpi.unit'), dataIndex: 'unitName' },
        { key: 'handled', title: t('kpi.productivity.handled'), align: 'right', dataIndex: 'handled' },
        {
          key: 'annualised',
          title: t('kpi.productivity.annualised'),
          align: 'right',
          render: (_, r) => points(r.annualised, lang),
        },
        { key: 'target', title: t('kpi.target'), align: 'right', render: (_, r) => `≥ ${points(r.target, lang)}` },
        {
          key: 'gap',
          title: t('kpi.gap'),
          align: 'right',
          render: (_, r) => <Tag color={r.gap >= 0 ? 'green' : 'red'}>{points(r.gap, lang)}</Tag>,
        },
      ]}
    />
  );
}
