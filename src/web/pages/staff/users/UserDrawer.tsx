import { App, Button, Descriptions, Drawer, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { errorText } from '../../../components/errors.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { User } from '../../../types.js';
import { ResetPasswordModal } from './ResetPasswordModal.js';
import { RolesModal } from './RolesModal.js';
import { RoleTags } from './RoleTags.js';

interface Props {
  userId: string;
  canManage: boolean;
  onClose(): void;
  onChanged(): void;
}

/** One account: details, and for administrators roles, password reset, disable/enable. */
export function UserDrawer({ userId, canManage, onClose, onChanged }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [modal, setModal] = useState<'roles' | 'password' | null>(null);
  const user = useApiData(() => api<User>(`/api/users/${userId}`), [userId]);
  const u = user.data;
  const changed = () => {
    user.reload();
    onChanged();
  };

  const setDisabled = async (disabled: boolean) => {
    if (!u) return;
    try {
      await api<User>(`/api/users/${u.id}`, { method: 'PATCH', body: { version: u.version, disabled } });
      void message.success(t('users.statusSaved'));
      changed();
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };

  return (
    <Drawer
      open
      width={600}
      title={u ? `${u.fullName} (${u.username})` : t('users.detail')}
      onClose={onClose}
      loading={user.loading && !u}
      extra={
        canManage &&
        u && (
          <Space wrap>
            <Button onClick={() => setModal('roles')}>{t('users.editRoles')}</Button>
            <Button onClick={() => setModal('password')}>{t('users.resetPassword')}</Button>
            {u.disabled ? (
              <Button onClick={() => void setDisabled(false)}>{t('users.enable')}</Button>
            ) : (
              <Popconfirm
                title={t('users.disableConfirm', { username: u.username })}
                okText={t('common.yes')}
                cancelText={t('common.no')}
                onConfirm={() => setDisabled(true)}
              >
                <Button danger>{t('users.disable')}</Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      <ErrorAlert error={user.error} />
      {u && (
        <Descriptions column={1} bordered size="small" data-testid="user-detail">
          <Descriptions.Item label={t('users.username')}>{u.username}</Descriptions.Item>
          <Descriptions.Item label={t('users.fullName')}>{u.fullName}</Descriptions.Item>
          <Descriptions.Item label={t('users.kind')}>{t(`userKind.${u.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('users.homeUnit')}>{u.homeUnitName ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('users.email')}>{u.email ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('users.phone')}>{u.phone ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('users.personalId')}>{u.personalIdMasked ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('users.roles')}>
            <RoleTags roles={u.roles} />
          </Descriptions.Item>
          <Descriptions.Item label={t('users.status')}>
            {u.disabled ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>}
            {u.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('users.createdAt')}>{formatDateTime(u.createdAt)}</Descriptions.Item>
        </Descriptions>
      )}
      {modal === 'roles' && u && (
        <RolesModal
          user={u}
          onClose={() => setModal(null)}
          onSaved={() => {
            setModal(null);
            changed();
          }}
        />
      )}
      {modal === 'password' && u && (
        <ResetPasswordModal
          user={u}
          onClose={() => setModal(null)}
          onSaved={() => {
            setModal(null);
            changed();
          }}
        />
      )}
    </Drawer>
  );
}
