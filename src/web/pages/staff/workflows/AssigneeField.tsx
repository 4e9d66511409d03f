import { Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { ROLES } from '../../../../kernel/context.js';
import { api } from '../../../api.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import type { WorkflowStep } from '../../../types.js';
import { useHolds } from '../scopes.js';
import type { ApiResponse } from '../../../api/types.js';

type Assignee = WorkflowStep['assignee'];
const STAFF_ROLES = ROLES.filter((r) => r !== 'citizen');

/** A named official, searched among the users the editor may read; else typed as an id. */
function UserSelect({ id, value, onChange }: { id: string; value: string; onChange(v: string): void }) {
  const t = useT();
  const canRead = useHolds('user.read');
  const [q, setQ] = useState('');
  const users = useApiData(
    () =>
      canRead ? api<ApiResponse<'/api/users'>>('/api/users', { query: { q, pageSize: 20 } }) : Promise.resolve(null),
    [q, canRead],
  );
  if (!canRead)
    return (
      <Input
        id={id}
        value={value}
        placeholder={t('admin.wf.userId')}
        onChange={(e) => onChange(e.target.value.trim())}
      />
    );
  const options = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
  return (
    <Select
      id={id}
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={value || undefined}
      onChange={onChange}
      options={options}
      style={{ minWidth: 240 }}
    />
  );
}

/** Người thực hiện: a role within the responsible unit, or one named official (exactly one). */
export function AssigneeField({ id, value, onChange }: { id: string; value: Assignee; onChange(a: Assignee): void }) {
  const t = useT();
  const byRole = 'role' in value;
  return (
    <Space wrap>
      <Radio.Group
        value={byRole ? 'role' : 'user'}
        onChange={(e) => onChange(e.target.value === 'role' ? { role: 'processing_official' } : { userId: '' })}
        options={[
          { value: 'role', label: t('admin.wf.byRole') },
          { value: 'user', label: t('admin.wf.byUser') },
        ]}
      />
      {byRole ? (
        <Select
          id={id}
          value={value.role}
          style={{ minWidth: 220 }}
          onChange={(role) => onChange({ role })}
          options={STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
      ) : (
        <UserSelect id={id} value={value.userId} onChange={(userId) => onChange({ userId })} />
      )}
    </Space>
  );
}
