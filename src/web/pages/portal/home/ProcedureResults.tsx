import { Button, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { Section } from '../../../components/Section.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import { ONLINE_LEVEL_KEY } from '../labels.js';
import { ActiveFilters } from './ActiveFilters.js';
import type { ProcedureContent } from '../../../types.js';
import type { ApiResponse } from '../../../api/types.js';

/** The summary's onlineLevel is documented as a string: it is the content's level. */
type OnlineLevel = Exclude<ProcedureContent['onlineLevel'], 'none'>;

const STEP = 10;

/** A plain badge, not antd Tag: the home page is in the entry bundle, every component counts. */
function OnlineBadge({ level }: { level: OnlineLevel }) {
  const t = useT();
  // A green or blue Tag's colours as the theme sets them (src/web/theme.ts: AA contrast). Not read
  // with theme.useToken(): importing antd's `theme` adds its algorithms to the entry bundle.
  const [color, background] = level === 'full' ? ['#237804', '#f6ffed'] : ['#0958d9', '#e6f4ff'];
  return (
    <span
      style={{
        color,
        background,
        border: `1px solid ${color}40`,
        borderRadius: 4,
        padding: '0 6px',
        fontSize: 12,
        whiteSpace: 'nowrap',
      }}
    >
      {t('procedure.onlineLevel')}: {t(ONLINE_LEVEL_KEY[level])}
    </span>
  );
}

/** Procedures matching the text and the chosen field or unit, best first; "more" grows the page. */
export function ProcedureResults({ q, field, unit }: { q: string; field: string | null; unit: string | null }) {
  const t = useT();
  const [limit, setLimit] = useState(STEP);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new search (text, field or unit) starts again from the first page
  useEffect(() => setLimit(STEP), [q, field, unit]);
  const list = useApiData(
    () =>
      api<ApiResponse<'/api/procedures'>>('/api/procedures', {
        query: { q, field, unit, page: 1, pageSize: limit },
        on401: 'throw',
      }),
    [q, field, unit, limit],
  );
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  return (
    <Section title={t('home.results')}>
      <ActiveFilters q={q} field={field} unit={unit} />
      <ErrorAlert error={list.error} />
      {list.loading && !list.data && <Skeleton active />}
      {list.data && (
        <Typography.Paragraph type="secondary" aria-live="polite" data-testid="result-count">
          {t('home.found', { total })}
        </Typography.Paragraph>
      )}
      {list.data && total === 0 && <Typography.Paragraph>{t('home.noResults')}</Typography.Paragraph>}
      <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="procedure-results">
        {items.map((p) => (
          <li key={p.id} style={{ padding: '12px 0', borderTop: '1px solid #f0f0f0' }}>
            <Link to={`/thu-tuc/${p.id}`} style={{ fontSize: 16, fontWeight: 500 }}>
              {p.name}
            </Link>
            <div style={{ marginTop: 4 }}>
              <Typography.Text type="secondary" style={{ marginRight: 8 }}>
                {p.nationalCode} · {p.fieldName}
              </Typography.Text>
              {p.onlineLevel !== 'none' && <OnlineBadge level={p.onlineLevel as OnlineLevel} />}
            </div>
          </li>
        ))}
      </ol>
      {items.length < total && (
        <Button
          block
          loading={list.loading}
          onClick={() => setLimit((n) => Math.min(n + STEP * 2, 200))}
          style={{ marginTop: 12 }}
        >
          {t('home.more', { shown: items.length, total })}
        </Button>
      )}
    </Section>
  );
}
