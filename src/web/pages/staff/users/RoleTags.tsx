import { Space, Tag } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import type { RoleView } from '../../../types.js';

export function RoleTags({ roles }: { roles: RoleView[] }) {
  const t = useT();
  return (
    <Space size={[0, 4]} wrap>
      {roles.map((r) => (
        <Tag key={`${r.role}|${r.unitId}`} color={r.role === 'system_admin' ? 'volcano' : 'blue'}>
          {t(`role.${r.role}`)}
          {r.unitName ? ` — ${r.unitName}` : ''}
        </Tag>
      ))}
    </Space>
  );
}
