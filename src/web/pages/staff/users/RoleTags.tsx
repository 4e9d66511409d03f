import { Tag } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import type { RoleView } from '../../../types.js';

export function RoleTags({ roles }: { roles: RoleView[] }) {
  const t = useT();
  return (
    <>
      {roles.map((r) => (
        <Tag key={`${r.role}|${r.unitId}`} color={r.role === 'system_admin' ? 'volcano' : 'blue'} style={{ marginBottom: 4 }}>
          {t(`role.${r.role}`)}
          {r.unitName ? ` — ${r.unitName}` : ''}
        </Tag>
      ))}
    </>
  );
}
