/** HTTP types every module's routes use, and the request's authentication state. */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from './clock.js';
import type { Actor, RequestContext } from './context.js';
import type { Database, DbHandle } from './db.js';
import type { Env } from './env.js';
import { AppError } from './errors.js';
import type { DossierActionGuard, FileAccessResolver, OutboxSubscriber, PeriodicTask } from './module.js';

/** The Fastify instance with Zod schemas as the type provider. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * Shared services built once by the composition root (src/app) and handed to every module:
 * each module that provides one adds its type here by declaration merging
 * (`declare module '…/kernel/http.js' { interface Services { files: FileStorage } }`).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in the modules that provide services
export interface Services {}

/** What a module's routes and tasks get: the database, settings, clock and shared services; nothing request-specific. */
export interface Deps {
  handle: DbHandle;
  db: Database;
  env: Env;
  clock: Clock;
  services: Services;
  /** What every module offers at the extension points, gathered by the composition root. */
  extensions: Extensions;
}

export interface Extensions {
  periodicTasks: readonly PeriodicTask[];
  outboxSubscribers: readonly OutboxSubscriber[];
  fileAccess: readonly FileAccessResolver[];
  dossierActionGuards: readonly DossierActionGuard[];
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

/** The acting user, or 401 (SESSION_EXPIRED when an old session cookie was sent). */
export function requireActor(request: FastifyRequest): Actor {
  const actor = request.ctx.actor;
  if (actor) return actor;
  throw new AppError(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
}

/**
 * Where an action must be held for a route (RouteAccess), relative to what the request names:
 * - `unit`: over the unit the request names or the record belongs to (a role covers its subtree);
 * - `record`: over a unit the record (dossier, feedback, booking) touches, or by the citizen who owns it;
 * - `owner`: only by the citizen who owns the record;
 * - `province`: over a province root (province-wide logs and configuration);
 * - `anywhere`: over any unit; what comes back is limited to where it is held;
 * - `own`: a citizen on their own records, or staff holding it anywhere (a list scoped to the caller);
 * - `opened`: a citizen on their own records; staff only within an access they opened themselves and
 *   that names the record (a read of an applicant's data store), whatever unit they sit in.
 */
export type AccessScope = 'unit' | 'record' | 'owner' | 'province' | 'anywhere' | 'own' | 'opened';

/**
 * Who may call a route, declared beside it as data (`config: { access }`): the composition root
 * refuses to start with an /api route that declares none, and the authorization matrix
 * (test/api/authz-matrix.test.ts) calls every route as every kind of caller against it.
 * - `public`: anyone, anonymous included (the text says why);
 * - `signedIn`: any signed-in account, on its own things (`only`: one kind of account; `session`:
 *   not through an API token);
 * - `action`: the policy action (modules/access/policy.ts) the route authorizes, and where it must
 *   be held; `personalData`: staff reading it leave an audit row.
 */
export type RouteAccess =
  | { public: string }
  | { signedIn: string; only?: 'citizen' | 'staff'; session?: true }
  | { action: string; scope: AccessScope; personalData?: true };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
