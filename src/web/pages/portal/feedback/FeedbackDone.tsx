import { Button, Result, Space } from 'antd';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { FeedbackDetail } from '../../../types.js';
import { LinkButton } from '../LinkButton.js';

/** The confirmation: the item's reference, its answer deadline, and where to follow it. */
export function FeedbackDone({
  item,
  signedIn,
  onAgain,
}: {
  item: FeedbackDetail;
  signedIn: boolean;
  onAgain(): void;
}) {
  const t = useT();
  return (
    <Result
      status="success"
      title={t('fb.done.title')}
      subTitle={
        <>
          <strong data-testid="feedback-code" style={{ fontSize: 18, display: 'block', color: 'rgba(0,0,0,0.88)' }}>
            {t('fb.done.code', { code: item.code })}
          </strong>
          <span style={{ display: 'block' }}>{t('fb.done.text', { due: formatDateTime(item.answerDueAt) })}</span>
          {!signedIn && <span style={{ display: 'block' }}>{t('fb.done.keep')}</span>}
        </>
      }
      extra={
        <Space wrap style={{ justifyContent: 'center' }}>
          {signedIn && (
            <LinkButton type="primary" to={`/phan-anh/cua-toi/${encodeURIComponent(item.code)}`}>
              {t('fb.links.mine')}
            </LinkButton>
          )}
          <Button onClick={onAgain}>{t('fb.done.another')}</Button>
        </Space>
      }
    />
  );
}
