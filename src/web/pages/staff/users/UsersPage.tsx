import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { ListSearch } from '../../../components/ListSearch.js';
import { usePagedList } from '../../../components/usePagedList.js';
import { useT } from '../../../i18n/i18n.js';
import type { UserSummary } from '../../../types.js';
import { useHolds } from '../scopes.js';
import { CreateUserModal } from './CreateUserModal.js';
import { RoleTags } from './RoleTags.js';
import { UserDrawer } from './UserDrawer.js';

const PAGE_SIZE = 20;

/** Người dùng: accounts of the units the user may read, searchable and paged. */
export function UsersPage() {
  const t = useT();
  const canManage = useHolds('user.manage');
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = usePagedList('/api/users', { pageSize: PAGE_SIZE, filter: 'q' });

  return (
    <Card
      title={t('users.title')}
      extra={
        <ListSearch label={t('users.search')} width={300} onSearch={list.search}>
          {canManage && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('users.add')}
            </Button>
          )}
        </ListSearch>
      }
    >
      <ErrorAlert error={list.error} />
      <Table<UserSummary>
        rowKey="id"
        size="middle"
        {...list.table}
        onRow={(record) => ({ onClick: () => setSelected(record.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.fullName'), dataIndex: 'fullName' },
          { title: t('users.kind'), dataIndex: 'kind', render: (kind: UserSummary['kind']) => t(`userKind.${kind}`) },
          {
            title: t('users.homeUnit'),
            dataIndex: 'homeUnitName',
            render: (name: string | null) => name ?? t('common.none'),
          },
          { title: t('users.roles'), dataIndex: 'roles', render: (_, user) => <RoleTags roles={user.roles} /> },
          {
            title: t('users.status'),
            dataIndex: 'disabled',
            render: (disabled: boolean) =>
              disabled ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>,
          },
        ]}
      />
      {selected && (
        <UserDrawer userId={selected} canManage={canManage} onClose={() => setSelected(null)} onChanged={list.reload} />
      )}
      {creating && (
        <CreateUserModal
          onClose={() => setCreating(false)}
          onSaved={(user) => {
            setCreating(false);
            list.reload();
            setSelected(user.id);
          }}
        />
      )}
    </Card>
  );
}
