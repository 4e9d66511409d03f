/** The unit's index over the last six reporting months; a month's point selects that month. */
import { Spin, Typography } from 'antd';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import { LineChart } from '../../../kpi/charts.js';
import { monthLabel, monthsUpTo } from '../../../kpi/periods.js';
import type { KpiIndex } from '../../../kpi/types.js';

export function IndexTrend({
  unit,
  month,
  onSelect,
}: {
  unit: string;
  month: string;
  onSelect: (month: string) => void;
}) {
  const t = useT();
  const months = monthsUpTo(month, 6);
  const series = useApiData(
    () => Promise.all(months.map((m) => api<KpiIndex>('/api/kpi/766', { query: { unit, period: m } }))),
    [unit, month],
  );
  if (series.error) return <ErrorAlert error={series.error} />;
  if (!series.data) return <Spin />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('kpi.overTime.hint')}</Typography.Paragraph>
      <LineChart
        title={t('kpi.overTime')}
        points={months.map((m, i) => ({
          key: m,
          label: monthLabel(m),
          value: series.data![i]!.total,
          onClick: () => onSelect(m),
        }))}
      />
    </>
  );
}
