import { Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { FeedbackDetail } from '../../../types.js';
import { actionKey } from './labels.js';

/** What happened to an item, oldest first, with each step's note (portal and console). */
export function FeedbackHistory({ history }: { history: FeedbackDetail['history'] }) {
  const t = useT();
  return (
    <Timeline
      items={history.map((h, i) => ({
        key: i,
        children: (
          <>
            <Typography.Text strong>{t(actionKey(h.action))}</Typography.Text>{' '}
            <Typography.Text type="secondary">{formatDateTime(h.occurredAt)}</Typography.Text>
            {h.note && <div style={{ whiteSpace: 'pre-wrap' }}>{h.note}</div>}
          </>
        ),
      }))}
    />
  );
}
