import type { Role } from '../modules/identity/roles.js';

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
