import { Form, Input, Select } from 'antd';
import { api } from '../../../api.js';
import { FormModal } from '../../../components/FormModal.js';
import { blankToNull } from '../../../components/forms.js';
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

export function CreateUserModal({ onClose, onSaved }: { onClose(): void; onSaved(user: User): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);

  const submit = (values: Values) =>
    api<User>('/api/users', {
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

  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormModal<Values, User>
      width={720}
      title={t('users.add')}
      okText={t('common.create')}
      form={form}
      initialValues={{ kind: 'staff', roles: [] }}
      onSubmit={submit}
      success={(user) => t('users.created', { username: user.username })}
      onSaved={onSaved}
      onClose={onClose}
    >
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
    </FormModal>
  );
}
