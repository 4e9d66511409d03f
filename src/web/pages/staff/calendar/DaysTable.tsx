import { Button, Input, Select, Table, Tag } from 'antd';
import { formatDate } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { CalendarDay } from '../../../types.js';
import { lunarLabel, weekdayLabel } from './lunar.js';

interface Props {
  days: CalendarDay[];
  loading: boolean;
  onChange(days: CalendarDay[]): void;
}

/** The year's exceptions, each editable in place (kind, name) or removable. */
export function DaysTable({ days, loading, onChange }: Props) {
  const t = useT();
  const update = (date: string, patch: Partial<CalendarDay>) =>
    onChange(days.map((d) => (d.date === date ? { ...d, ...patch } : d)));
  return (
    <Table<CalendarDay>
      rowKey="date"
      size="small"
      loading={loading}
      dataSource={days}
      pagination={false}
      scroll={{ x: 720 }}
      locale={{ emptyText: t('admin.cal.empty') }}
      data-testid="calendar-days"
      columns={[
        {
          title: t('admin.cal.date'),
          dataIndex: 'date',
          render: (date: string) => `${weekdayLabel(date, t)}, ${formatDate(date)}`,
        },
        {
          title: t('admin.cal.lunarDate'),
          dataIndex: 'date',
          key: 'lunar',
          render: (date: string) => lunarLabel(date, t),
        },
        {
          title: t('admin.cal.kind'),
          dataIndex: 'kind',
          render: (kind: CalendarDay['kind'], day) => (
            <Select
              aria-label={t('admin.cal.kindOf', { date: formatDate(day.date) })}
              value={kind}
              style={{ width: 150 }}
              onChange={(v) => update(day.date, { kind: v })}
              options={[
                { value: 'holiday', label: t('admin.cal.holiday') },
                { value: 'makeUpWorkday', label: t('admin.cal.makeUp') },
              ]}
            />
          ),
        },
        {
          title: t('admin.cal.name'),
          dataIndex: 'name',
          render: (name: string, day) => (
            <Input
              aria-label={t('admin.cal.nameOf', { date: formatDate(day.date) })}
              value={name}
              onChange={(e) => update(day.date, { name: e.target.value })}
            />
          ),
        },
        {
          title: t('admin.cal.source'),
          dataIndex: 'source',
          render: (source: CalendarDay['source']) =>
            source === 'official' ? (
              <Tag color="green">{t('admin.cal.official')}</Tag>
            ) : (
              <Tag color="orange">{t('admin.cal.proposed')}</Tag>
            ),
        },
        {
          title: t('desk.actions'),
          key: 'remove',
          render: (_, day) => (
            <Button
              danger
              size="small"
              aria-label={t('admin.cal.removeDay', { date: formatDate(day.date) })}
              onClick={() => onChange(days.filter((d) => d.date !== day.date))}
            >
              {t('desk.remove')}
            </Button>
          ),
        },
      ]}
    />
  );
}
