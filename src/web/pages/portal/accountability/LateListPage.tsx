/**
 * /cong-khai/cham-muon (no login): the monthly list of agencies, units and officials with late
 * dossiers, as published by the publications module on the set day of the month (seed 002: "Công
 * khai danh sách cơ quan, đơn vị, cán bộ, công chức, viên chức giải quyết chậm, muộn hồ sơ"), with
 * each late dossier's apology-letter status (mẫu 04, Decree 61/2018/NĐ-CP). The visitor picks a
 * published month (?ky=2026-11); the latest by default. The snapshot carries no applicant data;
 * its dossier codes are masked in the snapshot itself (publications.rules.ts `maskDossierCode`).
 */
import { Empty, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { api } from '../../../api.js';
import type { ApiResponse, Schema } from '../../../api/types.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDate, formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { monthLabel } from '../../../kpi/periods.js';
import { navigate, useLocation } from '../../../router.js';

type Summary = ApiResponse<'/api/public/late-lists'>['items'][number];
type LateList = Schema<'PublishedLateList'>;

export const CELL: CSSProperties = { padding: '6px 8px', borderBottom: '1px solid #eee', textAlign: 'left' };
export const NUMBER: CSSProperties = { ...CELL, textAlign: 'right', whiteSpace: 'nowrap' };

/** A plain table that scrolls inside its own box on a phone. */
export function PlainTable({
  testId,
  caption,
  head,
  children,
  minWidth = 480,
}: {
  testId: string;
  caption: string;
  head: ReactNode;
  children: ReactNode;
  minWidth?: number;
}) {
  return (
    // A scrollable region must be reachable by keyboard (axe: scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the box scrolls sideways on a phone
    <section style={{ overflowX: 'auto', marginBottom: 24 }} tabIndex={0} aria-label={caption}>
      <table style={{ borderCollapse: 'collapse', width: '100%', minWidth }} data-testid={testId}>
        <caption style={{ textAlign: 'left', fontWeight: 600, padding: '4px 0' }}>{caption}</caption>
        <thead>{head}</thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}

export default function LateListPage() {
  const t = useT();
  const { search } = useLocation();
  const chosen = search.get('ky');
  const list = useApiData(() => api<ApiResponse<'/api/public/late-lists'>>('/api/public/late-lists'), []);
  const items = list.data?.items ?? [];
  const period = chosen ?? items[0]?.period ?? null;

  const option = (s: Summary) => ({
    value: s.period,
    label: t('late.periodOption', { month: monthLabel(s.period), from: formatDate(s.from), to: formatDate(s.to) }),
  });

  return (
    <section style={{ maxWidth: 1000, margin: '0 auto' }} aria-labelledby="late-title">
      <Typography.Title level={2} id="late-title" style={{ marginTop: 0 }}>
        {t('late.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('late.intro')}</Typography.Paragraph>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {!list.data && !list.error ? <Skeleton active /> : null}
      {list.data && items.length === 0 ? <Empty description={t('late.none')} /> : null}
      {period && items.length > 0 ? (
        <>
          <label htmlFor="late-period" style={{ display: 'block', marginBottom: 4 }}>
            {t('late.period')}
          </label>
          <Select
            id="late-period"
            aria-label={t('late.period')}
            data-testid="late-period"
            value={period}
            onChange={(p: string) => navigate(`/cong-khai/cham-muon?ky=${encodeURIComponent(p)}`, { replace: true })}
            options={items.map(option)}
            style={{ width: 'min(100%, 360px)', marginBottom: 24 }}
          />
          <Publication period={period} />
        </>
      ) : null}
    </section>
  );
}

function Publication({ period }: { period: string }) {
  const t = useT();
  const pub = useApiData(() => api<LateList>('/api/public/late-list', { query: { period } }), [period]);
  if (pub.error) return <ErrorAlert error={pub.error} />;
  if (!pub.data || pub.data.period !== period) return <Skeleton active />;
  const { content } = pub.data;
  return (
    <div data-testid="late-list">
      <Typography.Paragraph>
        {t('late.published', { time: formatDateTime(pub.data.publishedAt), asOf: formatDateTime(content.asOf) })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('late.legalBasis', { basis: content.legalBasis.join('; ') })}
      </Typography.Paragraph>
      <Space size="large" wrap style={{ marginBottom: 24 }}>
        <Statistic title={t('late.total')} value={content.total} valueStyle={{ color: '#b71c1c' }} />
        <Statistic title={t('late.withApology')} value={content.withApology} />
      </Space>
      {content.total === 0 ? (
        <Empty description={t('late.noneLate')} />
      ) : (
        <>
          <PlainTable
            testId="late-units"
            caption={t('late.units')}
            head={
              <tr>
                <th style={CELL}>{t('late.col.unit')}</th>
                <th style={NUMBER}>{t('late.col.late')}</th>
              </tr>
            }
            minWidth={320}
          >
            {content.units.map((u) => (
              <tr key={u.unitName}>
                <td style={CELL}>{u.unitName}</td>
                <td style={NUMBER}>{u.late}</td>
              </tr>
            ))}
          </PlainTable>
          <PlainTable
            testId="late-officials"
            caption={t('late.officials')}
            head={
              <tr>
                <th style={CELL}>{t('late.col.official')}</th>
                <th style={CELL}>{t('late.col.units')}</th>
                <th style={NUMBER}>{t('late.col.late')}</th>
              </tr>
            }
          >
            {content.officials.map((o) => (
              <tr key={`${o.fullName ?? ''}|${o.unitNames.join(',')}`}>
                <td style={CELL}>{o.fullName ?? <em>{t('late.noOfficial')}</em>}</td>
                <td style={CELL}>{o.unitNames.join(', ')}</td>
                <td style={NUMBER}>{o.late}</td>
              </tr>
            ))}
          </PlainTable>
          <Typography.Paragraph type="secondary">{t('late.codeMasked')}</Typography.Paragraph>
          <PlainTable
            testId="late-dossiers"
            caption={t('late.dossiers')}
            minWidth={900}
            head={
              <tr>
                <th style={CELL}>{t('late.col.code')}</th>
                <th style={CELL}>{t('late.col.procedure')}</th>
                <th style={CELL}>{t('late.col.unit')}</th>
                <th style={CELL}>{t('late.col.official')}</th>
                <th style={CELL}>{t('late.col.received')}</th>
                <th style={CELL}>{t('late.col.due')}</th>
                <th style={CELL}>{t('late.col.completed')}</th>
                <th style={CELL}>{t('late.col.apology')}</th>
              </tr>
            }
          >
            {content.dossiers.map((d, i) => (
              // Masked codes may coincide; the published order is fixed, so the position keys the row.
              <tr key={`${i}-${d.code}`} data-testid="late-dossier">
                <td style={{ ...CELL, fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{d.code}</td>
                <td style={CELL}>
                  {d.procedureName} ({d.procedureCode})
                </td>
                <td style={CELL}>{d.unitName}</td>
                <td style={CELL}>{d.officialName ?? <em>{t('late.noOfficial')}</em>}</td>
                <td style={CELL}>{formatDateTime(d.receivedAt)}</td>
                <td style={CELL}>{formatDateTime(d.legalDueAt)}</td>
                <td style={CELL}>{formatDateTime(d.completedAt)}</td>
                <td style={CELL}>
                  {/* Dark green and red on white: both above the 4.5:1 contrast of WCAG AA. */}
                  {d.apologySent ? (
                    <strong style={{ color: '#1b5e20' }}>✓ {t('late.apologySent')}</strong>
                  ) : (
                    <strong style={{ color: '#b71c1c' }}>✗ {t('late.apologyMissing')}</strong>
                  )}
                </td>
              </tr>
            ))}
          </PlainTable>
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
        {t('late.hash', { hash: pub.data.contentSha256 })}
      </Typography.Paragraph>
    </div>
  );
}
