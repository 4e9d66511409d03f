/**
 * The relying party's routes: /api/auth/oidc/start → the provider → /api/auth/oidc/callback →
 * signed in (or asked to prove the existing account's password, /login?link=…), RP-initiated and
 * back-channel logout, the settings the login page reads, and the caller's identity prefill.
 * Browser navigations end in redirects; a refusal lands on /login?oidcError=<code>.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../kernel/errors.js';
import { requireActor, type App, type Deps } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import { presentMe } from '../identity/auth.routes.js';
import { logout, refusedLogin } from '../identity/auth.service.js';
import { clearSessionCookie, setSessionCookie } from '../identity/http-auth.js';
import { Me } from '../identity/identity.schema.js';
import { decodeTransaction, encodeTransaction, RelyingParty } from './oidc-client.js';
import { oidcEnabled, publicOrigin } from './oidc.config.js';
import {
  BackchannelBody,
  CallbackQuery,
  IdentityPrefillView,
  LinkBody,
  OidcSettings,
  StartQuery,
} from './oidc.schema.js';
import { completeLink, endProviderSessions, isProviderSession, signInWithProvider } from './oidc.service.js';
import { identityPrefillOf } from './profile.query.js';
import { readClaims } from './vneid-claims.rules.js';

const tags = ['Xác thực (auth)'];
const TX_COOKIE = 'motcua_oidc';
const TX_COOKIE_PATH = '/api/auth/oidc';
const Redirect = z.null().describe('A redirect (Location)');

/** A local path only (no scheme, no host, no `//`): nothing can send the browser elsewhere. */
function localPath(next: string | undefined | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : null;
}

function originOf(request: FastifyRequest, deps: Deps): string {
  return publicOrigin(deps.env, `${request.protocol}://${request.host}`);
}

function loginPageWith(param: string, value: string): string {
  return `/login?${new URLSearchParams({ [param]: value }).toString()}`;
}

export function oidcRoutes(app: App, deps: Deps): void {
  const { auth } = deps.services;
  const rp = new RelyingParty(deps.env);
  const enabled = oidcEnabled(deps.env);
  const secure = deps.env.PUBLIC_URL?.startsWith('https://') ?? false;
  const requireEnabled = () => {
    if (!enabled) throw new AppError('OIDC_DISABLED');
  };

  app.get(
    '/api/auth/oidc/config',
    {
      config: { access: { public: 'the login page shows the sign-in buttons before anyone signs in' } },
      schema: {
        tags,
        summary: 'Sign-in options: identity provider, password login for citizens',
        response: { 200: OidcSettings },
      },
    },
    async () => ({
      enabled,
      providerName: deps.env.OIDC_PROVIDER_NAME,
      citizenPasswordLogin: deps.env.CITIZEN_PASSWORD_LOGIN,
    }),
  );

  app.get(
    '/api/auth/oidc/start',
    {
      config: { access: { public: 'starts signing in at the identity provider' } },
      schema: {
        tags,
        summary: 'Đăng nhập bằng VNeID: redirects to the provider (code flow, PKCE, state, nonce)',
        querystring: StartQuery,
        response: { 302: Redirect, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      requireEnabled();
      const started = await rp.start(originOf(request, deps), localPath(request.query.next)).catch((error: unknown) => {
        // A browser navigation: back to the login page, which says the provider cannot be reached.
        if (error instanceof AppError) return error;
        throw error;
      });
      if (started instanceof AppError) return reply.redirect(loginPageWith('oidcError', started.code), 302);
      const { url, transaction } = started;
      reply.setCookie(TX_COOKIE, encodeTransaction(transaction), {
        path: TX_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: 600,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: { access: { public: 'the provider returns the browser here; the answer is checked against its cookie' } },
      schema: {
        tags,
        summary: 'The provider’s answer: signs in, or asks to prove an existing account (redirects)',
        querystring: CallbackQuery,
        response: { 302: Redirect, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      requireEnabled();
      const transaction = decodeTransaction(request.cookies[TX_COOKIE]);
      reply.clearCookie(TX_COOKIE, { path: TX_COOKIE_PATH });
      try {
        if (!transaction) throw new AppError('OIDC_STATE_MISMATCH');
        if (request.query.error) throw new AppError('OIDC_DENIED');
        const query = new URLSearchParams(request.query as Record<string, string>);
        const signIn = await rp.finish(originOf(request, deps), query, transaction);
        const reading = readClaims(signIn.claims, {
          personalIdClaim: deps.env.OIDC_PERSONAL_ID_CLAIM,
          level2Acr: deps.env.OIDC_LEVEL2_ACR,
        });
        if (!reading.ok) throw new AppError('OIDC_PERSONAL_ID_MISSING');
        const outcome = await deps.db.transaction((tx) =>
          signInWithProvider(tx, request.ctx, signIn, reading, {
            auth,
            staffEnabled: deps.env.OIDC_STAFF_ENABLED,
            userAgent: request.headers['user-agent'] ?? null,
            returnTo: transaction.returnTo,
            now: deps.clock.now(),
          }),
        );
        if (outcome.kind === 'linkRequired') return reply.redirect(loginPageWith('link', outcome.token), 302);
        setSessionCookie(reply, outcome.cookieValue, deps.env, auth);
        const home = outcome.actor.kind === 'citizen' ? '/' : '/staff';
        return reply.redirect(transaction.returnTo ?? home, 302);
      } catch (error) {
        if (error instanceof AppError) return reply.redirect(loginPageWith('oidcError', error.code), 302);
        throw error;
      }
    },
  );

  app.post(
    '/api/auth/oidc/link',
    {
      config: { access: { public: 'proves the existing account’s password to link the provider’s sign-in' } },
      schema: {
        tags,
        summary: 'Liên kết tài khoản: proves the MotCua password, links the identity, opens the session',
        body: LinkBody,
        response: {
          200: z.object({ user: Me, csrfToken: z.string(), returnTo: z.string().nullable() }),
          ...errorResponses(400, 401, 403, 404, 429),
        },
      },
    },
    async (request, reply) => {
      requireEnabled();
      const result = await deps.db.transaction((tx) =>
        completeLink(
          tx,
          request.ctx,
          { ...request.body, userAgent: request.headers['user-agent'] ?? null },
          auth,
          deps.clock.now(),
        ),
      );
      if (!result.ok) throw refusedLogin(result);
      setSessionCookie(reply, result.session.cookieValue, deps.env, auth);
      return {
        user: await presentMe(deps, result.session.actor),
        csrfToken: result.session.csrfToken,
        returnTo: result.returnTo,
      };
    },
  );

  app.post(
    '/api/auth/oidc/logout',
    {
      config: { access: { signedIn: 'ends the caller’s own session, and at the provider' } },
      schema: {
        tags,
        summary: 'Đăng xuất: ends the session; for a provider’s session, where to end it there too',
        response: { 200: z.object({ endSessionUrl: z.string().nullable() }), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const sessionId = request.sessionId;
      let viaProvider = false;
      if (sessionId) {
        viaProvider = await deps.db.transaction(async (tx) => {
          const fromProvider = await isProviderSession(tx, sessionId);
          await logout(tx, request.ctx, sessionId, deps.clock.now());
          return fromProvider;
        });
      }
      clearSessionCookie(reply);
      if (!viaProvider || !enabled) return { endSessionUrl: null };
      const origin = originOf(request, deps);
      const endSessionUrl = await rp.endSessionUrl(origin, `${origin}/login`).catch(() => null);
      return { endSessionUrl };
    },
  );

  // The provider posts a form (application/x-www-form-urlencoded), not JSON.
  app.register(async (scope: FastifyInstance) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    (scope as App).post(
      '/api/auth/oidc/backchannel-logout',
      {
        config: { access: { public: 'the provider ends sessions; the signed logout token is the proof' } },
        schema: {
          tags,
          summary: 'Back-channel logout (OpenID Connect Back-Channel Logout 1.0): ends the provider’s sessions here',
          body: BackchannelBody,
          response: { 200: z.object({ ended: z.number().int() }), ...errorResponses(400, 404) },
        },
      },
      async (request, reply) => {
        requireEnabled();
        const logoutToken = await rp.logoutToken(originOf(request, deps), request.body.logout_token);
        const ended = await deps.db.transaction((tx) =>
          endProviderSessions(tx, request.ctx, logoutToken, deps.clock.now()),
        );
        reply.header('cache-control', 'no-store');
        return { ended };
      },
    );
  });

  app.get(
    '/api/me/identity-profile',
    {
      config: { access: { signedIn: 'the caller’s own data from the identity provider' } },
      schema: {
        tags,
        summary:
          'What the identity provider says about me (source "identity provider"), to prefill the profile and e-forms',
        response: { 200: IdentityPrefillView, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const prefill = await identityPrefillOf(deps.db, requireActor(request).userId);
      if (!prefill) throw new AppError('IDENTITY_PROFILE_NOT_FOUND');
      return prefill;
    },
  );
}
