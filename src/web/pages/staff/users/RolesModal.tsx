import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useT } from '../../../i18n/i18n.js';
import type { User } from '../../../types.js';
import { RoleFields, type RoleRow, rolesBody } from './RoleFields.js';

/** Replace an account's roles (PUT with the version read). */
export function RolesModal({ user, onClose, onSaved }: { user: User; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ roles: RoleRow[] }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { roles: RoleRow[] }) => {
    setBusy(true);
    setError(null);
    try {
      await api<User>(`/api/users/${user.id}/roles`, { method: 'PUT', body: { version: user.version, roles: rolesBody(values.roles) } });
      void message.success(t('users.rolesSaved'));
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
      width={680}
      title={t('users.rolesFor', { username: user.username })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} onFinish={(v) => void submit(v)} initialValues={{ roles: user.roles.map((r) => ({ role: r.role, unitId: r.unitId })) }}>
        <RoleFields name="roles" />
      </Form>
    </Modal>
  );
}
