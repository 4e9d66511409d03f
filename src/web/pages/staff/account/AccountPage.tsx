import { Card, Descriptions, Space } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import { useSession } from '../../../session.js';
import { RoleTags } from '../users/RoleTags.js';
import { ChangePasswordCard } from './ChangePasswordCard.js';
import { TokensCard } from './TokensCard.js';

/** Tài khoản: my profile, password, and API tokens. */
export function AccountPage() {
  const t = useT();
  const { state } = useSession();
  if (state.status !== 'signedIn') return null;
  const me = state.me;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('account.title')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('users.username')}>{me.username}</Descriptions.Item>
          <Descriptions.Item label={t('users.fullName')}>{me.fullName}</Descriptions.Item>
          <Descriptions.Item label={t('users.kind')}>{t(`userKind.${me.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('users.roles')}>
            <RoleTags roles={me.roles} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <ChangePasswordCard />
      <TokensCard />
    </Space>
  );
}
