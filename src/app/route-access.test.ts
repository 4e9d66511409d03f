import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { accessProblem, routeTable, watchRouteAccess } from './route-access.js';

describe('route access declarations', () => {
  it('refuses an /api route that declares no access, naming it', async () => {
    const app = Fastify();
    watchRouteAccess(app);
    expect(() => app.get('/api/new-thing', async () => ({}))).toThrow(/GET \/api\/new-thing declares no access/);
    await app.close();
  });

  it('refuses an action the policy does not know', () => {
    const problem = accessProblem({
      method: 'POST',
      url: '/api/x',
      config: { access: { action: 'dossier.delete', scope: 'unit' } },
    });
    expect(problem).toBe('POST /api/x declares an unknown action dossier.delete');
  });

  it('records declared routes; pages, simulators and the API document need none', async () => {
    const app = Fastify();
    watchRouteAccess(app);
    app.get('/api/y', { config: { access: { public: 'test' } } }, async () => ({}));
    app.get('/sim/peer/z', async () => ({}));
    app.get('/api/openapi.json', async () => ({}));
    expect(routeTable(app).map((r) => `${r.method} ${r.url} ${JSON.stringify(r.access)}`)).toEqual([
      'GET /api/y {"public":"test"}',
      'HEAD /api/y {"public":"test"}',
      'GET /sim/peer/z null',
      'HEAD /sim/peer/z null',
      'GET /api/openapi.json null',
      'HEAD /api/openapi.json null',
    ]);
    await app.close();
  });
});
