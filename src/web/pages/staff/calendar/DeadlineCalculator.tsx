import { Button, Card, DatePicker, Form, InputNumber, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { Schema } from '../../../api/types.js';

interface Values {
  from: { format(pattern: string): string };
  amount: number;
  unit: 'workingDays' | 'workingHours';
}

/**
 * Tính hạn xử lý: GET /api/calendar/due with the calendar as saved. The moment typed is Vietnam
 * time (+07:00) whatever the browser's zone. Recomputes after the year is saved (refreshKey).
 */
export function DeadlineCalculator({ year, refreshKey }: { year: number; refreshKey: number }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [due, setDue] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const compute = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const from = `${v.from.format('YYYY-MM-DDTHH:mm')}:00+07:00`;
      const reply = await api<Schema<'CalendarDue'>>('/api/calendar/due', { query: { from, [v.unit]: v.amount } });
      setDue(reply.due);
    } catch (e) {
      setDue(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (refreshKey > 0 && form.getFieldValue('from')) form.submit();
  }, [refreshKey, form]);

  return (
    <Card title={t('admin.cal.calculator')} size="small">
      <Typography.Paragraph type="secondary">{t('admin.cal.calculatorHelp', { year })}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        name="deadline"
        layout="inline"
        initialValues={{ amount: 5, unit: 'workingDays' }}
        onFinish={(v) => void compute(v)}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="from" label={t('admin.cal.from')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('admin.cal.amount')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={0} step={0.5} />
        </Form.Item>
        <Form.Item name="unit" label={t('admin.cal.unit')}>
          <Select
            style={{ width: 170 }}
            options={[
              { value: 'workingDays', label: t('admin.unit.workingDays') },
              { value: 'workingHours', label: t('admin.unit.workingHours') },
            ]}
          />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={busy}>
          {t('admin.cal.compute')}
        </Button>
      </Form>
      {due && (
        <Typography.Paragraph strong style={{ marginTop: 16 }} data-testid="calendar-due">
          {t('admin.cal.due', { due: formatDateTime(due) })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
