/**
 * /dashboard (no login): the province's Decision-766 index for a reporting month and its units
 * ranked, as the seeds require it published. Reads only the public aggregate endpoints.
 */
import { Button, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useApiData } from '../../components/useApiData.js';
import { formatDateTime } from '../../format.js';
import { useI18n, useT } from '../../i18n/i18n.js';
import { BarList } from '../../kpi/charts.js';
import { currentMonth, monthLabel, monthsUpTo, points } from '../../kpi/periods.js';
import type { PublicKpiIndex, RankingKind } from '../../kpi/types.js';
import { PortalLayout } from '../portal/PortalLayout.js';
import { RankingTable } from './RankingTable.js';

export default function PublicDashboardPage() {
  const t = useT();
  const { lang } = useI18n();
  const months = monthsUpTo(currentMonth(), 12).reverse();
  const [month, setMonth] = useState(months[0]!);
  const [kind, setKind] = useState<RankingKind>('department');
  const index = useApiData(() => api<PublicKpiIndex>('/api/public/kpi/index', { query: { period: month } }), [month]);

  return (
    <PortalLayout>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('dash.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('dash.intro')}</Typography.Paragraph>
      <label htmlFor="dash-month" style={{ display: 'block', marginBottom: 4 }}>
        {t('kpi.period')}
      </label>
      <Select
        id="dash-month"
        aria-label={t('kpi.period')}
        value={month}
        onChange={setMonth}
        options={months.map((m) => ({ value: m, label: t('kpi.monthLabel', { month: monthLabel(m) }) }))}
        style={{ width: 200, marginBottom: 24 }}
      />

      <section aria-labelledby="dash-province" style={{ marginBottom: 32 }}>
        <Typography.Title level={3} id="dash-province">
          {t('dash.province')}
        </Typography.Title>
        {index.error ? <ErrorAlert error={index.error} /> : null}
        {!index.data ? (
          <Spin tip={t('dash.loading')} />
        ) : (
          <>
            <Space align="baseline" wrap size="large" data-testid="province-index">
              <Typography.Text style={{ fontSize: 48, fontWeight: 700, color: '#b71c1c' }} data-testid="province-total">
                {points(index.data.total, lang)}
              </Typography.Text>
              <Typography.Text style={{ fontSize: 18 }}>
                /100 · {t('kpi.grade')}: <strong>{index.data.gradeName ?? '—'}</strong>
              </Typography.Text>
              <Typography.Text type="secondary">
                {index.data.noData
                  ? t('kpi.noData')
                  : t('kpi.applicable', { n: index.data.applicable, m: index.data.indicatorCount })}
              </Typography.Text>
            </Space>
            <Typography.Paragraph type="secondary">
              {t('dash.asOf', { time: formatDateTime(index.data.asOf) })}
            </Typography.Paragraph>
            <BarList
              testId="province-groups"
              bars={index.data.groups.map((g) => ({
                key: g.key,
                label: g.name,
                value: g.points,
                max: g.max,
                text: t('kpi.pointsOf', { points: points(g.points, lang), max: g.max }),
              }))}
            />
          </>
        )}
      </section>

      <section aria-labelledby="dash-rankings">
        <Typography.Title level={3} id="dash-rankings">
          {t('dash.rankings')}
        </Typography.Title>
        <Space wrap style={{ marginBottom: 12 }}>
          {(['department', 'commune'] as const).map((k) => (
            <Button
              key={k}
              type={kind === k ? 'primary' : 'default'}
              aria-pressed={kind === k}
              onClick={() => setKind(k)}
            >
              {t(k === 'department' ? 'dash.departments' : 'dash.communes')}
            </Button>
          ))}
        </Space>
        <RankingTable month={month} kind={kind} />
      </section>
    </PortalLayout>
  );
}
