/**
 * What other modules read of accounts: names to join into their own statements, and the checks
 * a workflow or a forward makes of an official (active staff, holding a role over a unit).
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../kernel/db.js';
import type { Role } from '../../kernel/context.js';
import { userRoles, users } from './identity.tables.js';

/**
 * Accounts by id with their full names, to join (`leftJoin(u, eq(u.id, …))`); a reader joining
 * two people (who asked, who answered) names each subquery apart.
 */
export function userNames(name = 'user_names') {
  return new QueryBuilder().select({ id: users.id, fullName: users.fullName }).from(users).as(name);
}

/** Which of these accounts are enabled staff. */
export async function activeStaffIds(db: Queryable, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.kind, 'staff'), isNull(users.disabledAt)));
  return new Set(rows.map((u) => u.id));
}

/**
 * The enabled staff holding a role over one of these units (a unit's path: a grant at the unit or
 * above it reaches it): who may take a step worked by that role.
 */
export async function roleHolders(
  db: Queryable,
  role: Role,
  unitIds: string[],
): Promise<{ userId: string; fullName: string }[]> {
  if (unitIds.length === 0) return [];
  return roleHoldersQuery(db, role, unitIds);
}

/** The same as a query another module can read from as a subquery (with what it adds per holder). */
export function roleHoldersQuery(db: Queryable, role: Role, unitIds: string[]) {
  return db
    .selectDistinct({ userId: users.id, fullName: users.fullName })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        eq(userRoles.role, role),
        inArray(userRoles.unitId, unitIds),
        eq(users.kind, 'staff'),
        isNull(users.disabledAt),
      ),
    );
}

/**
 * The account that carries a personal identifier (unique), for the oidc module's linking: who it
 * is, of what kind, whether it is enabled and has a password to prove.
 */
export async function accountByPersonalId(db: Queryable, personalId: string) {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      kind: users.kind,
      disabled: isNotNull(users.disabledAt),
      hasPassword: isNotNull(users.passwordHash),
    })
    .from(users)
    .where(eq(users.personalId, personalId));
  return row ?? null;
}
