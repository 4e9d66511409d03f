import { App, Button, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatVnd } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { type DueItem, exemptPayment } from '../../payments/paymentsApi.js';

type Values = { target: string; reason: string };

/** Miễn nộp of what is still due, with its legal ground (the unit's leader; the server refuses others). */
export function ExemptForm({ code, due, onDone }: { code: string; due: DueItem[]; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<Values>();
  const keyOf = (obligationId: string | null) => obligationId ?? 'fees';

  const submit = async (values: Values) => {
    const item = due.find((d) => keyOf(d.obligationId) === values.target)!;
    setSaving(true);
    setError(null);
    try {
      await exemptPayment(code, { obligationId: item.obligationId, reason: values.reason });
      void message.success(t('pay.exempt.done'));
      form.resetFields();
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Typography.Text type="secondary">{t('pay.exempt.hint')}</Typography.Text>
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="inline"
        onFinish={(v) => void submit(v)}
        initialValues={{ target: keyOf(due[0]!.obligationId) }}
      >
        <Form.Item name="target" label={t('pay.exempt.target')}>
          <Select
            style={{ minWidth: 180 }}
            options={due.map((d) => ({
              value: keyOf(d.obligationId),
              label: `${d.obligationId ? d.description : t('pay.fees')} (${formatVnd(d.amountVnd)})`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('pay.exempt.reason')}
          rules={[{ required: true, whitespace: true, min: 5, max: 1000 }]}
        >
          <Input data-testid="exempt-reason" style={{ width: 260 }} />
        </Form.Item>
        <Button htmlType="submit" loading={saving} data-testid="exempt-save">
          {t('pay.exempt')}
        </Button>
      </Form>
    </>
  );
}
