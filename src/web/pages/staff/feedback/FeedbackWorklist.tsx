import { Button, Card, Select, Table, Tag } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { Link, navigate } from '../../../router.js';
import type { FeedbackListItem, FeedbackStatus } from '../../../types.js';
import { feedbackList } from '../../portal/feedback/feedbackApi.js';
import { channelKey, STATUS_COLOR, statusKey } from '../../portal/feedback/labels.js';
import { ON_TIME_TINT, OnTimeTag } from '../dossiers/tags.js';
import { useHolds } from '../scopes.js';
import { NewFeedbackModal } from './NewFeedbackModal.js';
import { serverPagination } from '../../../components/serverPagination.js';

const PAGE_SIZE = 20;
const STATUSES: FeedbackStatus[] = ['received', 'routed', 'awaitingSupplement', 'answered', 'published', 'refused'];

/** While handled, the clock's state; once over, how it ended (early, on time, late). */
export const feedbackTime = (i: Pick<FeedbackListItem, 'timeState' | 'outcome'>) => i.timeState ?? i.outcome;

/** Phản ánh: the items routed to my units (and, for the provincial office, those to classify), most urgent first. */
export function FeedbackWorklist() {
  const t = useT();
  const receives = useHolds('feedback.receive');
  const [status, setStatus] = useState<FeedbackStatus>();
  const [page, setPage] = useState(1);
  const [entering, setEntering] = useState(false);
  const list = useApiData(() => feedbackList({ page, pageSize: PAGE_SIZE, status }), [page, status]);

  return (
    <Card
      title={t('fb.desk.title')}
      extra={
        receives && (
          <Button type="primary" onClick={() => setEntering(true)}>
            {t('fb.desk.new')}
          </Button>
        )
      }
    >
      <Select<FeedbackStatus>
        allowClear
        aria-label={t('fb.col.status')}
        placeholder={t('fb.col.status')}
        style={{ width: 220, marginBottom: 12 }}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        options={STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
      />
      <ErrorAlert error={list.error} />
      <Table<FeedbackListItem>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('fb.desk.empty') }}
        pagination={serverPagination(t, {
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total,
          onChange: setPage,
        })}
        onRow={(item) => {
          const state = feedbackTime(item);
          return {
            style: state ? { background: ON_TIME_TINT[state] } : {},
            'data-testid': `feedback-row-${item.code}`,
          } as HTMLAttributes<HTMLElement>;
        }}
        columns={[
          {
            title: t('fb.col.code'),
            dataIndex: 'code',
            render: (code: string) => <Link to={`/staff/feedback/${encodeURIComponent(code)}`}>{code}</Link>,
          },
          { title: t('fb.col.title'), dataIndex: 'title', ellipsis: true, width: 320 },
          {
            title: t('fb.col.channel'),
            dataIndex: 'channel',
            render: (c: FeedbackListItem['channel']) => t(channelKey(c)),
          },
          {
            title: t('fb.col.status'),
            dataIndex: 'status',
            render: (s: FeedbackStatus) => <Tag color={STATUS_COLOR[s]}>{t(statusKey(s))}</Tag>,
          },
          { title: t('fb.col.receivedAt'), dataIndex: 'receivedAt', render: (at: string) => formatDateTime(at) },
          { title: t('fb.col.answerDueAt'), dataIndex: 'answerDueAt', render: (at: string) => formatDateTime(at) },
          { title: t('fb.col.timeState'), key: 'time', render: (_, item) => <OnTimeTag state={feedbackTime(item)} /> },
        ]}
      />
      {entering && (
        <NewFeedbackModal
          onClose={() => setEntering(false)}
          onCreated={(item) => {
            setEntering(false);
            navigate(`/staff/feedback/${encodeURIComponent(item.code)}`);
          }}
        />
      )}
    </Card>
  );
}
