import { Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { Translate } from '../../../i18n/i18n.js';
import type { DossierDetail, Role } from '../../../types.js';
import { actionLabel, STATUS_KEY } from '../labels.js';
import { ON_TIME } from './timeState.js';

type TimelineEvent = DossierDetail['events'][number];

/**
 * Who handed the step to whom (forward, or an approval that moved the dossier on), as the event
 * recorded them at the time: "Trần Thị Bích chuyển cho Lê Văn Cường (Chuyên viên xử lý)".
 */
function handedToLine(t: Translate, e: TimelineEvent): string | null {
  const to = e.details?.handedTo as { fullName: string; role: Role | null } | undefined;
  if (!to) return null;
  const key =
    e.action === 'forward' || e.action === 'signResult'
      ? (`event.handedTo.${e.action}` as const)
      : 'event.handedTo.other';
  return t(key, {
    actor: e.actorName ?? t('common.none'),
    to: to.fullName,
    role: to.role ? t(`role.${to.role}`) : t('common.none'),
  });
}

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
            <EventNote t={t} event={e} />
          </div>
        ),
      }))}
    />
  );
}

/** Who handed the step to whom, with the comment; else the note alone (a reason, a request, an answer). */
function EventNote({ t, event }: { t: Translate; event: TimelineEvent }) {
  const handed = handedToLine(t, event);
  const text = handed && event.note ? `${handed}: ${event.note}` : (handed ?? event.note);
  if (!text) return null;
  return (
    <Typography.Paragraph
      style={{ margin: '4px 0 0', whiteSpace: 'pre-line' }}
      data-testid={handed ? 'timeline-handed' : undefined}
    >
      {text}
    </Typography.Paragraph>
  );
}
