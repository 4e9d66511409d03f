/** Plan targets of the unit for the month: target, actual (its dossiers a click away), gap and trend. */
import { Table, Tag } from 'antd';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { useI18n, useT } from '../../../i18n/i18n.js';
import { Figure } from '../../../kpi/charts.js';
import { percent, points } from '../../../kpi/periods.js';
import type { DrillPage, TargetRow } from '../../../kpi/types.js';
import type { Drill } from './DrillDrawer.js';
import type { Schema } from '../../../api/types.js';

const TREND_COLOR = { better: 'green', worse: 'red', same: 'default', unknown: 'default' } as const;

export function TargetsTable({ unit, month, onDrill }: { unit: string; month: string; onDrill: (d: Drill) => void }) {
  const t = useT();
  const { lang } = useI18n();
  const table = useApiData(
    () => api<Schema<'KpiTargetTable'>>('/api/kpi/targets', { query: { unit, period: month } }),
    [unit, month],
  );
  const show = (row: TargetRow, v: number | null) =>
    v === null ? '—' : row.unit === 'ratio' ? percent(v, lang) : points(v, lang);
  const actual = (row: TargetRow) => {
    if (!row.actual.available) return <span title={row.actual.note}>{t('kpi.unavailable')}</span>;
    const { indicator, drilldown } = row.actual;
    // Index ratios list their dossiers; targets counted over procedures list the procedures.
    const [path, what] = drilldown
      ? ['/api/kpi/targets/drilldown', { target: row.key }]
      : ['/api/kpi/766/drilldown', { indicator }];
    const drill =
      indicator || drilldown
        ? () =>
            onDrill({
              title: `${row.name} — ${t('kpi.numerator')}`,
              load: (page, pageSize) =>
                api<DrillPage>(path, { query: { unit, period: month, ...what, part: 'numerator', page, pageSize } }),
            })
        : undefined;
    return (
      <span title={row.actual.note}>
        {show(row, row.actual.value)}{' '}
        {row.actual.numerator !== null ? (
          <Figure
            onClick={drill && row.actual.numerator ? drill : undefined}
            label={t('kpi.drill.open', { what: row.name })}
          >
            ({row.actual.numerator}/{row.actual.denominator})
          </Figure>
        ) : null}
      </span>
    );
  };
  if (table.error) return <ErrorAlert error={table.error} />;
  return (
    <Table<TargetRow>
      data-testid="targets"
      size="small"
      rowKey="key"
      loading={table.loading}
      pagination={false}
      scroll={{ x: 720 }}
      dataSource={table.data?.targets ?? []}
      columns={[
        { key: 'name', title: t('kpi.targets'), dataIndex: 'name' },
        {
          key: 'target',
          title: t('kpi.target'),
          align: 'right',
          render: (_, r) => `${r.direction === 'atLeast' ? '≥' : '≤'} ${show(r, r.target)}`,
        },
        { key: 'actual', title: t('kpi.actual'), align: 'right', render: (_, r) => actual(r) },
        {
          key: 'gap',
          title: t('kpi.gap'),
          align: 'right',
          render: (_, r) => (r.gap === null ? '—' : <Tag color={r.met ? 'green' : 'red'}>{show(r, r.gap)}</Tag>),
        },
        {
          key: 'trend',
          title: t('kpi.trend'),
          render: (_, r) => <Tag color={TREND_COLOR[r.trend]}>{t(`kpi.trend.${r.trend}`)}</Tag>,
        },
      ]}
    />
  );
}
