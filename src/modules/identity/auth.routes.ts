import { z } from 'zod';
import { AppError } from '../../kernel/errors.js';
import { requireActor } from '../../kernel/http.js';
import { clearSessionCookie, setSessionCookie } from './http-auth.js';
import { errorResponses, IdParams } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import type { Actor } from '../../kernel/context.js';
import { changePassword, login, logout, refusedLogin } from './auth.service.js';
import { CreateTokenBody, LoginBody, Me, PasswordChangeBody, TokenItem } from './identity.schema.js';
import { grantableScopes } from '../access/policy.js';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.service.js';
import { ownAccount, rolesOf } from './users.service.js';

const tags = ['Xác thực (auth)'];

export async function presentMe(deps: Deps, actor: Actor) {
  const user = await ownAccount(deps.db, actor.userId);
  return {
    id: actor.userId,
    username: actor.username,
    fullName: actor.fullName,
    kind: actor.kind,
    homeUnitId: actor.homeUnitId,
    mustChangePassword: user?.mustChangePassword ?? false,
    identityLevel: actor.identityLevel ?? null,
    roles: (await rolesOf(deps.db, [actor.userId])).get(actor.userId)!,
    profile: { personalId: user?.personalId ?? null, phone: user?.phone ?? null, email: user?.email ?? null },
  };
}

export function authRoutes(app: App, deps: Deps): void {
  const { auth } = deps.services;
  app.post(
    '/api/auth/login',
    {
      config: { access: { public: 'signing in' } },
      schema: {
        tags,
        summary: 'Đăng nhập (login): opens a session cookie and returns the CSRF token',
        body: LoginBody,
        response: { 200: z.object({ user: Me, csrfToken: z.string() }), ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const result = await deps.db.transaction((tx) =>
        login(
          tx,
          request.ctx,
          { ...request.body, userAgent: request.headers['user-agent'] ?? null },
          auth,
          deps.clock.now(),
        ),
      );
      if (!result.ok) throw refusedLogin(result);
      setSessionCookie(reply, result.cookieValue, deps.env, auth);
      return { user: await presentMe(deps, result.actor), csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { signedIn: 'ends the caller’s own session' } },
      schema: { tags, summary: 'Đăng xuất (logout)', response: { 204: z.null(), ...errorResponses(401, 403) } },
    },
    async (request, reply) => {
      requireActor(request);
      if (request.sessionId) {
        const sessionId = request.sessionId;
        await deps.db.transaction((tx) => logout(tx, request.ctx, sessionId, deps.clock.now()));
      }
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: { signedIn: 'the caller’s own account' } },
      schema: {
        tags,
        summary: 'The signed-in user, roles per unit, and the CSRF token of a browser session',
        response: { 200: z.object({ user: Me, csrfToken: z.string().nullable() }), ...errorResponses(401) },
      },
    },
    async (request) => ({ user: await presentMe(deps, requireActor(request)), csrfToken: request.csrfToken }),
  );

  app.post(
    '/api/me/password',
    {
      config: { access: { signedIn: 'the caller’s own password' } },
      schema: {
        tags,
        summary: 'Đổi mật khẩu (change own password); ends the other sessions',
        body: PasswordChangeBody,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      requireActor(request);
      await deps.db.transaction((tx) =>
        changePassword(tx, request.ctx, { ...request.body, keepSessionId: request.sessionId }, auth, deps.clock.now()),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me/scopes',
    {
      config: { access: { signedIn: 'the caller’s own grantable scopes' } },
      schema: {
        tags,
        summary: 'Scopes the user may put on an API token (the actions its roles grant)',
        response: { 200: z.object({ scopes: z.array(z.string()) }), ...errorResponses(401) },
      },
    },
    async (request) => ({ scopes: grantableScopes(requireActor(request)) }),
  );

  app.get(
    '/api/me/tokens',
    {
      config: { access: { signedIn: 'the caller’s own API tokens' } },
      schema: {
        tags,
        summary: 'My API tokens',
        response: { 200: z.object({ items: z.array(TokenItem) }), ...errorResponses(401) },
      },
    },
    async (request) => ({ items: await listApiTokens(deps.db, requireActor(request).userId) }),
  );

  app.post(
    '/api/me/tokens',
    {
      config: { access: { signedIn: 'the caller’s own API tokens; a token cannot mint tokens', session: true } },
      schema: {
        tags,
        summary: 'Issue an API token (the plaintext is returned once)',
        body: CreateTokenBody,
        response: { 201: z.object({ token: z.string(), item: TokenItem }), ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      // A token may not mint tokens: it would outlive its own revocation.
      if (request.authVia === 'token') throw new AppError('FORBIDDEN');
      const created = await deps.db.transaction((tx) =>
        createApiToken(tx, request.ctx, actor, request.body, deps.clock.now()),
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/me/tokens/:id',
    {
      config: { access: { signedIn: 'the caller’s own API tokens' } },
      schema: {
        tags,
        summary: 'Revoke one of my API tokens',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await deps.db.transaction((tx) =>
        revokeApiToken(tx, request.ctx, actor.userId, request.params.id, deps.clock.now()),
      );
      return reply.status(204).send(null);
    },
  );
}
