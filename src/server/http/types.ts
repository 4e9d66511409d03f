import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DbHandle, Database } from '../db/client.js';
import type { Env } from '../env.js';
import type { AuthConfig } from '../../modules/identity/auth.config.js';
import type { RequestContext } from '../context.js';

/** The Fastify instance with Zod schemas as the type provider. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What route modules get: the database and settings, nothing request-specific. */
export interface Deps {
  handle: DbHandle;
  db: Database;
  env: Env;
  auth: AuthConfig;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    /** How the request authenticated: browser session cookie, bearer token, or not at all. */
    authVia: 'session' | 'token' | null;
    sessionId: string | null;
    csrfToken: string | null;
    /** A session cookie was sent but had expired (401 SESSION_EXPIRED rather than UNAUTHENTICATED). */
    sessionExpired: boolean;
  }
}
