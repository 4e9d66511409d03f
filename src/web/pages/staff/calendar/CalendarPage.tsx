import { Alert, App, Button, Card, InputNumber, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDate, todayInVietnam } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { CalendarDay, CalendarYear } from '../../../types.js';
import { AddDayForm } from './AddDayForm.js';
import { DaysTable } from './DaysTable.js';
import { DeadlineCalculator } from './DeadlineCalculator.js';

/** The server's per-day problems of a refused list (CALENDAR_DAYS_INVALID details). */
function dayProblems(error: unknown): { date: string; message: string }[] {
  if (!(error instanceof ApiError)) return [];
  const problems = (error.details as { problems?: { date: string; message: string }[] } | undefined)?.problems;
  return Array.isArray(problems) ? problems : [];
}

/** Lịch làm việc: one year's days off and make-up working days, edited as a whole list, then saved. */
export function CalendarPage() {
  const t = useT();
  const { message } = App.useApp();
  const [year, setYear] = useState(() => Number(todayInVietnam().slice(0, 4)));
  const loaded = useApiData(() => api<CalendarYear>(`/api/calendar/${year}`), [year]);
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  // Bumped after a save: the calculator recomputes with the saved year.
  const [savedTick, setSavedTick] = useState(0);

  useEffect(() => {
    if (loaded.data) {
      setDays(loaded.data.days);
      setDirty(false);
      setSaveError(null);
    }
  }, [loaded.data]);

  const change = (next: CalendarDay[]) => {
    setDays([...next].sort((a, b) => a.date.localeCompare(b.date)));
    setDirty(true);
  };

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await api<CalendarYear>(`/api/calendar/${year}`, { method: 'PUT', body: { days } });
      setDays(saved.days);
      setDirty(false);
      setSavedTick((n) => n + 1);
      void message.success(t('admin.cal.saved', { year }));
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  // Days from the rules' proposal are not yet announced; the official list has none of them.
  const proposed = days.some((d) => d.source === 'proposed');

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t('admin.cal.title')}
        extra={
          <Space wrap>
            <label htmlFor="calendar-year">{t('admin.cal.year')}</label>
            <InputNumber
              id="calendar-year"
              min={1900}
              max={2100}
              value={year}
              onChange={(v) => v && setYear(v)}
              disabled={dirty}
            />
            <Button type="primary" onClick={() => void save()} loading={saving} disabled={!dirty}>
              {t('admin.cal.save')}
            </Button>
          </Space>
        }
      >
        <ErrorAlert error={loaded.error} />
        {loaded.data && (
          <Space wrap style={{ marginBottom: 16 }}>
            <Tag color={proposed ? 'orange' : 'green'} data-testid="calendar-origin">
              {t(proposed ? 'admin.cal.originProposed' : 'admin.cal.originOfficial')}
            </Tag>
            {dirty && <Tag color="blue">{t('admin.cal.unsaved')}</Tag>}
          </Space>
        )}
        <ErrorAlert error={saveError} />
        {dayProblems(saveError).length > 0 && (
          <Alert
            type="error"
            style={{ marginBottom: 16 }}
            message={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {dayProblems(saveError).map((p) => (
                  <li key={`${p.date}-${p.message}`}>{`${formatDate(p.date)}: ${p.message}`}</li>
                ))}
              </ul>
            }
          />
        )}
        <AddDayForm year={year} onAdd={(day) => change([...days, day])} />
        <DaysTable days={days} loading={loaded.loading} onChange={change} />
      </Card>
      <DeadlineCalculator year={year} refreshKey={savedTick} />
    </Space>
  );
}
