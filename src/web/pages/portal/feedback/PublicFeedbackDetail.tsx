import { Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import type { PublicFeedback } from '../../../types.js';
import { InfoRow } from '../InfoRow.js';
import { Part } from '../procedure/Part.js';
import { publishedItem } from './feedbackApi.js';
import { categoryKey } from './labels.js';
import { Reactions } from './Reactions.js';

/** One published answer: the feedback and the answer (personal data already removed), reactions. */
export function PublicFeedbackDetail({ code }: { code: string }) {
  const t = useT();
  const loaded = useApiData(() => publishedItem(code), [code]);
  // A vote answers the item with its new counts.
  const [item, setItem] = useState<PublicFeedback | null>(null);
  useEffect(() => setItem(loaded.data), [loaded.data]);
  return (
    <article style={{ background: '#fff', borderRadius: 8, padding: '20px 16px' }}>
      <Link to="/phan-anh/cong-khai">{t('fb.public.back')}</Link>
      <ErrorAlert error={loaded.error} />
      {loaded.loading && !item && <Skeleton active paragraph={{ rows: 6 }} />}
      {item && (
        <>
          <Typography.Title level={3} style={{ marginTop: 12, overflowWrap: 'anywhere' }}>
            {item.title}
          </Typography.Title>
          <div style={{ marginBottom: 12, display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            <Typography.Text type="secondary">{item.code}</Typography.Text>
            {item.category && <Tag>{t(categoryKey(item.category))}</Tag>}
            <Typography.Text data-testid="public-submitter">
              {t('fb.public.by', { name: item.submitterName })}
            </Typography.Text>
          </div>
          {item.procedure && (
            <InfoRow
              label={t('fb.public.procedure')}
            >{`${item.procedure.nationalCode} — ${item.procedure.name}`}</InfoRow>
          )}
          {item.unitName && <InfoRow label={t('fb.public.unit')}>{item.unitName}</InfoRow>}
          <InfoRow label={t('fb.public.receivedAt')}>{formatDateTime(item.receivedAt)}</InfoRow>
          <InfoRow label={t('fb.public.answeredAt')}>{formatDateTime(item.answeredAt)}</InfoRow>
          <Part title={t('fb.public.content')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="public-content">
              {item.content}
            </Typography.Paragraph>
          </Part>
          <Part title={t('fb.public.answer')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="public-answer">
              {item.answer}
            </Typography.Paragraph>
          </Part>
          <Reactions item={item} onChanged={setItem} />
        </>
      )}
    </article>
  );
}
