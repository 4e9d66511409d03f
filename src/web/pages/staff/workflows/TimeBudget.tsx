import { Card, Progress, Table, Tag, Typography } from 'antd';
import { stepMinutes } from '../../../../modules/workflows/workflow.rules.js';
import { useI18n } from '../../../i18n/i18n.js';
import type { WorkflowStep, WorkflowValidation } from '../../../types.js';
import { CHANNEL_KEY, timeLimitText } from '../../portal/labels.js';
import { durationText } from './duration.js';

interface Row {
  key: string;
  name: string;
  minutes: number;
  total: number;
}

/**
 * The allotments along the longest start→end path, added up step by step, against the legal
 * limit of every channel (the server's verdict: a calendar-day limit is checked as its upper
 * bound, as the validation explains in its warning).
 */
export function TimeBudget({ steps, validation }: { steps: WorkflowStep[]; validation: WorkflowValidation }) {
  const { t, lang } = useI18n();
  const mpd = validation.minutesPerWorkingDay;
  let total = 0;
  const rows: Row[] = validation.longestPath.flatMap((key) => {
    const step = steps.find((s) => s.key === key);
    if (!step) return [];
    const minutes = stepMinutes(step, mpd);
    total += minutes;
    return [{ key, name: step.name, minutes, total }];
  });
  const pathMinutes = validation.pathMinutes ?? total;

  return (
    <Card size="small" title={t('admin.wf.budget')} data-testid="time-budget">
      {validation.pathMinutes === null ? (
        <Typography.Text type="secondary">{t('admin.wf.noPath')}</Typography.Text>
      ) : (
        <Table<Row>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('admin.wf.step'), dataIndex: 'name' },
            { title: t('admin.wf.stepTime'), dataIndex: 'minutes', render: (m: number) => durationText(m, mpd, t) },
            { title: t('admin.wf.runningTotal'), dataIndex: 'total', render: (m: number) => durationText(m, mpd, t) },
          ]}
        />
      )}
      {validation.channels.map((c) => {
        const over = c.withinLimit === false;
        return (
          <div key={c.channel} style={{ marginTop: 12 }} data-testid={`budget-${c.channel}`}>
            <Typography.Text>
              {`${t(CHANNEL_KEY[c.channel])}: ${durationText(pathMinutes, mpd, t)} / ${timeLimitText(t, lang, c)} `}
            </Typography.Text>
            {c.withinLimit !== null && (
              <Tag color={over ? 'red' : 'green'}>{t(over ? 'admin.wf.over' : 'admin.wf.within')}</Tag>
            )}
            <Progress
              percent={Math.min(100, Math.round((pathMinutes / c.limitMinutes) * 100))}
              status={over ? 'exception' : 'normal'}
              format={() => `${Math.round((pathMinutes / c.limitMinutes) * 100)}%`}
              aria-label={t(CHANNEL_KEY[c.channel])}
            />
          </div>
        );
      })}
    </Card>
  );
}
