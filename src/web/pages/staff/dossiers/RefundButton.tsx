import { App, Button, type ButtonProps, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatVnd } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { type Payment, type Refund, refundPayment } from '../../payments/paymentsApi.js';

const GROUNDS: Refund['ground'][] = ['refused', 'withdrawn', 'overpaid', 'other'];

type Values = { amountVnd: number; ground: Refund['ground']; reason: string };

/**
 * Hoàn tiền of one paid payment (the unit's leader; the server refuses others). The idempotency key
 * is drawn when the dialog opens and kept until it closes: a double click or a retried request
 * after a lost answer refunds once.
 */
export function RefundButton({
  code,
  payment,
  onDone,
}: {
  code: string;
  payment: Payment & { refundableVnd: number };
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [key, setKey] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<Values>();
  if (payment.refundableVnd <= 0) return null;

  const close = () => {
    setKey(null);
    setError(null);
    form.resetFields();
  };
  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const refund = await refundPayment(code, payment.id, { ...values, idempotencyKey: key! });
      if (refund.status === 'failed')
        void message.error(t('pay.refund.failed', { reason: refund.failureReason ?? '' }));
      else void message.success(t('pay.refund.done', { amount: formatVnd(refund.amountVnd) }));
      close();
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button size="small" onClick={() => setKey(crypto.randomUUID())} data-testid="refund-open">
        {t('pay.refund')}
      </Button>
      <Modal
        open={key !== null}
        title={t('pay.refund.title')}
        onCancel={close}
        okText={t('pay.refund.save')}
        okButtonProps={{ loading: saving, 'data-testid': 'refund-save' } as ButtonProps}
        onOk={() => form.submit()}
      >
        <ErrorAlert error={error} />
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{ amountVnd: payment.refundableVnd, ground: 'refused' }}
        >
          <Form.Item
            name="amountVnd"
            label={t('pay.refund.amount', { max: formatVnd(payment.refundableVnd) })}
            rules={[{ required: true, type: 'integer', min: 1, max: payment.refundableVnd }]}
          >
            <InputNumber min={1} max={payment.refundableVnd} step={1000} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="ground" label={t('pay.refund.ground')} rules={[{ required: true }]}>
            <Select options={GROUNDS.map((g) => ({ value: g, label: t(`pay.refund.ground.${g}`) }))} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('pay.refund.reason')}
            rules={[{ required: true, whitespace: true, min: 5, max: 1000 }]}
          >
            <Input.TextArea rows={2} data-testid="refund-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
