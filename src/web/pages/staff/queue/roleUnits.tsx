/** The units where the signed-in officer holds one of some roles, and a picker among them. */
import { Select } from 'antd';
import { useSession } from '../../../session.js';
import type { Role } from '../../../types.js';

export interface RoleUnit {
  unitId: string;
  unitName: string;
}

/** One-stop officers work the counters and book for callers; they and unit leaders manage slots (policy.ts). */
export const COUNTER_ROLES: readonly Role[] = ['one_stop_officer'];
export const SLOT_MANAGER_ROLES: readonly Role[] = ['one_stop_officer', 'unit_leader'];

export function useRoleUnits(roles: readonly Role[]): RoleUnit[] {
  const { state } = useSession();
  if (state.status !== 'signedIn') return [];
  const units = new Map<string, string>();
  for (const r of state.me.roles) if (r.unitId && roles.includes(r.role)) units.set(r.unitId, r.unitName ?? r.unitId);
  return [...units].map(([unitId, unitName]) => ({ unitId, unitName }));
}

export function UnitPicker({
  units,
  value,
  onChange,
  label,
}: {
  units: RoleUnit[];
  value: string;
  onChange(unitId: string): void;
  label: string;
}) {
  return (
    <label>
      {label}{' '}
      <Select
        style={{ width: 'min(320px, 80vw)' }}
        value={value}
        onChange={onChange}
        options={units.map((u) => ({ value: u.unitId, label: u.unitName }))}
        aria-label={label}
      />
    </label>
  );
}
