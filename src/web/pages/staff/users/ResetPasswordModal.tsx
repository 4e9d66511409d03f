import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useT } from '../../../i18n/i18n.js';
import type { User } from '../../../types.js';

/** Set a temporary password; the user must change it at the next sign-in. */
export function ResetPasswordModal({ user, onClose, onSaved }: { user: User; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ newPassword }: { newPassword: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/users/${user.id}/password-reset`, { method: 'POST', body: { newPassword } });
      void message.success(t('users.passwordReset'));
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
      title={`${t('users.resetPassword')}: ${user.username}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('users.newPassword')}
          name="newPassword"
          extra={t('users.password.help')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
