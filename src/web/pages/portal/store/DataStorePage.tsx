import { Empty, Skeleton, Tag, Typography } from 'antd';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDate, formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import type { StoreItem } from '../../../types.js';
import { Part } from '../procedure/Part.js';
import { RequireCitizen } from '../RequireCitizen.js';
import { ConsentCode } from './ConsentCode.js';
import type { ApiResponse } from '../../../api/types.js';

/** /kho-du-lieu: the citizen's data store — documents received before and results — to download. */
export default function DataStorePage() {
  return <RequireCitizen>{() => <Store />}</RequireCitizen>;
}

function StoreList({ items }: { items: StoreItem[] }) {
  const t = useT();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('store.empty')} />;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((item) => (
        <li key={item.id} data-testid="store-item" style={{ borderTop: '1px solid #f0f0f0', padding: '10px 0' }}>
          <div>
            {item.name}
            {item.signed && (
              <Tag color="green" style={{ marginLeft: 8 }}>
                {t('store.signed')}
              </Tag>
            )}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('store.from')}{' '}
            <Link to={`/ho-so-cua-toi/${encodeURIComponent(item.sourceDossierCode)}`}>{item.sourceDossierCode}</Link> ·{' '}
            {formatDateTime(item.createdAt)}
            {item.validUntil && ` · ${t('store.validUntil', { date: formatDate(item.validUntil) })}`}
            {item.reuseCount > 0 && ` · ${t('store.reused', { count: item.reuseCount })}`}
          </Typography.Text>
          <div>
            {item.fileIds.map((fileId, i) => (
              <a key={fileId} href={`/api/store/items/${item.id}/files/${fileId}`} style={{ marginRight: 12 }}>
                {t('store.download', { n: i + 1 })}
              </a>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}

function Store() {
  const t = useT();
  const store = useApiData(() => api<ApiResponse<'/api/store'>>('/api/store'), []);
  const items = store.data?.items ?? [];
  return (
    <section style={{ background: '#fff', borderRadius: 8, padding: '20px 16px' }}>
      <Typography.Title level={2}>{t('store.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('store.intro')}</Typography.Paragraph>
      <ConsentCode />
      <ErrorAlert error={store.error} />
      {store.loading && <Skeleton active />}
      {store.data && (
        <>
          <Part title={t('store.results')}>
            <StoreList items={items.filter((i) => i.kind === 'result')} />
          </Part>
          <Part title={t('store.documents')}>
            <StoreList items={items.filter((i) => i.kind === 'document')} />
          </Part>
        </>
      )}
    </section>
  );
}
