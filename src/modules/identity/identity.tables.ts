import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { units } from '../org/units.table.js';
import { ROLES, type Role } from '../../kernel/context.js';

export const USER_KINDS = ['staff', 'citizen', 'service'] as const;
export type UserKind = (typeof USER_KINDS)[number];

/** Tài khoản: staff, citizens, and service accounts for integrations (token only, no password). */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-case; logins compare case-insensitively. */
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    kind: text('kind').$type<UserKind>().notNull(),
    email: text('email'),
    phone: text('phone'),
    /** Số định danh cá nhân (CCCD, 12 digits) for citizens; personal data, never logged. */
    personalId: text('personal_id'),
    /** Đơn vị công tác: where a staff member works (role scopes are separate, see user_roles). */
    homeUnitId: uuid('home_unit_id').references(() => units.id),
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(t.username),
    uniqueIndex('users_personal_id_uq').on(t.personalId),
    index('users_home_unit_idx').on(t.homeUnitId),
    check('users_kind_check', sql.raw(`kind in ('staff', 'citizen', 'service')`)),
    check('users_username_lower_check', sql`${t.username} = lower(${t.username})`),
  ],
);

/** Vai trò theo đơn vị: a role held over a unit's subtree. Citizens hold theirs without a unit. */
export const userRoles = pgTable(
  'user_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    grantedBy: uuid('granted_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('user_roles_uq').on(
      t.userId,
      t.role,
      sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index('user_roles_unit_idx').on(t.unitId),
    check('user_roles_role_check', sql.raw(`role in (${ROLES.map((r) => `'${r}'`).join(', ')})`)),
    check('user_roles_unit_check', sql`(${t.role} = 'citizen') = (${t.unitId} is null)`),
  ],
);

/** Browser sessions. Only the SHA-256 of the cookie value is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /**
     * Mức độ định danh điện tử (Decree 69/2024/NĐ-CP): 1 or 2 when an identity provider signed the
     * person in (oidc module), null for a password session.
     */
    identityLevel: smallint('identity_level'),
  },
  (t) => [
    uniqueIndex('sessions_token_hash_uq').on(t.tokenHash),
    index('sessions_user_idx').on(t.userId),
    check('sessions_identity_level_check', sql`${t.identityLevel} in (1, 2)`),
  ],
);

/** Bearer tokens for integrations: hashed at rest, scoped, expiring, revocable. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** First characters of the token, shown so people can tell their tokens apart. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

/** Login attempts, kept in the database so every API process sees the same throttle. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_username_idx').on(t.username, t.attemptedAt),
    index('login_attempts_ip_idx').on(t.ip, t.attemptedAt),
  ],
);

export type UserRow = typeof users.$inferSelect;
