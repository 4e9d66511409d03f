/** Lateness by unit and the channel mix of a month; every count opens its dossiers. */
import { Spin, Typography } from 'antd';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import { BarList, Figure, StackedBar } from '../../../kpi/charts.js';
import type { ChannelsReply, DrillItem, DrillPage, LateReply } from '../../../kpi/types.js';
import type { Drill } from './DrillDrawer.js';
import type { ApiResponse } from '../../../api/types.js';

/** Late dossiers of a unit's subtree for the month, as drill-down rows. */
const lateRows =
  (unit: string, month: string) =>
  async (page: number, pageSize: number): Promise<DrillPage> => {
    const r = await api<LateReply>('/api/kpi/late', { query: { unit, month, page, pageSize } });
    return {
      total: r.total,
      items: r.items.map(
        (i): DrillItem => ({ kind: 'dossier', code: i.code, name: `${i.procedureName} — ${i.competentUnitName}` }),
      ),
    };
  };

export function LateByUnit({ unit, month, onDrill }: { unit: string; month: string; onDrill: (d: Drill) => void }) {
  const t = useT();
  const late = useApiData(
    () => api<LateReply>('/api/kpi/late', { query: { unit, month, pageSize: 1 } }),
    [unit, month],
  );
  if (late.error) return <ErrorAlert error={late.error} />;
  if (!late.data) return <Spin />;
  return (
    <>
      <Typography.Paragraph>
        {t('kpi.late.total')}:{' '}
        <Figure
          onClick={late.data.total ? () => onDrill({ title: t('kpi.late'), load: lateRows(unit, month) }) : undefined}
          label={t('kpi.drill.open', { what: t('kpi.late') })}
        >
          <strong data-testid="late-total">{late.data.total}</strong>
        </Figure>
      </Typography.Paragraph>
      {late.data.byUnit.length === 0 ? (
        <Typography.Text type="secondary">{t('kpi.empty')}</Typography.Text>
      ) : (
        <BarList
          testId="late-by-unit"
          bars={late.data.byUnit.map((u) => ({
            key: u.unitId,
            label: u.unitName,
            value: u.late,
            action: t('kpi.drill.open', { what: `${t('kpi.late')}: ${u.unitName}` }),
            onClick: () => onDrill({ title: `${t('kpi.late')}: ${u.unitName}`, load: lateRows(u.unitId, month) }),
          }))}
        />
      )}
    </>
  );
}

export function ChannelMix({ unit, month, onDrill }: { unit: string; month: string; onDrill: (d: Drill) => void }) {
  const t = useT();
  const mix = useApiData(
    () => api<ChannelsReply>('/api/kpi/channels', { query: { unit, period: month } }),
    [unit, month],
  );
  if (mix.error) return <ErrorAlert error={mix.error} />;
  if (!mix.data) return <Spin />;
  const label = (c: string) => t(`kpi.channel.${c}` as 'kpi.channel.counter');
  return (
    <StackedBar
      title={t('kpi.channels')}
      segments={mix.data.channels.map((c) => ({
        key: c.channel,
        label: label(c.channel),
        value: c.received,
        onClick: () =>
          onDrill({
            title: `${t('kpi.channels')}: ${label(c.channel)}`,
            load: (page, pageSize) =>
              api<ApiResponse<'/api/kpi/channels/drilldown'>>('/api/kpi/channels/drilldown', {
                query: { unit, period: month, channel: c.channel, page, pageSize },
              }),
          }),
      }))}
    />
  );
}
