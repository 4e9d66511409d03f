import { Button, Empty, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import { LinkButton } from '../LinkButton.js';
import { RequireCitizen } from '../RequireCitizen.js';
import { StatusTags } from './StatusTags.js';
import { onTimeState } from './timeState.js';
import type { ApiResponse } from '../../../api/types.js';

const STEP = 20;

/** /ho-so-cua-toi: the citizen's own dossiers (what needs them first: the server orders by urgency). */
export default function MyDossiersPage() {
  return <RequireCitizen>{() => <MyDossierList />}</RequireCitizen>;
}

function MyDossierList() {
  const t = useT();
  const [limit, setLimit] = useState(STEP);
  const list = useApiData(
    () => api<ApiResponse<'/api/dossiers'>>('/api/dossiers', { query: { page: 1, pageSize: limit } }),
    [limit],
  );
  const items = list.data?.items ?? [];
  return (
    <section style={{ background: '#fff', borderRadius: 8, padding: '20px 16px' }}>
      <Typography.Title level={2}>{t('mine.title')}</Typography.Title>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data && <Skeleton active />}
      {list.data && items.length === 0 && (
        <Empty description={t('mine.empty')}>
          <LinkButton type="primary" to="/">
            {t('mine.findProcedure')}
          </LinkButton>
        </Empty>
      )}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="my-dossiers">
        {items.map((d) => (
          <li key={d.id} style={{ borderTop: '1px solid #f0f0f0', padding: '12px 0' }}>
            <Link to={`/ho-so-cua-toi/${encodeURIComponent(d.code)}`} style={{ fontWeight: 600 }}>
              {d.code}
            </Link>
            <div>{d.procedureName}</div>
            <div style={{ marginTop: 4 }}>
              <StatusTags status={d.status} onTime={onTimeState(d)} />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('mine.submittedAt')}: {formatDateTime(d.submittedAt)}
                {d.appointmentAt && ` · ${t('mine.appointmentAt')}: ${formatDateTime(d.appointmentAt)}`}
              </Typography.Text>
            </div>
          </li>
        ))}
      </ul>
      {items.length < (list.data?.total ?? 0) && (
        <Button block loading={list.loading} onClick={() => setLimit((n) => Math.min(n + STEP, 200))}>
          {t('mine.more')}
        </Button>
      )}
    </section>
  );
}
