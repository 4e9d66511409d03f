import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { App } from '../kernel/http.js';

/** The built web app (vite build → dist/web), from src/app or dist/app alike. */
export const WEB_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * Serves the web app and answers unknown non-API paths with index.html (client-side routes).
 * Returns false when the app has not been built, so the API still runs (tests, API-only nodes).
 */
export async function registerWeb(app: App): Promise<boolean> {
  if (!existsSync(`${WEB_DIR}/index.html`)) return false;
  await app.register(fastifyStatic, { root: WEB_DIR, wildcard: false, index: 'index.html', maxAge: '1h' });
  return true;
}
