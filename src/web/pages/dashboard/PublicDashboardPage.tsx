/**
 * /dashboard (no login): the province's Decision-766 index for a reporting month and its units
 * ranked, as the seeds require it published. Reads only the public aggregate endpoints: the index
 * computed now for a chosen month, or one of the weekly and monthly publications (seed 002 item 7:
 * "Định kỳ tháng, tuần các đơn vị công khai kết quả đánh giá") exactly as it was published — the
 * page says which one it shows.
 */
import { Button, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { ApiResponse, Schema } from '../../api/types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useApiData } from '../../components/useApiData.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useI18n, useT } from '../../i18n/i18n.js';
import { BarList } from '../../kpi/charts.js';
import { currentMonth, monthLabel, monthsUpTo, points } from '../../kpi/periods.js';
import type { PublicKpiIndex, RankingKind } from '../../kpi/types.js';
import { PortalLayout } from '../portal/PortalLayout.js';
import { RankingRows, RankingTable } from './RankingTable.js';

type Publications = ApiResponse<'/api/public/kpi/publications'>;
type Published = Schema<'PublishedKpiIndex'>;
/** What the index part shows of either source (the live index or a publication's). */
type IndexView = Pick<
  PublicKpiIndex,
  'total' | 'gradeName' | 'noData' | 'applicable' | 'indicatorCount' | 'asOf' | 'groups'
>;

/** The live figures are chosen with the empty value; a publication by its period. */
const LIVE = '';

export default function PublicDashboardPage() {
  const t = useT();
  const months = monthsUpTo(currentMonth(), 12).reverse();
  const [month, setMonth] = useState(months[0]!);
  const [source, setSource] = useState(LIVE);
  const [kind, setKind] = useState<RankingKind>('department');
  const publications = useApiData(() => api<Publications>('/api/public/kpi/publications'), []);
  const index = useApiData(
    () =>
      source === LIVE
        ? api<PublicKpiIndex>('/api/public/kpi/index', { query: { period: month } })
        : Promise.resolve(null),
    [month, source],
  );
  const published = useApiData(
    () =>
      source === LIVE
        ? Promise.resolve(null)
        : api<Published>('/api/public/kpi/publication', { query: { period: source } }),
    [source],
  );
  const shown = source === LIVE ? index : published;
  const publication = published.data?.period === source ? published.data : null;

  const sourceOptions = [
    { value: LIVE, label: t('dash.live') },
    ...(publications.data?.items ?? []).map((p) => ({
      value: p.period,
      label: t(p.kind === 'index-week' ? 'dash.pubWeek' : 'dash.pubMonth', {
        period: p.kind === 'index-week' ? p.period : monthLabel(p.period),
        from: formatDate(p.from),
        to: formatDate(p.to),
      }),
    })),
  ];

  return (
    <PortalLayout>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('dash.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('dash.intro')}</Typography.Paragraph>
      <Space wrap size="large" align="end" style={{ marginBottom: 24 }}>
        <div>
          <label htmlFor="dash-source" style={{ display: 'block', marginBottom: 4 }}>
            {t('dash.source')}
          </label>
          <Select
            id="dash-source"
            aria-label={t('dash.source')}
            data-testid="dash-source"
            value={source}
            onChange={setSource}
            options={sourceOptions}
            style={{ width: 'min(86vw, 360px)' }}
          />
        </div>
        {source === LIVE ? (
          <div>
            <label htmlFor="dash-month" style={{ display: 'block', marginBottom: 4 }}>
              {t('kpi.period')}
            </label>
            <Select
              id="dash-month"
              aria-label={t('kpi.period')}
              value={month}
              onChange={setMonth}
              options={months.map((m) => ({ value: m, label: t('kpi.monthLabel', { month: monthLabel(m) }) }))}
              style={{ width: 200 }}
            />
          </div>
        ) : null}
      </Space>
      {publications.error ? <ErrorAlert error={publications.error} /> : null}
      {publication ? (
        <Typography.Paragraph strong data-testid="dash-published-note">
          {t('dash.publishedNote', { time: formatDateTime(publication.publishedAt) })}
        </Typography.Paragraph>
      ) : null}

      <section aria-labelledby="dash-province" style={{ marginBottom: 32 }}>
        <Typography.Title level={3} id="dash-province">
          {t('dash.province')}
        </Typography.Title>
        {shown.error ? <ErrorAlert error={shown.error} /> : null}
        {source === LIVE ? (
          index.data ? (
            <ProvinceIndex index={index.data} />
          ) : (
            <Spin tip={t('dash.loading')} />
          )
        ) : publication ? (
          <ProvinceIndex index={publication.content.index} />
        ) : (
          <Spin tip={t('dash.loading')} />
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
        {source === LIVE ? (
          <RankingTable month={month} kind={kind} />
        ) : publication ? (
          <RankingRows
            ranking={kind === 'department' ? publication.content.departments : publication.content.communes}
          />
        ) : null}
      </section>
    </PortalLayout>
  );
}

function ProvinceIndex({ index }: { index: IndexView }) {
  const t = useT();
  const { lang } = useI18n();
  return (
    <>
      <Space align="baseline" wrap size="large" data-testid="province-index">
        <Typography.Text style={{ fontSize: 48, fontWeight: 700, color: '#b71c1c' }} data-testid="province-total">
          {points(index.total, lang)}
        </Typography.Text>
        <Typography.Text style={{ fontSize: 18 }}>
          /100 · {t('kpi.grade')}: <strong>{index.gradeName ?? '—'}</strong>
        </Typography.Text>
        <Typography.Text type="secondary">
          {index.noData ? t('kpi.noData') : t('kpi.applicable', { n: index.applicable, m: index.indicatorCount })}
        </Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary">
        {t('dash.asOf', { time: formatDateTime(index.asOf) })}
      </Typography.Paragraph>
      <BarList
        testId="province-groups"
        bars={index.groups.map((g) => ({
          key: g.key,
          label: g.name,
          value: g.points,
          max: g.max,
          text: t('kpi.pointsOf', { points: points(g.points, lang), max: g.max }),
        }))}
      />
    </>
  );
}
