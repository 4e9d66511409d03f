import { Button, DatePicker, Form, Input, Select } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import type { CalendarDay } from '../../../types.js';

interface Values {
  date: { format(pattern: string): string };
  kind: CalendarDay['kind'];
  name: string;
}

/** One line to add a day; the server checks the whole list (year, duplicates, make-up on weekends) on save. */
export function AddDayForm({ year, onAdd }: { year: number; onAdd(day: CalendarDay): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values>
      form={form}
      name="add-day"
      layout="inline"
      initialValues={{ kind: 'holiday' }}
      style={{ marginBottom: 16, rowGap: 8 }}
      aria-label={t('admin.cal.add', { year })}
      onFinish={(v) => {
        onAdd({ date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: v.name.trim(), source: 'official' });
        form.resetFields();
      }}
    >
      <Form.Item name="date" label={t('admin.cal.date')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item name="kind" label={t('admin.cal.kind')}>
        <Select
          style={{ width: 160 }}
          options={[
            { value: 'holiday', label: t('admin.cal.holiday') },
            { value: 'makeUpWorkday', label: t('admin.cal.makeUp') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('admin.cal.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input style={{ width: 240 }} />
      </Form.Item>
      <Button htmlType="submit">{t('admin.cal.addDay')}</Button>
    </Form>
  );
}
