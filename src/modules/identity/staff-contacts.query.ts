/**
 * Whom a reminder about a unit's work reaches: the enabled staff holding an action's roles on the
 * unit itself (not on a parent: a province-wide leader is not told of every office's deadlines),
 * plus named officials (e.g. a dossier's current assignee). Only those with a work e-mail or phone.
 */
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { userRoles, users } from './identity.tables.js';
import { type Action, rolesWith } from '../access/policy.js';

export interface StaffContact {
  userId: string;
  email: string | null;
  phone: string | null;
}

export async function staffToNotify(
  db: Queryable,
  action: Action,
  unitId: string,
  alsoUserIds: readonly string[] = [],
): Promise<StaffContact[]> {
  const holders = db
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .where(and(eq(userRoles.unitId, unitId), inArray(userRoles.role, rolesWith(action))));
  return db
    .select({ userId: users.id, email: users.email, phone: users.phone })
    .from(users)
    .where(
      and(
        eq(users.kind, 'staff'),
        isNull(users.disabledAt),
        or(sql`${users.email} is not null`, sql`${users.phone} is not null`),
        or(inArray(users.id, holders), alsoUserIds.length ? inArray(users.id, [...alsoUserIds]) : undefined),
      ),
    )
    .orderBy(users.username);
}

export interface UserContact {
  userId: string;
  kind: 'staff' | 'citizen' | 'service';
  email: string | null;
  phone: string | null;
}

/** The contacts of enabled accounts (for the notifications module), in no particular order. */
export async function contactsOfUsers(db: Queryable, userIds: readonly string[]): Promise<UserContact[]> {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: users.id, kind: users.kind, email: users.email, phone: users.phone })
    .from(users)
    .where(and(inArray(users.id, [...userIds]), isNull(users.disabledAt)));
}
