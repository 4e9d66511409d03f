/**
 * The SMS gateway and Zalo ZNS simulators over HTTP (when their provider is not configured): the
 * protocol endpoints under /sim/sms/ and /sim/zalo/ (the same handlers the adapters call
 * in-process), and the lists of what was sent, newest first — also of the mail sink when no
 * SMTP_URL is set. The Zalo simulator reports each message delivered to our webhook, signed,
 * through the router as Zalo's HTTPS call would arrive.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../kernel/http.js';
import type { SimulatedGateway } from './gateway-simulators.js';
import { znsSignature } from './zns-webhook.js';

type Handler = { handle(request: Request): Promise<Response> };

async function forward(handler: Handler, request: FastifyRequest, reply: FastifyReply) {
  const body =
    typeof request.body === 'string'
      ? request.body
      : request.body === undefined
        ? undefined
        : JSON.stringify(request.body);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
  const answer = await handler.handle(
    new Request(`http://sim${request.url}`, { method: request.method, headers, body }),
  );
  reply
    .status(answer.status)
    .header('content-type', 'application/json')
    .send(await answer.text());
}

export function gatewaySimRoutes(app: App, { env, services }: Deps): void {
  const { sms, zalo, mail } = services.notificationSimulators;
  if (zalo) {
    zalo.onDelivered = async (event) => {
      const payload = JSON.stringify(event);
      const response = await app.inject({
        method: 'POST',
        url: '/api/notifications/zalo/callback',
        headers: {
          'content-type': 'application/json',
          'x-zevent-signature': znsSignature(env.ZALO_APP_ID, payload, event.timestamp, env.ZALO_APP_SECRET),
        },
        payload,
      });
      if (response.statusCode !== 200) throw new Error(`callback ${response.statusCode}`);
    };
  }
  app.register(async (sim: FastifyInstance) => {
    sim.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    const list = (path: string, gateway: SimulatedGateway | null) => {
      if (gateway) sim.get(path, { schema: { hide: true } }, async () => ({ items: gateway.list() }));
    };
    list('/sim/sms/messages', sms);
    list('/sim/zalo/messages', zalo);
    list('/sim/mail/messages', mail);
    if (sms) sim.post('/sim/sms/send', { schema: { hide: true } }, (request, reply) => forward(sms, request, reply));
    if (zalo) {
      sim.post('/sim/zalo/v4/oa/access_token', { schema: { hide: true } }, (request, reply) =>
        forward(zalo, request, reply),
      );
      sim.post('/sim/zalo/message/template', { schema: { hide: true } }, (request, reply) =>
        forward(zalo, request, reply),
      );
    }
  });
}
