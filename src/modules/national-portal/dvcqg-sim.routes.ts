/**
 * The simulated national portal over HTTP, only when NATIONAL_PORTAL_URL is unset: `POST
 * /sim/dvcqg/auth` and `POST /sim/dvcqg/integration`, the messages of dvcqg-protocol.ts. Another
 * client (or ours, pointed at this server's URL) talks to it as to the real portal.
 */
import type { App, Deps } from '../../kernel/http.js';
import { SIM_BASE, simulatedPortal } from './dvcqg-simulator.js';

export function dvcqgSimRoutes(app: App, deps: Deps): void {
  if (deps.env.NATIONAL_PORTAL_URL) return;
  const portal = simulatedPortal(deps.db, deps.env);
  const body = (raw: unknown) => (raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {});
  app.post(`${SIM_BASE}/auth`, { schema: { hide: true } }, async (request) => portal.login(body(request.body)));
  app.post(`${SIM_BASE}/integration`, { schema: { hide: true } }, async (request) =>
    portal.integration(body(request.body)),
  );
}
