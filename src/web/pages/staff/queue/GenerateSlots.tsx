import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDate, todayInVietnam } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { QueueGenerateResult } from '../../../types.js';

/** YYYY-MM-DD plus n days (calendar dates, no time zone). */
export const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Generates the template's slots for a date range. The server creates them on the calendar's
 * working days only and says which days it skipped (holidays by name, weekends).
 */
export function GenerateSlots({ unitId, onGenerated }: { unitId: string; onGenerated(): void }) {
  const t = useT();
  const [from, setFrom] = useState(() => todayInVietnam());
  const [to, setTo] = useState(() => plusDays(todayInVietnam(), 13));
  const [result, setResult] = useState<QueueGenerateResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const generate = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(
        await api<QueueGenerateResult>(`/api/queue/units/${unitId}/slots`, { method: 'POST', body: { from, to } }),
      );
      onGenerated();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('qs.generate')}>
      <Typography.Paragraph type="secondary">{t('qs.generate.hint')}</Typography.Paragraph>
      <Space wrap align="end">
        <label>
          {t('qs.from')}
          <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="generate-from" />
        </label>
        <label>
          {t('qs.to')}
          <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="generate-to" />
        </label>
        <Button type="primary" loading={busy} disabled={!from || !to} onClick={() => void generate()}>
          {t('qs.generate.submit')}
        </Button>
      </Space>
      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={error} />
        {result && (
          <Alert
            type="success"
            showIcon
            data-testid="generate-result"
            message={t('qs.generated', { created: result.created, days: result.days })}
            description={
              result.skipped.length > 0 && (
                <div data-testid="generate-skipped">
                  {t('qs.skipped')}
                  <ul style={{ margin: 0 }}>
                    {result.skipped.map((d) => (
                      <li
                        key={d.date}
                      >{`${formatDate(d.date)} — ${d.name ?? t(d.reason === 'holiday' ? 'qs.skipped.holiday' : 'qs.skipped.weekend')}`}</li>
                    ))}
                  </ul>
                </div>
              )
            }
          />
        )}
      </div>
    </Card>
  );
}
