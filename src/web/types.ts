/** The API's JSON as the browser receives it (dates as ISO strings). */
import type { AuditContent } from '../modules/audit/audit.chain.js';
import type { Role } from '../modules/identity/roles.js';
import type { UnitKind } from '../modules/org/units.table.js';

export type { Role, UnitKind };
export type UserKind = 'staff' | 'citizen' | 'service';

export interface RoleView {
  role: Role;
  unitId: string | null;
  unitName: string | null;
}

export interface Me {
  id: string;
  username: string;
  fullName: string;
  kind: UserKind;
  homeUnitId: string | null;
  mustChangePassword: boolean;
  roles: RoleView[];
}

export interface MeResponse {
  user: Me;
  csrfToken: string | null;
}

export interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  officialCode: string;
  adminUnitCode: string | null;
  address: string | null;
  validFrom: string;
  validTo: string | null;
  successorId: string | null;
  sortOrder: number;
  version: number;
}

export interface UnitNode extends Unit {
  children: UnitNode[];
}

export interface UnitDetail extends Unit {
  path: { id: string; name: string }[];
}

export interface UserSummary {
  id: string;
  username: string;
  fullName: string;
  kind: UserKind;
  homeUnitId: string | null;
  homeUnitName: string | null;
  disabled: boolean;
  roles: RoleView[];
}

export interface User extends UserSummary {
  email: string | null;
  phone: string | null;
  personalIdMasked: string | null;
  mustChangePassword: boolean;
  version: number;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** An audit record as hashed on the server (audit.chain.ts), its time as an ISO string. */
export type AuditRecord = Omit<AuditContent, 'occurredAt'> & { occurredAt: string };

export interface AuditVerify {
  ok: boolean;
  checked: number;
  firstBreak: { seq: number; reason: string } | null;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
