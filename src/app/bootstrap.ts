import type { Env } from '../kernel/env.js';
import type { DbHandle } from '../kernel/db.js';
import { appDeps, composition, openAppDatabase } from './composition.js';
import { applyMigrations } from '../kernel/migrate.js';
import { authConfigFromEnv } from '../modules/identity/auth.config.js';
import { seedDemoIfEmpty } from '../modules/demo/seed-demo.js';
import { systemClock } from '../kernel/clock.js';
import { buildApp } from './http-app.js';
import type { App } from '../kernel/http.js';

export interface Running {
  app: App;
  handle: DbHandle;
  seeded: boolean;
  close(): Promise<void>;
}

/**
 * The demo SEED_DEMO asks for, into an empty database. The living one runs before the server
 * listens: its services read a `Date` that steps through the past (demo/living/travel-date.ts),
 * which nothing else may see.
 */
export async function seedDemoFromEnv(handle: DbHandle, env: Env, scryptLogN: number): Promise<boolean> {
  if (!env.SEED_DEMO) return false;
  const common = { password: env.DEMO_PASSWORD, scryptLogN };
  if (env.SEED_DEMO === 'minimal') return seedDemoIfEmpty(handle.db, { ...common, kind: 'minimal' });
  const services = composition.services(env);
  return seedDemoIfEmpty(handle.db, {
    ...common,
    kind: 'living',
    env,
    files: services.files,
    national: services.nationalData,
    now: systemClock.now(),
  });
}

export function openDatabaseFromEnv(env: Env, overrides: { dataDir?: string } = {}): Promise<DbHandle> {
  return openAppDatabase({
    databaseUrl: env.DATABASE_URL,
    poolSize: env.DATABASE_POOL_SIZE,
    dataDir: overrides.dataDir ?? env.DATA_DIR,
    // Before the app (and its logger) exists; the message names the fault, never any data.
    onIdleError: (error) => console.warn(`database: an idle connection was lost (${error.message})`),
  });
}

/**
 * Opens the database, migrates, seeds the demo province on first run, and builds the app
 * (not yet listening). Shared by `npm start`, the browser tests and the CLI tools.
 */
export async function bootstrap(env: Env, handle?: DbHandle): Promise<Running> {
  const db = handle ?? (await openDatabaseFromEnv(env));
  await applyMigrations(db);
  const auth = authConfigFromEnv(env);
  const seeded = await seedDemoFromEnv(db, env, auth.scryptLogN);
  const app = await buildApp(appDeps(db, env));
  return {
    app,
    handle: db,
    seeded,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
