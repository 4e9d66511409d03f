import { Form, Input } from 'antd';
import { api } from '../../../api.js';
import { FormModal } from '../../../components/FormModal.js';
import { useT } from '../../../i18n/i18n.js';
import type { User } from '../../../types.js';

/** Set a temporary password; the user must change it at the next sign-in. */
export function ResetPasswordModal({ user, onClose, onSaved }: { user: User; onClose(): void; onSaved(): void }) {
  const t = useT();
  return (
    <FormModal<{ newPassword: string }>
      title={`${t('users.resetPassword')}: ${user.username}`}
      onSubmit={({ newPassword }) =>
        api(`/api/users/${user.id}/password-reset`, { method: 'POST', body: { newPassword } })
      }
      success={() => t('users.passwordReset')}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item
        label={t('users.newPassword')}
        name="newPassword"
        extra={t('users.password.help')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
