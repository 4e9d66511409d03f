import type { Env } from '../kernel/env.js';
import type { DbHandle } from '../kernel/db.js';
import { appDeps, openAppDatabase } from './composition.js';
import { applyMigrations } from '../kernel/migrate.js';
import { authConfigFromEnv } from '../modules/identity/auth.config.js';
import { seedDemoIfEmpty } from '../modules/demo/seed-demo.js';
import { buildApp } from './http-app.js';
import type { App } from '../kernel/http.js';

export interface Running {
  app: App;
  handle: DbHandle;
  seeded: boolean;
  close(): Promise<void>;
}

export function openDatabaseFromEnv(env: Env, overrides: { dataDir?: string } = {}): Promise<DbHandle> {
  return openAppDatabase({ databaseUrl: env.DATABASE_URL, dataDir: overrides.dataDir ?? env.DATA_DIR });
}

/**
 * Opens the database, migrates, seeds the demo province on first run, and builds the app
 * (not yet listening). Shared by `npm start`, the browser tests and the CLI tools.
 */
export async function bootstrap(env: Env, handle?: DbHandle): Promise<Running> {
  const db = handle ?? (await openDatabaseFromEnv(env));
  await applyMigrations(db);
  const auth = authConfigFromEnv(env);
  const seedDemo = env.SEED_DEMO ?? env.NODE_ENV !== 'production';
  const seeded = seedDemo
    ? await seedDemoIfEmpty(db.db, { password: env.DEMO_PASSWORD, scryptLogN: auth.scryptLogN })
    : false;
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
