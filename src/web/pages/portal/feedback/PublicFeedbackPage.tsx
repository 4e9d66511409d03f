import { App, Empty, Input, Pagination, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import { useSession } from '../../../session.js';
import type { PublicFeedback } from '../../../types.js';
import { publishedList } from './feedbackApi.js';
import { FeedbackLinks } from './FeedbackPage.js';
import { categoryKey } from './labels.js';
import { PublicFeedbackDetail } from './PublicFeedbackDetail.js';

const PAGE_SIZE = 10;

/**
 * /phan-anh/cong-khai[/{code}]: the published answers, no login. The API builds them from an
 * allow-list with personal data blanked, so nothing here needs masking.
 */
export default function PublicFeedbackPage({ code }: { code?: string }) {
  const session = useSession();
  const citizen = session.state.status === 'signedIn' && session.state.me.kind === 'citizen';
  return (
    <App>
      <section style={{ maxWidth: 900, margin: '0 auto' }}>
        <FeedbackLinks citizen={citizen} />
        {code ? <PublicFeedbackDetail code={code} /> : <PublishedList />}
      </section>
    </App>
  );
}

function PublishedList() {
  const t = useT();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useApiData(() => publishedList({ page, pageSize: PAGE_SIZE, q: q || undefined }), [q, page]);
  return (
    <>
      <Typography.Title level={2}>{t('fb.public.title')}</Typography.Title>
      <Input.Search
        allowClear
        size="large"
        aria-label={t('fb.public.search')}
        placeholder={t('fb.public.search')}
        enterButton={t('common.search')}
        onSearch={(v) => {
          setQ(v.trim());
          setPage(1);
        }}
        style={{ marginBottom: 16 }}
      />
      <ErrorAlert error={list.error} />
      {list.loading && !list.data && <Skeleton active />}
      {list.data && list.data.items.length === 0 && <Empty description={t('fb.public.empty')} />}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {list.data?.items.map((item) => (
          <PublishedRow key={item.code} item={item} />
        ))}
      </ul>
      {(list.data?.total ?? 0) > PAGE_SIZE && (
        <Pagination
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data?.total}
          onChange={setPage}
          showSizeChanger={false}
          style={{ marginTop: 16, textAlign: 'center' }}
        />
      )}
    </>
  );
}

function PublishedRow({ item }: { item: PublicFeedback }) {
  const t = useT();
  return (
    <li
      data-testid="public-feedback"
      style={{ background: '#fff', borderRadius: 8, padding: '16px', marginBottom: 12, border: '1px solid #f0f0f0' }}
    >
      <Link
        to={`/phan-anh/cong-khai/${encodeURIComponent(item.code)}`}
        style={{ fontSize: 17, fontWeight: 600, overflowWrap: 'anywhere' }}
      >
        {item.title}
      </Link>
      <div style={{ margin: '6px 0', display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Typography.Text type="secondary">{item.code}</Typography.Text>
        {item.category && <Tag>{t(categoryKey(item.category))}</Tag>}
        {item.unitName && <Typography.Text type="secondary">{item.unitName}</Typography.Text>}
        <Typography.Text type="secondary">{formatDateTime(item.publishedAt)}</Typography.Text>
      </div>
      {item.answer && (
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
          {item.answer}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary">
        {t('fb.public.votes', { likes: item.likes, dislikes: item.dislikes })}
      </Typography.Text>
    </li>
  );
}
