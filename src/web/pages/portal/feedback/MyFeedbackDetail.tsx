import { Alert, Button, Form, Input, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { FormModal } from '../../../components/FormModal.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import type { FeedbackDetail } from '../../../types.js';
import { InfoRow } from '../InfoRow.js';
import { Part } from '../procedure/Part.js';
import { FeedbackHistory } from './FeedbackHistory.js';
import { actOnFeedback, feedbackDetail } from './feedbackApi.js';
import { channelKey, STATUS_COLOR, statusKey } from './labels.js';

/** One of the citizen's items: where it stands, the answer, and "add information" when asked. */
export function MyFeedbackDetail({ code }: { code: string }) {
  const t = useT();
  const loaded = useApiData(() => feedbackDetail(code), [code]);
  const [item, setItem] = useState<FeedbackDetail | null>(null);
  useEffect(() => setItem(loaded.data), [loaded.data]);
  const [supplying, setSupplying] = useState(false);
  const request =
    item?.status === 'awaitingSupplement' ? item.history.findLast((h) => h.action === 'requestSupplement') : undefined;
  return (
    <article style={{ background: '#fff', borderRadius: 8, padding: '20px 16px' }}>
      <Link to="/phan-anh/cua-toi">{t('fb.mine.back')}</Link>
      <ErrorAlert error={loaded.error} />
      {loaded.loading && !item && <Skeleton active />}
      {item && (
        <>
          <Typography.Title level={3} style={{ marginTop: 12, overflowWrap: 'anywhere' }}>
            {item.title}
          </Typography.Title>
          <div style={{ marginBottom: 12, display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            <Typography.Text strong>{item.code}</Typography.Text>
            <Tag color={STATUS_COLOR[item.status]} data-testid="feedback-status">
              {t(statusKey(item.status))}
            </Tag>
          </div>
          {request?.note && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('fb.mine.request', { note: request.note })}
            />
          )}
          {item.allowedActions.includes('supply') && (
            <Button type="primary" onClick={() => setSupplying(true)} style={{ marginBottom: 12 }}>
              {t('fb.mine.supply')}
            </Button>
          )}
          <InfoRow label={t('fb.col.channel')}>{t(channelKey(item.channel))}</InfoRow>
          <InfoRow label={t('fb.col.receivedAt')}>{formatDateTime(item.receivedAt)}</InfoRow>
          <InfoRow label={t('fb.col.answerDueAt')}>{formatDateTime(item.answerDueAt)}</InfoRow>
          <Part title={t('fb.public.content')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.content}</Typography.Paragraph>
          </Part>
          {item.answer && (
            <Part title={t('fb.mine.answer')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.answer}</Typography.Paragraph>
            </Part>
          )}
          <Part title={t('fb.mine.history')}>
            <FeedbackHistory history={item.history} />
          </Part>
        </>
      )}
      {supplying && item && (
        <FormModal<{ note: string }, FeedbackDetail>
          title={`${t('fb.mine.supply')} — ${item.code}`}
          okText={t('fb.mine.supply')}
          onSubmit={({ note }) => actOnFeedback(item, 'supply', { note: note.trim() })}
          success={() => t('fb.mine.supplied')}
          onSaved={(next) => {
            setSupplying(false);
            setItem(next);
          }}
          onClose={() => setSupplying(false)}
        >
          <Form.Item
            name="note"
            label={t('fb.mine.supplyText')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={5} maxLength={10_000} />
          </Form.Item>
        </FormModal>
      )}
    </article>
  );
}
