import { z } from 'zod';
import type { Actor } from '../../kernel/context.js';
import type { Queryable } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { requireActor } from '../../kernel/http.js';
import { errorResponses, IdParams, Paging, Version } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { rootUnitIds, subtreeIds, unitPath } from '../org/units.service.js';
import {
  CreateTokenBody,
  CreateUserBody,
  RoleInput,
  TokenItem,
  UpdateUserBody,
  User,
  UserSummary,
} from './identity.schema.js';
import { loadActor } from './actor.js';
import { type Action, authorize, unitsWhere } from '../access/policy.js';
import { createApiToken } from './tokens.service.js';
import { createUser, getUser, listUsers, resetUserPassword, setUserRoles, updateUser } from './users.service.js';

const tags = ['Người dùng (users)'];

/** A user belongs to its home unit's subtree; accounts without one (citizens) to the roots. */
async function userTarget(db: Queryable, homeUnitId: string | null) {
  return { unitPath: homeUnitId ? await unitPath(db, homeUnitId) : await rootUnitIds(db) };
}

async function authorizeOnUser(db: Queryable, actor: Actor, action: Action, userId: string) {
  const user = await getUser(db, userId);
  authorize(actor, action, await userTarget(db, user.homeUnitId));
  return user;
}

/** Granting or withdrawing a role needs role.assign over that role's unit. */
async function authorizeRoles(db: Queryable, actor: Actor, roles: { unitId: string | null }[]) {
  for (const { unitId } of roles) authorize(actor, 'role.assign', await userTarget(db, unitId));
}

export function userRoutes(app: App, deps: Deps): void {
  const { auth } = deps.services;
  const { db } = deps;

  app.get(
    '/api/users',
    {
      config: { access: { action: 'user.read', scope: 'anywhere' } },
      schema: {
        tags,
        summary: 'Users of the units the caller may read (search by name or username)',
        querystring: Paging.extend({ q: z.string().max(100).optional(), unitId: z.uuid().optional() }),
        response: {
          200: z.object({ items: z.array(UserSummary), total: z.number().int() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { unitId, ...query } = request.query;
      if (unitId) {
        authorize(actor, 'user.read', { unitPath: await unitPath(db, unitId) });
        return listUsers(db, { ...query, unitIds: await subtreeIds(db, [unitId]) });
      }
      const readable = unitsWhere(actor, 'user.read');
      authorize(actor, 'user.read', { unitPath: readable });
      const roots = await rootUnitIds(db);
      const everything = readable.some((id) => roots.includes(id));
      return listUsers(db, { ...query, unitIds: everything ? undefined : await subtreeIds(db, readable) });
    },
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: { action: 'user.read', scope: 'unit' } },
      schema: {
        tags,
        summary: 'One user',
        params: IdParams,
        response: { 200: User, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => authorizeOnUser(db, requireActor(request), 'user.read', request.params.id),
  );

  app.post(
    '/api/users',
    {
      config: { access: { action: 'user.manage', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Create an account (staff, citizen or integration service account)',
        body: CreateUserBody,
        response: { 201: User, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'user.manage', await userTarget(db, request.body.homeUnitId ?? null));
      await authorizeRoles(db, actor, request.body.roles);
      const user = await db.transaction((tx) => createUser(tx, request.ctx, request.body, auth));
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: { action: 'user.manage', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Edit, disable or enable an account',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await authorizeOnUser(db, actor, 'user.manage', request.params.id);
      if (request.body.homeUnitId) authorize(actor, 'user.manage', await userTarget(db, request.body.homeUnitId));
      if (request.body.disabled && request.params.id === actor.userId) {
        throw new AppError('UNPROCESSABLE', undefined, 'Không thể tự khóa tài khoản của chính mình.');
      }
      return db.transaction((tx) => updateUser(tx, request.ctx, request.params.id, request.body, deps.clock.now()));
    },
  );

  app.put(
    '/api/users/:id/roles',
    {
      config: { access: { action: 'role.assign', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Replace the roles of an account (each role over a unit subtree)',
        params: IdParams,
        body: z.object({ version: Version, roles: z.array(RoleInput).max(50) }),
        response: { 200: User, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const user = await authorizeOnUser(db, actor, 'user.manage', request.params.id);
      await authorizeRoles(db, actor, [...user.roles, ...request.body.roles]);
      const { version, roles } = request.body;
      return db.transaction((tx) => setUserRoles(tx, request.ctx, request.params.id, version, roles, deps.clock.now()));
    },
  );

  app.post(
    '/api/users/:id/password-reset',
    {
      config: { access: { action: 'user.manage', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Set a temporary password (the user must change it at next login)',
        params: IdParams,
        body: z.object({ newPassword: z.string().min(1).max(200) }),
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      await authorizeOnUser(db, requireActor(request), 'user.manage', request.params.id);
      await db.transaction((tx) =>
        resetUserPassword(tx, request.ctx, request.params.id, request.body.newPassword, auth, deps.clock.now()),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/users/:id/tokens',
    {
      config: { access: { action: 'user.manage', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Issue an API token for an integration service account',
        params: IdParams,
        body: CreateTokenBody,
        response: { 201: z.object({ token: z.string(), item: TokenItem }), ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const user = await authorizeOnUser(db, requireActor(request), 'user.manage', request.params.id);
      if (user.kind !== 'service') {
        throw new AppError('UNPROCESSABLE', undefined, 'Chỉ cấp mã truy cập thay cho tài khoản tích hợp (service).');
      }
      const owner = await loadActor(db, user.id, null);
      if (!owner) throw new AppError('ACCOUNT_DISABLED');
      const created = await db.transaction((tx) =>
        createApiToken(tx, request.ctx, owner, request.body, deps.clock.now()),
      );
      return reply.status(201).send(created);
    },
  );
}
