import { Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { DossierDetail } from '../../../types.js';
import { actionLabel, STATUS_KEY } from '../labels.js';
import { ON_TIME } from './timeState.js';

/** The dossier's history, newest first: what happened, when (Vietnam time), the status it led to. */
export function DossierTimeline({ events }: { events: DossierDetail['events'] }) {
  const t = useT();
  const newestFirst = [...events].reverse();
  return (
    <Timeline
      data-testid="dossier-timeline"
      items={newestFirst.map((e, i) => ({
        key: i,
        color: e.stepOutcome === 'late' ? 'red' : i === 0 ? 'blue' : 'gray',
        children: (
          <div>
            <Typography.Text strong>{actionLabel(t, e.action)}</Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
              {formatDateTime(e.occurredAt)}
              {e.actorName && ` · ${e.actorName}`}
            </Typography.Text>
            <div>
              {t('mine.toStatus')}: {t(STATUS_KEY[e.toStatus as keyof typeof STATUS_KEY] ?? 'common.none')}
              {e.stepOutcome && (
                <Tag color={ON_TIME[e.stepOutcome].color} style={{ marginLeft: 8 }}>
                  {t(ON_TIME[e.stepOutcome].key)}
                </Tag>
              )}
            </div>
            {e.note && (
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-line' }}>
                {e.note}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
