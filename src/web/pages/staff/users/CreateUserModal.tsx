import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { useT } from '../../../i18n/i18n.js';
import type { User, UserKind } from '../../../types.js';
import { RoleFields, type RoleRow, rolesBody } from './RoleFields.js';

interface Values {
  username: string;
  fullName: string;
  kind: UserKind;
  homeUnitId?: string | null;
  email?: string;
  phone?: string;
  personalId?: string;
  password?: string;
  roles?: RoleRow[];
}

const KINDS: UserKind[] = ['staff', 'citizen', 'service'];
const blankToNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

export function CreateUserModal({ onClose, onSaved }: { onClose(): void; onSaved(user: User): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const user = await api<User>('/api/users', {
        method: 'POST',
        body: {
          username: values.username.trim(),
          fullName: values.fullName,
          kind: values.kind,
          homeUnitId: values.homeUnitId ?? null,
          email: blankToNull(values.email),
          phone: blankToNull(values.phone),
          personalId: blankToNull(values.personalId),
          ...(values.password ? { password: values.password } : {}),
          roles: rolesBody(values.roles),
        },
      });
      void message.success(t('users.created', { username: user.username }));
      onSaved(user);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal
      open
      width={720}
      title={t('users.add')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ kind: 'staff', roles: [] }}>
        <Form.Item label={t('users.username')} name="username" rules={required}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('users.fullName')} name="fullName" rules={required}>
          <Input />
        </Form.Item>
        <Form.Item label={t('users.kind')} name="kind" rules={required}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`userKind.${k}`) }))} />
        </Form.Item>
        {kind !== 'citizen' && (
          <Form.Item label={t('users.homeUnit')} name="homeUnitId">
            <UnitPicker />
          </Form.Item>
        )}
        <Form.Item label={t('users.email')} name="email">
          <Input type="email" />
        </Form.Item>
        <Form.Item label={t('users.phone')} name="phone">
          <Input />
        </Form.Item>
        <Form.Item label={t('users.personalId')} name="personalId">
          <Input maxLength={12} />
        </Form.Item>
        {kind !== 'service' && (
          <Form.Item label={t('users.password')} name="password" rules={required} extra={t('users.password.help')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item label={t('users.roles')}>
          <RoleFields name="roles" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
