import { api } from '../../../api.js';
import { FormModal } from '../../../components/FormModal.js';
import { useT } from '../../../i18n/i18n.js';
import type { User } from '../../../types.js';
import { RoleFields, type RoleRow, rolesBody } from './RoleFields.js';

/** Replace an account's roles (PUT with the version read). */
export function RolesModal({ user, onClose, onSaved }: { user: User; onClose(): void; onSaved(): void }) {
  const t = useT();
  return (
    <FormModal<{ roles: RoleRow[] }>
      width={680}
      title={t('users.rolesFor', { username: user.username })}
      layout="horizontal"
      initialValues={{ roles: user.roles.map((r) => ({ role: r.role, unitId: r.unitId })) }}
      onSubmit={async (values) => {
        await api<User>(`/api/users/${user.id}/roles`, {
          method: 'PUT',
          body: { version: user.version, roles: rolesBody(values.roles) },
        });
      }}
      success={() => t('users.rolesSaved')}
      onSaved={onSaved}
      onClose={onClose}
    >
      <RoleFields name="roles" />
    </FormModal>
  );
}
