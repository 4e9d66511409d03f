/**
 * A fresh, migrated database for each test file: PGlite in memory (from a snapshot the global
 * setup made once), or — when TEST_DATABASE_URL is set — a schema of its own on PostgreSQL,
 * dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { DbHandle } from '../../kernel/db.js';
import { openAppDatabase } from '../composition.js';
import { applyMigrations } from '../../kernel/migrate.js';
import { seedDemoIfEmpty } from '../../modules/demo/seed-demo.js';

export const DEMO_PASSWORD = 'motcua-demo';
export const TEST_SCRYPT_LOG_N = 10;
/** Files the global setup writes; absent when a test runs on its own without it. */
export const SNAPSHOT_ENV = { migrated: 'MOTCUA_TEST_SNAPSHOT_MIGRATED', demo: 'MOTCUA_TEST_SNAPSHOT_DEMO' } as const;

export interface FreshDatabaseOptions {
  /** Seed the bare demo (SEED_DEMO=minimal: province, accounts, catalog, workflows; password DEMO_PASSWORD). */
  demo?: boolean;
  /** Skip migrations (for the test of the migrations themselves). */
  migrate?: boolean;
}

/** Set in the `unit` test project, whose tests must not need a database. */
export const UNIT_TESTS_ENV = 'MOTCUA_UNIT_TESTS';

export async function freshDatabase(options: FreshDatabaseOptions = {}): Promise<DbHandle> {
  if (process.env[UNIT_TESTS_ENV]) {
    throw new Error(
      'a unit test opened a database: list its file in DATABASE_TESTS_IN_SRC (vitest.config.ts) to run it with the integration tests',
    );
  }
  const url = process.env.TEST_DATABASE_URL;
  const migrate = options.migrate ?? true;
  if (url) return freshPostgresSchema(url, migrate, options.demo ?? false);
  const snapshotFile = migrate ? process.env[options.demo ? SNAPSHOT_ENV.demo : SNAPSHOT_ENV.migrated] : undefined;
  if (snapshotFile) {
    const snapshot = new Blob([await readFile(snapshotFile)]);
    return openAppDatabase({ pgliteSnapshot: snapshot });
  }
  const handle = await openAppDatabase({});
  if (migrate) await prepare(handle, options.demo ?? false);
  return handle;
}

export async function prepare(handle: DbHandle, demo: boolean): Promise<void> {
  await applyMigrations(handle);
  if (demo)
    await seedDemoIfEmpty(handle.db, { kind: 'minimal', password: DEMO_PASSWORD, scryptLogN: TEST_SCRYPT_LOG_N });
}

async function freshPostgresSchema(url: string, migrate: boolean, demo: boolean): Promise<DbHandle> {
  const schemaName = `t_${randomBytes(6).toString('hex')}`;
  const handle = await openAppDatabase({ databaseUrl: url, schemaName, poolSize: 4 });
  if (migrate) await prepare(handle, demo);
  return {
    ...handle,
    async close() {
      await handle.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`DROP SCHEMA IF EXISTS "${schemaName}" CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}
