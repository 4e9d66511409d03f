import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import type { Actor, RoleGrant } from '../../kernel/context.js';
import { userRoles, users, type UserRow } from './identity.tables.js';

/**
 * A user's grants as one column of the caller's statement: the session, the user and the roles
 * behind a request are read in one round trip, not three (issue 17: the write path re-read them
 * on every request).
 */
// Qualified by hand: Drizzle writes a one-table select's columns unqualified, which inside the
// sub-select would bind "id" to user_roles.
export const grantsOfUser = sql<
  RoleGrant[]
>`coalesce((select json_agg(json_build_object('role', ur.role, 'unitId', ur.unit_id))
  from user_roles ur where ur.user_id = "users"."id"), '[]'::json)`;

/** The plain-data Actor from a user row and its grants. */
export function actorOf(user: UserRow, grants: RoleGrant[], tokenScopes: string[] | null): Actor {
  return {
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    kind: user.kind,
    homeUnitId: user.homeUnitId,
    grants,
    tokenScopes,
  };
}

/** Builds the plain-data Actor for a user (null when missing or disabled), in one statement. */
export async function loadActor(db: Queryable, userId: string, tokenScopes: string[] | null): Promise<Actor | null> {
  const [row] = await db.select({ user: users, grants: grantsOfUser }).from(users).where(eq(users.id, userId));
  if (!row || row.user.disabledAt) return null;
  return actorOf(row.user, row.grants, tokenScopes);
}

export async function actorFromRow(db: Queryable, user: UserRow, tokenScopes: string[] | null): Promise<Actor> {
  const grants = await db
    .select({ role: userRoles.role, unitId: userRoles.unitId })
    .from(userRoles)
    .where(eq(userRoles.userId, user.id));
  return actorOf(user, grants, tokenScopes);
}
