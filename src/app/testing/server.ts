/**
 * The real server for browser tests: builds the web app when dist/web is missing or older than
 * its sources, then listens on a random local port over a fresh in-memory database with the
 * demo province and accounts (password DEMO_PASSWORD).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appDeps } from '../composition.js';
import { buildApp } from '../http-app.js';
import type { Deps } from '../../kernel/http.js';
import { WEB_DIR } from '../web.js';
import { freshDatabase } from './database.js';
import { testEnv } from './env.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const WEB_SOURCES = join(REPO, 'src/web');
const VITE_CONFIG = join(REPO, 'vite.config.ts');

export interface TestServer {
  url: string;
  /** The database behind it, for what no API shows (e.g. the notifier simulator's outbox). */
  db: Deps['db'];
  /** Its dependencies (the shared services: notification channels and simulators, …). */
  deps: Deps;
  close(): Promise<void>;
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Builds dist/web with Vite unless a build newer than every source is already there. */
export async function ensureWebBuilt(): Promise<void> {
  const index = join(WEB_DIR, 'index.html');
  if (existsSync(index)) {
    const built = statSync(index).mtimeMs;
    if (built >= Math.max(newestMtime(WEB_SOURCES), newestMtime(VITE_CONFIG))) return;
  }
  const { build } = await import('vite');
  await build({ configFile: VITE_CONFIG, logLevel: 'warn' });
}

/** `env`: settings over the test defaults (e.g. SMTP_URL of a mail server the test started). */
export async function startTestServer(options: { env?: Record<string, string> } = {}): Promise<TestServer> {
  await ensureWebBuilt();
  const handle = await freshDatabase({ demo: true });
  const env = testEnv(options.env);
  const deps: Deps = appDeps(handle, env);
  const app = await buildApp(deps);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    db: handle.db,
    deps,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
