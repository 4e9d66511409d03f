import { Alert, Card, Col, Descriptions, Row, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import type { FeedbackActionName, FeedbackDetail } from '../../../types.js';
import { FeedbackHistory } from '../../portal/feedback/FeedbackHistory.js';
import { feedbackDetail } from '../../portal/feedback/feedbackApi.js';
import { categoryKey, channelKey, STATUS_COLOR, statusKey } from '../../portal/feedback/labels.js';
import { FileName } from '../../../components/FileName.js';
import { fileUrl } from '../dossiers/dossierApi.js';
import { OnTimeTag } from '../dossiers/tags.js';
import { FeedbackActionButton } from './FeedbackActionButton.js';
import { feedbackTime } from './FeedbackWorklist.js';
import { SimilarPanel } from './SimilarPanel.js';

const ORDER: FeedbackActionName[] = [
  'classify',
  'answer',
  'publish',
  'transfer',
  'requestSupplement',
  'supply',
  'refuse',
];
const OPEN = new Set(['received', 'routed', 'awaitingSupplement']);

/** One item: who sent what, its deadlines, what the caller may do now, its history and look-alikes. */
export function FeedbackDetailPage({ code }: { code: string }) {
  const t = useT();
  const loaded = useApiData(() => feedbackDetail(code), [code]);
  // An action answers the new state: shown at once; a conflict (null) reads it again.
  const [item, setItem] = useState<FeedbackDetail | null>(null);
  useEffect(() => setItem(loaded.data), [loaded.data]);
  const changed = (next: FeedbackDetail | null) => (next ? setItem(next) : loaded.reload());

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/staff/feedback">{t('fb.desk.back')}</Link>
      <ErrorAlert error={loaded.error} />
      {!item && loaded.loading && <Spin size="large" style={{ display: 'block', margin: 48 }} />}
      {item && (
        <>
          <Card
            title={
              <Space wrap>
                <Typography.Text strong data-testid="feedback-code">
                  {item.code}
                </Typography.Text>
                <Tag color={STATUS_COLOR[item.status]} data-testid="feedback-status">
                  {t(statusKey(item.status))}
                </Tag>
                <OnTimeTag state={feedbackTime(item)} />
              </Space>
            }
          >
            {item.unsatisfied && (
              <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('fb.desk.unsatisfied')} />
            )}
            <Space wrap style={{ marginBottom: 16 }} data-testid="feedback-actions">
              {ORDER.filter((a) => item.allowedActions.includes(a)).map((a) => (
                <FeedbackActionButton key={a} item={item} action={a} onChanged={changed} />
              ))}
            </Space>
            <Typography.Title level={4} style={{ marginTop: 0, overflowWrap: 'anywhere' }}>
              {item.title}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.content}</Typography.Paragraph>
            {item.answer && (
              <Alert
                type="success"
                message={t('fb.public.answer')}
                description={<span style={{ whiteSpace: 'pre-wrap' }}>{item.answer}</span>}
              />
            )}
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <FeedbackFacts item={item} />
                {OPEN.has(item.status) && <SimilarPanel id={item.id} />}
              </Space>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('fb.desk.history')} size="small">
                <FeedbackHistory history={item.history} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}

function FeedbackFacts({ item }: { item: FeedbackDetail }) {
  const t = useT();
  const s = item.submitter;
  return (
    <Card size="small" title={t('fb.col.submitter')}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('fb.form.name')}>{s.name}</Descriptions.Item>
        {s.phone && <Descriptions.Item label={t('fb.form.phone')}>{s.phone}</Descriptions.Item>}
        {s.email && <Descriptions.Item label={t('fb.form.email')}>{s.email}</Descriptions.Item>}
        {s.address && <Descriptions.Item label={t('fb.form.address')}>{s.address}</Descriptions.Item>}
        {item.anonymous && <Descriptions.Item label={t('fb.desk.anonymous')}>{t('common.yes')}</Descriptions.Item>}
        <Descriptions.Item label={t('fb.col.channel')}>{t(channelKey(item.channel))}</Descriptions.Item>
        {item.category && (
          <Descriptions.Item label={t('fb.col.category')}>{t(categoryKey(item.category))}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('fb.col.receivedAt')}>{formatDateTime(item.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('fb.desk.refuseDue')}>{formatDateTime(item.refuseDueAt)}</Descriptions.Item>
        <Descriptions.Item label={t('fb.desk.supplementDue')}>{formatDateTime(item.supplementDueAt)}</Descriptions.Item>
        <Descriptions.Item label={t('fb.col.answerDueAt')}>{formatDateTime(item.answerDueAt)}</Descriptions.Item>
        {item.publishDueAt && (
          <Descriptions.Item label={t('fb.desk.publishDue')}>{formatDateTime(item.publishDueAt)}</Descriptions.Item>
        )}
        {item.fileIds.length > 0 && (
          <Descriptions.Item label={t('fb.desk.files')}>
            <Space wrap>
              {item.fileIds.map((id, i) => (
                <a key={id} href={fileUrl(id)} target="_blank" rel="noreferrer">
                  <FileName href={fileUrl(id)} fallback={t('fb.desk.file', { n: i + 1 })} />
                </a>
              ))}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
