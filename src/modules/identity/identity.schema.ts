import { z } from 'zod';
import { ROLES } from '../../kernel/context.js';
import { USER_KINDS } from './identity.tables.js';
import { ACTIONS } from '../access/policy.js';

export const RoleName = z.enum(ROLES).meta({ id: 'Role' });
export const RoleView = z.object({ role: RoleName, unitId: z.uuid().nullable(), unitName: z.string().nullable() });
export const RoleInput = z.object({ role: RoleName, unitId: z.uuid().nullable() });

/** What every view of a user shows. */
const userIdentity = {
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  kind: z.enum(USER_KINDS),
  homeUnitId: z.uuid().nullable(),
};

export const Me = z
  .object({
    ...userIdentity,
    mustChangePassword: z.boolean(),
    roles: z.array(RoleView),
    identityLevel: z
      .union([z.literal(1), z.literal(2)])
      .nullable()
      .describe('Mức độ định danh điện tử of this session (signed in through VNeID); null for a password session'),
    /** The caller's own contact data, to prefill e-forms (never shown to anyone else). */
    profile: z.object({
      personalId: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  })
  .meta({ id: 'Me' });

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const PasswordChangeBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const Scope = z.string().refine((s) => (ACTIONS as readonly string[]).includes(s) || /^[a-z]+\.\*$/.test(s), {
  message: 'Phạm vi không hợp lệ (tên thao tác, ví dụ unit.manage, hoặc nhóm, ví dụ dossier.*)',
});

export const TokenItem = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    createdAt: z.date(),
    expiresAt: z.date().nullable(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const CreateTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(Scope).min(1).max(50),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

/** Số định danh cá nhân: exactly 12 digits (the structure check is soft, docs/domain/DOMAIN.md §12). */
export const PersonalId = z.string().regex(/^\d{12}$/, 'Số định danh cá nhân phải gồm đúng 12 chữ số');

export const Phone = z.string().regex(/^\+?\d{9,15}$/, 'Số điện thoại không hợp lệ');

export const UserSummary = z
  .object({
    ...userIdentity,
    homeUnitName: z.string().nullable(),
    disabled: z.boolean(),
    roles: z.array(RoleView),
  })
  .meta({ id: 'UserSummary' });

export const User = UserSummary.extend({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  personalIdMasked: z.string().nullable(),
  mustChangePassword: z.boolean(),
  version: z.number().int(),
  createdAt: z.date(),
}).meta({ id: 'User' });

const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'Tên đăng nhập gồm 3–64 ký tự: chữ không dấu, số, dấu chấm, gạch');

export const CreateUserBody = z.object({
  username: Username,
  fullName: z.string().trim().min(1).max(200),
  kind: z.enum(USER_KINDS),
  email: z.email().nullable().optional(),
  phone: Phone.nullable().optional(),
  personalId: PersonalId.nullable().optional(),
  homeUnitId: z.uuid().nullable().optional(),
  password: z.string().min(1).max(200).optional(),
  roles: z.array(RoleInput).max(50).default([]),
});

export const UpdateUserBody = z.object({
  version: z.number().int().positive(),
  fullName: z.string().trim().min(1).max(200).optional(),
  email: z.email().nullable().optional(),
  phone: Phone.nullable().optional(),
  homeUnitId: z.uuid().nullable().optional(),
  disabled: z.boolean().optional(),
});
