/**
 * An in-process app on a fresh database, and a small client that logs in as a demo account and
 * carries its cookie and CSRF token — requests go through the real router (app.inject).
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../http-app.js';
import type { App, Deps } from '../../kernel/http.js';
import { appDeps } from '../composition.js';
import { DEMO_PASSWORD, freshDatabase } from './database.js';
import { testEnv } from './env.js';
import type { DbHandle } from '../../kernel/db.js';
import type { Clock } from '../../kernel/clock.js';

export interface TestApp {
  app: App;
  deps: Deps;
  handle: DbHandle;
  /** Logs in (demo password by default) and returns a client bound to that session. */
  login(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  user: { id: string; username: string };
  /** A request with this session's cookie and (for state changes) its CSRF token. */
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function createTestApp(
  options: { demo?: boolean; env?: Record<string, string>; clock?: Clock } = {},
): Promise<TestApp> {
  const handle = await freshDatabase({ demo: options.demo ?? true });
  const env = testEnv(options.env);
  const deps: Deps = appDeps(handle, env, options.clock);
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    handle,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'motcua_session')!.value;
      const body = res.json() as { csrfToken: string; user: { id: string; username: string } };
      return {
        cookie,
        csrfToken: body.csrfToken,
        user: body.user,
        request: (opts) =>
          app.inject({
            ...opts,
            cookies: { ...(opts.cookies ?? {}), motcua_session: cookie },
            headers: { 'x-csrf-token': body.csrfToken, ...(opts.headers ?? {}) },
          }),
      };
    },
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
