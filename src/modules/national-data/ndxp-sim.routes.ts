/**
 * The simulated national data-sharing platform over HTTP, only outside production and when
 * NATIONAL_DATA_URL is unset: `POST /sim/ndxp/token` (form) and the JSON services of
 * ndxp-protocol.ts. Another client (or ours, pointed at this server's URL) talks to it as to the
 * real platform.
 */
import type { FastifyInstance } from 'fastify';
import type { App, Deps } from '../../kernel/http.js';
import { NDXP_PATHS } from './ndxp-protocol.js';
import { SIM_BASE, simulatedPlatform } from './ndxp-simulator.js';

export function ndxpSimRoutes(app: App, deps: Deps): void {
  if (deps.env.NATIONAL_DATA_URL || deps.env.NODE_ENV === 'production') return;
  const platform = simulatedPlatform(deps.env);
  app.register(async (sim: FastifyInstance) => {
    sim.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    for (const path of Object.values(NDXP_PATHS)) {
      sim.post(`${SIM_BASE}${path}`, { schema: { hide: true } }, async (request, reply) => {
        const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
        const out = platform.handle(request.url.split('?')[0]!, { authorization: request.headers.authorization }, body);
        return reply.status(out.status).send(out.body);
      });
    }
  });
}
