import { eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import type { Actor } from '../../kernel/context.js';
import { userRoles, users, type UserRow } from './identity.tables.js';

/** Builds the plain-data Actor for a user (null when missing or disabled). */
export async function loadActor(db: Queryable, userId: string, tokenScopes: string[] | null): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabledAt) return null;
  return actorFromRow(db, user, tokenScopes);
}

export async function actorFromRow(db: Queryable, user: UserRow, tokenScopes: string[] | null): Promise<Actor> {
  const grants = await db
    .select({ role: userRoles.role, unitId: userRoles.unitId })
    .from(userRoles)
    .where(eq(userRoles.userId, user.id));
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
