import { Button, Card, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import type { Page, UserSummary } from '../../../types.js';
import { useHolds } from '../scopes.js';
import { CreateUserModal } from './CreateUserModal.js';
import { RoleTags } from './RoleTags.js';
import { UserDrawer } from './UserDrawer.js';

const PAGE_SIZE = 20;

/** Người dùng: accounts of the units the user may read, searchable and paged. */
export function UsersPage() {
  const t = useT();
  const canManage = useHolds('user.manage');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useApiData(() => api<Page<UserSummary>>('/api/users', { query: { q, page, pageSize: PAGE_SIZE } }), [q, page]);

  return (
    <Card
      title={t('users.title')}
      extra={
        <Space>
          <Input.Search
            allowClear
            placeholder={t('users.search')}
            aria-label={t('users.search')}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
            style={{ width: 300 }}
          />
          {canManage && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('users.add')}
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={list.error} />
      <Table<UserSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onRow={(record) => ({ onClick: () => setSelected(record.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: setPage,
        }}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.fullName'), dataIndex: 'fullName' },
          { title: t('users.kind'), dataIndex: 'kind', render: (kind: UserSummary['kind']) => t(`userKind.${kind}`) },
          { title: t('users.homeUnit'), dataIndex: 'homeUnitName', render: (name: string | null) => name ?? t('common.none') },
          { title: t('users.roles'), dataIndex: 'roles', render: (_, user) => <RoleTags roles={user.roles} /> },
          {
            title: t('users.status'),
            dataIndex: 'disabled',
            render: (disabled: boolean) => (disabled ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>),
          },
        ]}
      />
      {selected && <UserDrawer userId={selected} canManage={canManage} onClose={() => setSelected(null)} onChanged={list.reload} />}
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
