import { Skeleton, Typography } from 'antd';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDate } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import type { ProcedureDetail } from '../../../types.js';
import { LinkButton } from '../LinkButton.js';
import { filesOnline } from './filesOnline.js';
import { ProcedureFacts } from './ProcedureFacts.js';
import { ProcedureParts } from './ProcedureParts.js';

/** /thu-tuc/{id}: a procedure as published, with the way to file it online when offered. */
export default function ProcedureDetailPage({ id }: { id: string }) {
  const t = useT();
  const procedure = useApiData(() => api<ProcedureDetail>(`/api/procedures/${id}`, { on401: 'throw' }), [id]);
  const p = procedure.data;
  return (
    <article style={{ background: '#fff', borderRadius: 8, padding: '20px 16px' }}>
      <Link to="/">← {t('procedure.back')}</Link>
      <ErrorAlert error={procedure.error} />
      {procedure.loading && <Skeleton active paragraph={{ rows: 8 }} />}
      {p && (
        <>
          <Typography.Title level={2} style={{ marginTop: 12 }}>
            {p.name}
          </Typography.Title>
          <ProcedureFacts procedure={p} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('procedure.version', {
              decision: p.currentVersion.decisionNumber,
              from: formatDate(p.currentVersion.effectiveFrom),
            })}
          </Typography.Paragraph>
          {filesOnline(p) && (
            <LinkButton to={`/nop-ho-so/${p.id}`} type="primary" size="large" style={{ margin: '8px 0 24px' }}>
              {t('procedure.fileOnline')}
            </LinkButton>
          )}
          <ProcedureParts procedure={p} />
        </>
      )}
    </article>
  );
}
