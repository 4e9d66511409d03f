import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { maskTail } from '../../kernel/personal-data.js';
import { changedFields, recordChange } from '../audit/record-change.js';
import { unitNames } from '../org/units.query.js';
import { getUnit } from '../org/units.service.js';
import type { AuthConfig } from './auth.config.js';
import { type UserKind, type UserRow, userRoles, users } from './identity.tables.js';
import { hashPassword, isAcceptablePassword } from './password.js';
import { setPassword } from './auth.service.js';
import type { Role } from '../../kernel/context.js';

const roleUnit = unitNames('role_unit');
const homeUnit = unitNames('home_unit');

export interface RoleInput {
  role: Role;
  unitId: string | null;
}

export interface RoleView extends RoleInput {
  unitName: string | null;
}

export async function rolesOf(db: Queryable, userIds: string[]): Promise<Map<string, RoleView[]>> {
  const byUser = new Map<string, RoleView[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ userId: userRoles.userId, role: userRoles.role, unitId: userRoles.unitId, unitName: roleUnit.name })
    .from(userRoles)
    .leftJoin(roleUnit, eq(roleUnit.id, userRoles.unitId))
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(userRoles.role));
  for (const { userId, ...role } of rows) byUser.get(userId)!.push(role);
  return byUser;
}

function summary(user: UserRow, roles: RoleView[], homeUnitName: string | null) {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    kind: user.kind,
    homeUnitId: user.homeUnitId,
    homeUnitName,
    disabled: user.disabledAt !== null,
    roles,
  };
}

export interface ListUsersQuery {
  q?: string | undefined;
  /** Users whose home unit or a role unit is one of these (an administrator's subtree). */
  unitIds?: string[] | undefined;
  page: number;
  pageSize: number;
}

export async function listUsers(db: Queryable, query: ListUsersQuery) {
  const term = query.q?.trim();
  const conditions = and(
    term ? or(ilike(users.username, `%${term}%`), ilike(users.fullName, `%${term}%`)) : undefined,
    query.unitIds
      ? or(
          inArray(users.homeUnitId, query.unitIds),
          inArray(
            users.id,
            db.select({ id: userRoles.userId }).from(userRoles).where(inArray(userRoles.unitId, query.unitIds)),
          ),
        )
      : undefined,
  );
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(users).where(conditions);
  const rows = await db
    .select({ user: users, homeUnitName: homeUnit.name })
    .from(users)
    .leftJoin(homeUnit, eq(homeUnit.id, users.homeUnitId))
    .where(conditions)
    .orderBy(asc(users.username))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const roles = await rolesOf(
    db,
    rows.map((r) => r.user.id),
  );
  return { items: rows.map((r) => summary(r.user, roles.get(r.user.id)!, r.homeUnitName)), total };
}

export async function getUser(db: Queryable, id: string) {
  const [row] = await db
    .select({ user: users, homeUnitName: homeUnit.name })
    .from(users)
    .leftJoin(homeUnit, eq(homeUnit.id, users.homeUnitId))
    .where(eq(users.id, id));
  if (!row) throw new AppError('USER_NOT_FOUND', { id });
  const roles = (await rolesOf(db, [id])).get(id)!;
  const { user } = row;
  return {
    ...summary(user, roles, row.homeUnitName),
    email: user.email,
    phone: user.phone,
    personalIdMasked: maskTail(user.personalId, 4),
    mustChangePassword: user.mustChangePassword,
    version: user.version,
    createdAt: user.createdAt,
  };
}

export interface CreateUserInput {
  username: string;
  fullName: string;
  kind: UserKind;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  personalId?: string | null | undefined;
  homeUnitId?: string | null | undefined;
  /** Absent only for service accounts, which authenticate with API tokens. */
  password?: string | undefined;
  roles: RoleInput[];
}

export async function createUser(tx: Tx, ctx: RequestContext, input: CreateUserInput, config: AuthConfig) {
  const username = input.username.trim().toLowerCase();
  if (input.password === undefined && input.kind !== 'service') {
    throw new AppError('VALIDATION_FAILED', { password: 'required' }, 'Cần đặt mật khẩu ban đầu cho tài khoản.');
  }
  if (input.password !== undefined && !isAcceptablePassword(input.password, username))
    throw new AppError('WEAK_PASSWORD');
  const { password, ...account } = input;
  return insertUser(tx, ctx, {
    ...account,
    username,
    passwordHash: password === undefined ? null : await hashPassword(password, config.scryptLogN),
    // An account created by someone else starts with a password that person knows.
    mustChangePassword: password !== undefined,
  });
}

export type NewUser = Omit<CreateUserInput, 'password'> & { passwordHash: string | null; mustChangePassword: boolean };

/** Stores a new account with an already-hashed password (also used by the demo seed). */
export async function insertUser(tx: Tx, ctx: RequestContext, input: NewUser) {
  await assertUnique(tx, input.username, input.personalId ?? null);
  if (input.homeUnitId) await getUnit(tx, input.homeUnitId);
  await assertRolesValid(tx, input.roles);
  const { roles, ...account } = input;
  const [user] = await tx.insert(users).values(account).returning();
  await insertRoles(tx, ctx, user!.id, roles);
  const { passwordHash: _omit, ...visible } = input;
  await recordChange(tx, ctx, {
    action: 'user.create',
    targetType: 'user',
    targetId: user!.id,
    unitId: user!.homeUnitId,
    after: visible,
    event: { userId: user!.id, username: input.username, kind: input.kind },
  });
  return getUser(tx, user!.id);
}

export interface UpdateUserInput {
  version: number;
  fullName?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  homeUnitId?: string | null | undefined;
  disabled?: boolean | undefined;
}

export async function updateUser(tx: Tx, ctx: RequestContext, id: string, input: UpdateUserInput, now: Date) {
  const [current] = await tx.select().from(users).where(eq(users.id, id));
  if (!current) throw new AppError('USER_NOT_FOUND', { id });
  const { version, disabled, ...fields } = input;
  if (fields.homeUnitId) await getUnit(tx, fields.homeUnitId);
  const disabledAt = disabled === undefined ? undefined : disabled ? (current.disabledAt ?? now) : null;
  const diff = changedFields({ ...current, disabled: current.disabledAt !== null } as Record<string, unknown>, {
    ...fields,
    disabled,
  });
  const [updated] = await tx
    .update(users)
    .set({ ...fields, disabledAt, version: version + 1, updatedAt: now })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  if (!updated) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
  await recordChange(tx, ctx, {
    action: 'user.update',
    targetType: 'user',
    targetId: id,
    unitId: current.homeUnitId,
    ...diff,
  });
  return getUser(tx, id);
}

/** Replaces a user's roles (the whole set, so the editor shows exactly what is stored). */
export async function setUserRoles(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  version: number,
  roles: RoleInput[],
  now: Date,
) {
  const [current] = await tx.select().from(users).where(eq(users.id, id));
  if (!current) throw new AppError('USER_NOT_FOUND', { id });
  await assertRolesValid(tx, roles);
  const [bumped] = await tx
    .update(users)
    .set({ version: version + 1, updatedAt: now })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  if (!bumped) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
  const before = (await rolesOf(tx, [id])).get(id)!.map(({ role, unitId }) => ({ role, unitId }));
  await tx.delete(userRoles).where(eq(userRoles.userId, id));
  await insertRoles(tx, ctx, id, roles);
  await recordChange(tx, ctx, {
    action: 'user.roles_set',
    targetType: 'user',
    targetId: id,
    unitId: current.homeUnitId,
    before: { roles: before },
    after: { roles },
    event: { userId: id, roles },
  });
  return getUser(tx, id);
}

export async function resetUserPassword(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  newPassword: string,
  config: AuthConfig,
  now: Date,
) {
  const [user] = await tx.select({ username: users.username }).from(users).where(eq(users.id, id));
  if (!user) throw new AppError('USER_NOT_FOUND', { id });
  await setPassword(tx, ctx, id, user.username, newPassword, config, {
    mustChange: true,
    keepSessionId: null,
    action: 'user.password_reset',
    now,
  });
}

async function insertRoles(tx: Tx, ctx: RequestContext, userId: string, roles: RoleInput[]) {
  const unique = [...new Map(roles.map((r) => [`${r.role}|${r.unitId}`, r])).values()];
  if (unique.length === 0) return;
  await tx.insert(userRoles).values(unique.map((r) => ({ ...r, userId, grantedBy: ctx.actor?.userId ?? null })));
}

async function assertRolesValid(db: Queryable, roles: RoleInput[]) {
  for (const { role, unitId } of roles) {
    if (role === 'citizen' && unitId !== null) throw new AppError('CITIZEN_ROLE_NO_UNIT');
    if (role !== 'citizen' && unitId === null) throw new AppError('ROLE_UNIT_REQUIRED', { role });
    if (unitId) {
      const unit = await getUnit(db, unitId);
      if (unit.validTo !== null) throw new AppError('UNIT_CLOSED', { id: unitId });
    }
  }
}

async function assertUnique(db: Queryable, username: string, personalId: string | null) {
  const [clash] = await db
    .select({ username: users.username })
    .from(users)
    .where(or(eq(users.username, username), personalId ? eq(users.personalId, personalId) : sql`false`))
    .limit(1);
  if (clash?.username === username) throw new AppError('USERNAME_TAKEN');
  if (clash) throw new AppError('PERSONAL_ID_TAKEN');
}

/** What a user's own account shows them (GET /api/auth/me) and the identifier their data store is keyed by. */
export async function ownAccount(db: Queryable, userId: string) {
  const [user] = await db
    .select({
      mustChangePassword: users.mustChangePassword,
      personalId: users.personalId,
      phone: users.phone,
      email: users.email,
    })
    .from(users)
    .where(eq(users.id, userId));
  return user;
}
