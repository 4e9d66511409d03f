/** Shared bits of the plan pages: a task's units, its timeframe, its status tag. */
import { Space, Tag, Typography } from 'antd';
import type { Schema } from '../../../api/types.js';
import { formatDate } from '../../../format.js';
import type { Translate } from '../../../i18n/i18n.js';

type Assignment = Schema<'PlanTask'>['lead'][number];
type PlanSchedule = Schema<'PlanTask'>['schedule'];

export function Units({ units, t }: { units: readonly Assignment[]; t: Translate }) {
  return (
    <Space direction="vertical" size={0}>
      {units.map((a) => (
        <span key={a.label}>
          {a.unitName ?? a.label}
          {a.collective && <Typography.Text type="secondary"> ({t('plans.collective')})</Typography.Text>}
          {!a.collective && !a.unitId && <Tag color="orange">{t('plans.unmatchedTag')}</Tag>}
        </span>
      ))}
    </Space>
  );
}

export function Timeframe({ text, schedule, t }: { text: string; schedule: PlanSchedule; t: Translate }) {
  const detail =
    schedule.kind === 'due' && schedule.dueOn
      ? t('plans.dueOn', { date: formatDate(schedule.dueOn) })
      : schedule.kind === 'recurring' && schedule.reporting && schedule.dueOn
        ? t('plans.schedule.recurring', {
            cadence: t(`plans.recurrence.${schedule.reporting}`),
            date: formatDate(schedule.dueOn),
          })
        : schedule.kind === 'ongoing' ||
            schedule.kind === 'event' ||
            schedule.kind === 'per_instruction' ||
            schedule.kind === 'unparsed'
          ? t(`plans.schedule.${schedule.kind}`)
          : '';
  return (
    <span>
      {text}
      {detail && (
        <Typography.Text type={schedule.kind === 'unparsed' ? 'danger' : 'secondary'} style={{ display: 'block' }}>
          {detail}
        </Typography.Text>
      )}
    </span>
  );
}

const COLORS = { not_started: 'default', in_progress: 'blue', done: 'green', cancelled: 'default' } as const;

export function StatusTag({ task, t }: { task: Schema<'PlanTask'>; t: Translate }) {
  if (task.kind === 'group') return null;
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[task.status]}>{t(`plans.status.${task.status}`)}</Tag>
      {(task.deadline === 'overdue' || task.deadline === 'due_soon') && (
        <Tag color={task.deadline === 'overdue' ? 'red' : 'gold'}>{t(`plans.deadline.${task.deadline}`)}</Tag>
      )}
    </Space>
  );
}
