import { App, Empty, Pagination, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import type { FeedbackListItem } from '../../../types.js';
import { RequireCitizen } from '../RequireCitizen.js';
import { feedbackList } from './feedbackApi.js';
import { FeedbackLinks } from './FeedbackPage.js';
import { MyFeedbackDetail } from './MyFeedbackDetail.js';
import { STATUS_COLOR, statusKey } from './labels.js';

const PAGE_SIZE = 10;

/** /phan-anh/cua-toi[/{code}]: the signed-in citizen's own items (GET /api/feedback lists only theirs). */
export default function MyFeedbackPage({ code }: { code?: string }) {
  return (
    <App>
      <section style={{ maxWidth: 900, margin: '0 auto' }}>
        <FeedbackLinks citizen />
        <RequireCitizen>{() => (code ? <MyFeedbackDetail code={code} /> : <MyList />)}</RequireCitizen>
      </section>
    </App>
  );
}

function MyList() {
  const t = useT();
  const [page, setPage] = useState(1);
  const list = useApiData(() => feedbackList({ page, pageSize: PAGE_SIZE }), [page]);
  return (
    <>
      <Typography.Title level={2}>{t('fb.mine.title')}</Typography.Title>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data && <Skeleton active />}
      {list.data && list.data.items.length === 0 && <Empty description={t('fb.mine.empty')} />}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {list.data?.items.map((item) => (
          <MyRow key={item.id} item={item} />
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

function MyRow({ item }: { item: FeedbackListItem }) {
  const t = useT();
  return (
    <li
      data-testid="my-feedback"
      style={{ background: '#fff', borderRadius: 8, padding: 16, marginBottom: 12, border: '1px solid #f0f0f0' }}
    >
      <Link
        to={`/phan-anh/cua-toi/${encodeURIComponent(item.code)}`}
        style={{ fontWeight: 600, overflowWrap: 'anywhere' }}
      >
        {item.title}
      </Link>
      <div style={{ marginTop: 6, display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Typography.Text type="secondary">{item.code}</Typography.Text>
        <Tag color={STATUS_COLOR[item.status]}>{t(statusKey(item.status))}</Tag>
        <Typography.Text type="secondary">{formatDateTime(item.receivedAt)}</Typography.Text>
      </div>
    </li>
  );
}
