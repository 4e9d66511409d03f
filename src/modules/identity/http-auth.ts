/**
 * Authentication on every API request: a bearer token (integrations) or the session cookie
 * (browsers). Cookie-authenticated requests that change state must echo the session's CSRF
 * token in X-CSRF-Token; bearer requests cannot be forged cross-site, so they need not.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthConfig } from './auth.config.js';
import { AppError } from '../../kernel/errors.js';
import { resolveApiToken, resolveSession } from './sessions.service.js';
import { safeEqual } from './secrets.js';
import type { App, Deps } from '../../kernel/http.js';

export const SESSION_COOKIE = 'motcua_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Requests that may change state without a CSRF token: they start a session, not use one. */
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/auth/oidc/link']);

export function registerAuth(app: App, deps: Deps): void {
  const { auth } = deps.services;
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('authVia', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (request, reply) => {
    request.ctx = { requestId: request.id, ip: request.ip, actor: null };
    if (!request.url.startsWith('/api/')) return;
    const bearer = bearerToken(request);
    if (bearer !== null) {
      const actor = await resolveApiToken(deps.db, bearer, deps.clock.now());
      if (!actor) throw new AppError('INVALID_TOKEN');
      request.ctx.actor = actor;
      request.authVia = 'token';
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const found = await resolveSession(deps.db, cookie, auth.session, deps.clock.now());
    if (found.status !== 'valid') {
      request.sessionExpired = found.status === 'expired';
      clearSessionCookie(reply);
      return;
    }
    request.ctx.actor = found.actor;
    request.authVia = 'session';
    request.sessionId = found.sessionId;
    request.csrfToken = found.csrfToken;
  });

  app.addHook('preHandler', async (request) => {
    if (request.authVia !== 'session' || !UNSAFE_METHODS.has(request.method)) return;
    if (CSRF_EXEMPT.has(request.routeOptions.url ?? '')) return;
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) {
      throw new AppError('CSRF_FAILED');
    }
  });
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('INVALID_TOKEN');
  return match[1]!;
}

export function setSessionCookie(reply: FastifyReply, value: string, env: Deps['env'], auth: AuthConfig): void {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: env.PUBLIC_URL?.startsWith('https://') ?? false,
    maxAge: auth.session.maxHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
