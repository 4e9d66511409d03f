/**
 * The inbox (portal /thong-bao and the staff console's "Thông báo"): newest first, reloaded when
 * the unread count changes; below it, the person's notification settings (channels, language).
 */
import { Badge, Button, Empty, Skeleton, Space, Typography } from 'antd';
import { api } from '../../api.js';
import type { ApiResponse } from '../../api/types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useApiData } from '../../components/useApiData.js';
import { formatDateTime } from '../../format.js';
import { useT } from '../../i18n/i18n.js';
import { navigate } from '../../router.js';
import { PreferencesCard } from './PreferencesCard.js';
import { useUnread } from './useUnread.js';

type Item = ApiResponse<'/api/notifications/inbox'>['items'][number];

export function InboxPage() {
  const t = useT();
  const live = useUnread(true);
  const inbox = useApiData(
    () => api<ApiResponse<'/api/notifications/inbox'>>('/api/notifications/inbox', { query: { limit: 100 } }),
    [live],
  );
  const read = async (id: string | null) => {
    await api('/api/notifications/inbox/read', { method: 'POST', body: { id } });
    inbox.reload();
  };
  const open = async (item: Item) => {
    if (!item.readAt) await read(item.id);
    if (item.link) navigate(item.link);
  };
  const unread = inbox.data?.unread ?? 0;
  return (
    <>
      <section style={{ background: '#fff', borderRadius: 8, padding: '20px 16px' }}>
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('inbox.title')}
          </Typography.Title>
          <Space>
            <Typography.Text data-testid="inbox-unread">{t('inbox.unread', { n: unread })}</Typography.Text>
            <Button disabled={unread === 0} onClick={() => void read(null)}>
              {t('inbox.markAll')}
            </Button>
          </Space>
        </Space>
        <ErrorAlert error={inbox.error} />
        {inbox.loading && !inbox.data && <Skeleton active />}
        {inbox.data && inbox.data.items.length === 0 && <Empty description={t('inbox.empty')} />}
        <ul style={{ listStyle: 'none', padding: 0, margin: '12px 0 0' }} data-testid="inbox">
          {inbox.data?.items.map((item) => (
            <li key={item.id} style={{ borderTop: '1px solid #f0f0f0', padding: '12px 0' }}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  {!item.readAt && <Badge status="processing" text={t('inbox.new')} />}
                  <Typography.Text strong={!item.readAt}>{item.subject}</Typography.Text>
                </Space>
                <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>{item.body}</Typography.Paragraph>
                <Space>
                  <Typography.Text type="secondary">{formatDateTime(item.createdAt)}</Typography.Text>
                  {item.link && (
                    <Button size="small" type="link" onClick={() => void open(item)}>
                      {t('inbox.open')}
                    </Button>
                  )}
                </Space>
              </Space>
            </li>
          ))}
        </ul>
      </section>
      <PreferencesCard />
    </>
  );
}

export default InboxPage;
