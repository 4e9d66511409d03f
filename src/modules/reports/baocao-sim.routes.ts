/**
 * The simulated reporting system over HTTP, only when REPORTING_SYSTEM_URL is unset (and not in
 * production): `POST /sim/baocao/api/v1/bao-cao` and `GET` of the same path (what it holds).
 */
import type { App, Deps } from '../../kernel/http.js';
import { BAOCAO_PATH } from './baocao-protocol.js';
import { SIM_BASE, simulatedReportingSystem } from './baocao-simulator.js';

export function baocaoSimRoutes(app: App, deps: Deps): void {
  if (deps.env.REPORTING_SYSTEM_URL || deps.env.NODE_ENV === 'production') return;
  const system = simulatedReportingSystem(deps.db, deps.env);
  const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  app.post(`${SIM_BASE}${BAOCAO_PATH}`, { schema: { hide: true } }, async (request, reply) => {
    const authorization = header(request.headers.authorization);
    const idempotencyKey = header(request.headers['idempotency-key']);
    const answer = await system.receive(
      {
        ...(authorization !== undefined ? { authorization } : {}),
        ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      },
      request.body,
    );
    return reply.code(answer.status).send(answer.body);
  });
  app.get(`${SIM_BASE}${BAOCAO_PATH}`, { schema: { hide: true } }, async () => system.list());
}
