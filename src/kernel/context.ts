/**
 * The roles of docs/domain/DOMAIN.md §2 (the identity module grants them). A role is always held
 * over a unit (its subtree), except citizen. They live here because an Actor carries them.
 */
export const ROLES = [
  'citizen', // Công dân, tổ chức
  'one_stop_officer', // Cán bộ tiếp nhận, Bộ phận Một cửa
  'postal_officer', // Nhân viên bưu chính công ích
  'processing_official', // Chuyên viên xử lý
  'unit_leader', // Lãnh đạo phòng/sở/UBND xã
  'procedure_control_officer', // Cán bộ đầu mối kiểm soát TTHC
  'system_admin', // Quản trị hệ thống
] as const;
export type Role = (typeof ROLES)[number];

/** A role held over a unit's subtree (unitId null only for citizen). */
export interface RoleGrant {
  role: Role;
  unitId: string | null;
}

/** Who is acting. Built by the HTTP layer from a session or a token; plain data for services. */
export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  kind: 'staff' | 'citizen' | 'service';
  homeUnitId: string | null;
  grants: RoleGrant[];
  /** Token scopes when acting through a bearer token; null for a browser session. */
  tokenScopes: string[] | null;
  /**
   * Mức độ định danh điện tử of this session (1 or 2) when an identity provider signed the person
   * in; null or absent for a password session, a token or the system.
   */
  identityLevel?: 1 | 2 | null;
}

/** Everything a state change records about where it came from (for the audit record). */
export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  actor: Actor | null;
}

/** For changes made by the system itself (migrations of data, demo seed, jobs). */
export function systemContext(requestId: string | null = null): RequestContext {
  return { requestId, ip: null, actor: null };
}
