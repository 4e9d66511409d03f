import { App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatVnd } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { getPayments, recordCounterPayment } from '../../payments/paymentsApi.js';
import { PaymentsTable } from '../../payments/PaymentsTable.js';
import { RefundsList } from '../../payments/RefundsList.js';
import { ExemptForm } from './ExemptForm.js';
import { RefundButton } from './RefundButton.js';

/**
 * Fees and payments of a dossier in the staff console, with the one-stop officer's form for a
 * payment taken at the counter (the server checks the officer's unit and the exact amount due),
 * and the leader's exemption of what is due and refund of what was paid (the server checks the role).
 */
export function PaymentsCard({ code, onPaid }: { code: string; onPaid: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const data = useApiData(() => getPayments(code), [code]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ target: string; receiptNumber: string }>();
  const p = data.data;
  if (!p) return data.error ? <ErrorAlert error={data.error} /> : null;
  if (p.feesVnd === 0 && p.payments.length === 0 && p.due.length === 0) return null;
  const changed = () => {
    data.reload();
    onPaid();
  };
  const keyOf = (obligationId: string | null) => obligationId ?? 'fees';

  const submit = async (values: { target: string; receiptNumber: string }) => {
    const due = p.due.find((d) => keyOf(d.obligationId) === values.target)!;
    setSaving(true);
    setError(null);
    try {
      await recordCounterPayment(code, {
        obligationId: due.obligationId,
        amountVnd: due.amountVnd,
        receiptNumber: values.receiptNumber,
      });
      void message.success(t('pay.counter.done'));
      form.resetFields();
      data.reload();
      onPaid();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('pay.title')} size="small" data-testid="dossier-payments">
      <Space direction="vertical" style={{ width: '100%' }}>
        {p.due.length === 0 ? (
          <Typography.Text>{t('pay.nothingDue')}</Typography.Text>
        ) : (
          <>
            {p.due.map((d) => (
              <Typography.Text key={keyOf(d.obligationId)}>
                {t('pay.due')}: {d.obligationId ? d.description : t('pay.fees')} —{' '}
                <strong>{formatVnd(d.amountVnd)}</strong>
              </Typography.Text>
            ))}
            <ErrorAlert error={error} />
            <Form
              form={form}
              layout="inline"
              onFinish={(v) => void submit(v)}
              initialValues={{ target: keyOf(p.due[0]!.obligationId) }}
            >
              <Form.Item name="target" label={t('pay.counter')}>
                <Select
                  style={{ minWidth: 180 }}
                  options={p.due.map((d) => ({
                    value: keyOf(d.obligationId),
                    label: `${d.obligationId ? d.description : t('pay.fees')} (${formatVnd(d.amountVnd)})`,
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="receiptNumber"
                label={t('pay.counter.receipt')}
                rules={[{ required: true, whitespace: true, max: 50 }]}
              >
                <Input data-testid="counter-receipt" style={{ width: 160 }} />
              </Form.Item>
              <Button htmlType="submit" type="primary" loading={saving} data-testid="counter-pay">
                {t('pay.counter.save')}
              </Button>
            </Form>
            <ExemptForm code={code} due={p.due} onDone={changed} />
          </>
        )}
        <PaymentsTable payments={p.payments} />
        <Space wrap>
          {p.payments.map((payment) => (
            <RefundButton key={payment.id} code={code} payment={payment} onDone={changed} />
          ))}
        </Space>
        <RefundsList payments={p} />
      </Space>
    </Card>
  );
}
