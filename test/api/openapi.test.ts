import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../src/kernel/env.js';
import { createTestApp, type TestApp } from '../../src/app/testing/app.js';

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
type Spec = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
    securitySchemes: Record<string, unknown>;
  };
};

let t: TestApp;
let spec: Spec;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  spec = res.json();
});
afterAll(() => t.close());

/**
 * The routes the app serves, read from Fastify's own route tree (printRoutes): one line per
 * node, "├── segment (GET, HEAD)", nested four columns per level.
 */
function registeredRoutes(): { method: string; path: string }[] {
  const text = t.app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: { method: string; path: string }[] = [];
  for (const line of text.split('\n')) {
    const match = /^(.*?)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (depth === 0 ? '' : stack[depth - 1]!) + match[2]!;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of match[3]?.split(', ') ?? []) routes.push({ method, path });
  }
  return routes;
}

/** Routes that are deliberately not documented: the document itself, the UI and the web app. */
const isHidden = (path: string) =>
  !path.startsWith('/api/') || path === '/api/openapi.json' || path === '/api/docs' || path.startsWith('/api/docs/');

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const toFastifyPath = (path: string) => path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
const operations = () =>
  Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document for this version, with both ways to authenticate', () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.info).toMatchObject({ title: 'MotCua API', version: APP_VERSION });
    expect(Object.keys(spec.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
  });

  it('the route parser sees the foundation routes (sanity check of the comparison below)', () => {
    const seen = registeredRoutes().map((r) => `${r.method} ${r.path}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/auth/login',
        'GET /api/units',
        'POST /api/units',
        'PATCH /api/units/:id',
        'POST /api/units/:id/close',
        'PUT /api/users/:id/roles',
        'DELETE /api/me/tokens/:id',
        'GET /api/openapi.json',
      ]),
    );
  });

  it('documents every registered API route', () => {
    const missing = registeredRoutes()
      .filter((r) => r.method !== 'HEAD' && !isHidden(r.path))
      .filter((r) => !spec.paths[toOpenApiPath(r.path)]?.[r.method.toLowerCase()])
      .map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('documents nothing the app does not serve, and hides the document and the UI', () => {
    for (const { path, method } of operations()) {
      expect(t.app.hasRoute({ method: method as 'GET', url: toFastifyPath(path) }), `${method} ${path}`).toBe(true);
    }
    expect(Object.keys(spec.paths).filter((p) => p.startsWith('/api/docs') || p === '/api/openapi.json')).toEqual([]);
  });

  it('gives every operation a summary and a tag', () => {
    for (const { path, method, op } of operations()) {
      expect(op.summary, `${method} ${path}`).toBeTruthy();
      expect(op.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
    }
  });

  it('describes every 4xx response with the shared Error schema', () => {
    const errorSchema = spec.components.schemas.Error!;
    expect(errorSchema.required).toEqual(['error']);
    expect(JSON.stringify(errorSchema.properties)).toContain('"required":["code","message"]');
    const wrong: string[] = [];
    for (const { path, method, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^4\d\d$/.test(status)) continue;
        const ref = response.content?.['application/json']?.schema?.$ref;
        if (ref !== '#/components/schemas/Error') wrong.push(`${method} ${path} ${status}: ${ref}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('documents 400 wherever a request has input', () => {
    const missing400: string[] = [];
    for (const { path, method, op } of operations()) {
      const hasInput = !!op.requestBody || (op.parameters?.length ?? 0) > 0;
      if (hasInput && !op.responses['400']) missing400.push(`${method} ${path}`);
    }
    expect(missing400).toEqual([]);
  });

  it('documents the error an anonymous caller actually gets from each operation', async () => {
    const sample: Record<string, string> = { year: '2026', code: 'x' };
    const undocumented: string[] = [];
    for (const { path, method, op } of operations()) {
      const url = path.replace(
        /\{([A-Za-z0-9_]+)\}/g,
        (_m, name: string) => sample[name] ?? '7b0a4a52-63c1-4f8e-9d55-0c2f4d3b1a99',
      );
      const res = await t.app.inject({ method: method as 'GET', url });
      expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
      if (res.statusCode >= 400 && !op.responses[String(res.statusCode)])
        undocumented.push(`${method} ${path} → ${res.statusCode}`);
    }
    expect(undocumented).toEqual([]);
  });

  it('reuses the named domain schemas', () => {
    for (const name of ['Error', 'Unit', 'UnitNode', 'UnitDetail', 'User', 'UserSummary', 'Me', 'ApiToken']) {
      expect(spec.components.schemas, name).toHaveProperty(name);
    }
    const unitById = spec.paths['/api/units/{id}']!.get!;
    expect(unitById.responses['200']!.content!['application/json']!.schema!.$ref).toBe(
      '#/components/schemas/UnitDetail',
    );
    expect(Object.keys(unitById.responses).sort()).toEqual(['200', '400', '404']);
    expect(unitById.parameters).toEqual([expect.objectContaining({ in: 'path', name: 'id' })]);
  });
});

describe('GET /api/docs', () => {
  it('serves the interactive documentation as HTML', async () => {
    let res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    if (res.statusCode >= 300 && res.statusCode < 400) {
      res = await t.app.inject({
        method: 'GET',
        url: new URL(res.headers.location as string, 'http://localhost/api/docs').pathname,
      });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
    expect(res.body).toMatch(/swagger/i);
  });

  it('its UI reads the same document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths).toEqual(spec.paths);
  });
});
