import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { todayInVietnam } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { UnitDetail } from '../../../types.js';

interface Values {
  validTo: string;
  successorId?: string | null;
}

/** Close (or merge) a unit: it stays for old records, with its successor. */
export function CloseUnitModal({ unit, onClose, onSaved }: { unit: UnitDetail; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/units/${unit.id}/close`, {
        method: 'POST',
        body: { version: unit.version, validTo: values.validTo, successorId: values.successorId ?? null },
      });
      void message.success(t('units.closed'));
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${t('units.close')}: ${unit.name}`}
      okText={t('units.close')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('units.close.help')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ validTo: todayInVietnam() }}>
        <Form.Item label={t('units.validTo')} name="validTo" rules={[{ required: true, message: t('common.required') }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item label={t('units.successor')} name="successorId">
          <UnitPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
