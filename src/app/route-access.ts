/**
 * Every /api route declares who may call it (`config.access`, kernel/http.ts RouteAccess): a
 * route added without its rule stops the start, so it cannot ship unnoticed, and the
 * authorization matrix (test/api/authz-matrix.test.ts) reads these declarations to call each
 * route as each kind of caller.
 */
import type { RouteOptions } from 'fastify';
import type { RouteAccess } from '../kernel/http.js';
import { ACTIONS } from '../modules/access/policy.js';

/** Served by the OpenAPI plugin: the document and its UI, public by nature. */
const isDocumentation = (url: string) =>
  url === '/api/openapi.json' || url === '/api/docs' || url.startsWith('/api/docs/');

/** Why a route's declaration is missing or wrong, or null when it is sound. */
export function accessProblem(route: Pick<RouteOptions, 'url' | 'method' | 'config'>): string | null {
  if (!route.url.startsWith('/api/') || isDocumentation(route.url)) return null;
  const access = (route.config as { access?: RouteAccess } | undefined)?.access;
  const name = `${String(route.method)} ${route.url}`;
  if (!access) return `${name} declares no access (config.access: public, signedIn or an action and its scope)`;
  if ('action' in access && !(ACTIONS as readonly string[]).includes(access.action)) {
    return `${name} declares an unknown action ${access.action}`;
  }
  return null;
}

/** A route as registered: what the authorization matrix walks. */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess | null;
  /** The route's Zod schemas (params, querystring, body), to build requests that pass validation. */
  schema: Record<string, unknown>;
}

const tables = new WeakMap<object, RouteEntry[]>();

/** The /api routes an app registered, with their declarations (recorded by watchRouteAccess). */
export function routeTable(app: object): readonly RouteEntry[] {
  return tables.get(app) ?? [];
}

/** Checks each route as it is registered (an undeclared one throws) and records it. */
export function watchRouteAccess(app: {
  addHook(name: 'onRoute', hook: (route: RouteOptions) => void): unknown;
}): void {
  const table: RouteEntry[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    const problem = accessProblem(route);
    if (problem) throw new Error(problem);
    for (const method of [route.method].flat()) {
      const access = (route.config as { access?: RouteAccess } | undefined)?.access ?? null;
      table.push({
        method: String(method),
        url: route.url,
        access,
        schema: (route.schema ?? {}) as Record<string, unknown>,
      });
    }
  });
}
