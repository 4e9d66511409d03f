/** The public ranking of departments or communes for a month: a plain table that scrolls on a phone. */
import { Spin } from 'antd';
import type { CSSProperties } from 'react';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useApiData } from '../../components/useApiData.js';
import { useI18n, useT } from '../../i18n/i18n.js';
import { points } from '../../kpi/periods.js';
import type { Schema } from '../../api/types.js';
import type { RankingKind } from '../../kpi/types.js';

const CELL: CSSProperties = { padding: '6px 8px', borderBottom: '1px solid #eee', textAlign: 'left' };
const NUMBER: CSSProperties = { ...CELL, textAlign: 'right', whiteSpace: 'nowrap' };

function Change({ value, lang }: { value: number | null; lang: string }) {
  if (value === null) return <span>—</span>;
  const color = value > 0 ? '#2e7d32' : value < 0 ? '#b71c1c' : '#555';
  const sign = value > 0 ? '▲ +' : value < 0 ? '▼ ' : '';
  return <span style={{ color }}>{`${sign}${points(value, lang)}`}</span>;
}

export function RankingTable({ month, kind }: { month: string; kind: RankingKind }) {
  const t = useT();
  const ranking = useApiData(
    () => api<Schema<'PublicKpiRankings'>>('/api/public/kpi/rankings', { query: { period: month, kind } }),
    [month, kind],
  );
  if (ranking.error) return <ErrorAlert error={ranking.error} />;
  if (!ranking.data) return <Spin tip={t('dash.loading')} />;
  return <RankingRows ranking={ranking.data} />;
}

/** The rows of a ranking: computed now (RankingTable) or as a publication froze it. */
export function RankingRows({ ranking }: { ranking: Pick<Schema<'PublicKpiRankings'>, 'items' | 'unranked'> }) {
  const t = useT();
  const { lang } = useI18n();
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%', minWidth: 520 }} data-testid="rankings">
        <thead>
          <tr>
            <th style={NUMBER}>{t('dash.rank')}</th>
            <th style={CELL}>{t('dash.name')}</th>
            <th style={NUMBER}>{t('dash.score')}</th>
            <th style={CELL}>{t('kpi.grade')}</th>
            <th style={NUMBER}>{t('dash.weekChange')}</th>
            <th style={NUMBER}>{t('dash.monthChange')}</th>
          </tr>
        </thead>
        <tbody>
          {ranking.items.map((r) => (
            <tr key={r.name}>
              <td style={NUMBER}>{r.rank}</td>
              <td style={CELL}>{r.name}</td>
              <td style={NUMBER}>{points(r.total, lang)}</td>
              <td style={CELL}>{r.gradeName}</td>
              <td style={NUMBER}>
                <Change value={r.weekChange} lang={lang} />
              </td>
              <td style={NUMBER}>
                <Change value={r.monthChange} lang={lang} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {ranking.unranked.length > 0 ? (
        <p style={{ color: '#555' }} data-testid="unranked">
          {t('dash.unranked', { names: ranking.unranked.map((u) => u.name).join(', ') })}
        </p>
      ) : null}
    </div>
  );
}
