/**
 * The VNeID simulator over HTTP, only outside production and when OIDC_ISSUER is unset: the
 * provider's own endpoints under /sim/vneid (discovery at /sim/vneid/.well-known/openid-configuration,
 * authorization, token, userinfo, jwks, end session) and its sign-in/consent page.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { App, Deps } from '../../kernel/http.js';
import { publicOrigin, usesSimulator } from './oidc.config.js';
import { simLoginPage } from './vneid-sim.page.js';
import {
  SIM_PEOPLE,
  simPersonByPersonalId,
  simulatorFor,
  VNEID_SIM_BASE,
  VNEID_SIM_PASSCODE,
} from './vneid-simulator.js';
import { VNEID_ACR } from './vneid-claims.rules.js';

const CLIENT_NAME = 'Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh';

function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function vneidSimRoutes(app: App, deps: Deps): void {
  if (!usesSimulator(deps.env)) return;
  const providerOf = (request: FastifyRequest) =>
    simulatorFor(publicOrigin(deps.env, requestOrigin(request)), deps.env);

  // The provider's endpoints: oidc-provider reads its own bodies, so Fastify parses none here.
  app.register(async (sim: FastifyInstance) => {
    sim.removeAllContentTypeParsers();
    sim.addContentTypeParser('*', (_request, _payload, done) => done(null));
    sim.route({
      method: ['GET', 'POST', 'OPTIONS'],
      url: `${VNEID_SIM_BASE}/*`,
      schema: { hide: true },
      async handler(request, reply) {
        const provider = await providerOf(request);
        const raw = request.raw as IncomingMessage & { originalUrl?: string };
        // As a mounted Koa app sees it: the path below the mount, the full one in originalUrl.
        raw.originalUrl = raw.url;
        raw.url = raw.url!.slice(VNEID_SIM_BASE.length) || '/';
        reply.hijack();
        provider.callback()(raw, reply.raw);
      },
    });
  });

  // The sign-in and consent page (one step: the person reads what is shared, then signs in).
  app.register(async (page: FastifyInstance) => {
    page.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    const url = `${VNEID_SIM_BASE}/interaction/:uid`;
    page.get(url, { schema: { hide: true } }, async (request, reply) => {
      const provider = await providerOf(request);
      const details = await provider.interactionDetails(request.raw, reply.raw);
      return reply.type('text/html; charset=utf-8').send(
        simLoginPage({
          uid: details.uid,
          clientName: CLIENT_NAME,
          scopes: scopesOf(details.params),
          people: SIM_PEOPLE,
        }),
      );
    });
    page.post(url, { schema: { hide: true } }, async (request, reply) => {
      const provider = await providerOf(request);
      const details = await provider.interactionDetails(request.raw, reply.raw);
      const form = (request.body ?? {}) as Record<string, string | undefined>;
      if (form.decision === 'deny') {
        const to = await provider.interactionResult(request.raw, reply.raw, {
          error: 'access_denied',
          error_description: 'Người dùng không đồng ý.',
        });
        return reply.redirect(to, 303);
      }
      const personalId = (form.personalId ?? '').trim();
      const person = simPersonByPersonalId(personalId);
      if (!person || form.passcode !== VNEID_SIM_PASSCODE) {
        const html = simLoginPage({
          uid: details.uid,
          clientName: CLIENT_NAME,
          scopes: scopesOf(details.params),
          people: SIM_PEOPLE,
          error: 'Số định danh cá nhân hoặc mật khẩu không đúng.',
          personalId,
        });
        return reply.status(401).type('text/html; charset=utf-8').send(html);
      }
      const grant = new provider.Grant({ accountId: person.sub, clientId: details.params.client_id! });
      grant.addOIDCScope(scopesOf(details.params).join(' '));
      const grantId = await grant.save();
      const to = await provider.interactionResult(
        request.raw,
        reply.raw,
        {
          login: { accountId: person.sub, acr: person.level === 2 ? VNEID_ACR.level2 : VNEID_ACR.level1 },
          consent: { grantId },
        },
        { mergeWithLastSubmission: false },
      );
      return reply.redirect(to, 303);
    });
  });
}

function scopesOf(params: Record<string, string | undefined>): string[] {
  return (params.scope ?? 'openid').split(' ').filter(Boolean);
}
