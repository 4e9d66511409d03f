/**
 * Users and their roles as reporting readers see them (names on kpi's late lists, payments'
 * reconciliations and the national-portal history; the one-stop officers of productivity):
 * sub-selects of named columns aliased as the tables, inlined by PostgreSQL. No personal data.
 */
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { userRoles, users } from './identity.tables.js';

const qb = new QueryBuilder();

/** Users, with the name shown on lists. */
export const reportedUsers = qb
  .select({
    id: users.id, // the user
    fullName: users.fullName, // họ và tên
    disabledAt: users.disabledAt, // account disabled (null: active)
  })
  .from(users)
  .as('users');

/** Roles held by users at units. */
export const reportedUserRoles = qb
  .select({
    userId: userRoles.userId, // the user
    role: userRoles.role, // the role (e.g. one_stop_officer)
    unitId: userRoles.unitId, // at this unit (null: province-wide)
  })
  .from(userRoles)
  .as('user_roles');
