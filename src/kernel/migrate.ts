import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { DbHandle } from './db.js';

/** db/migrations, from src/kernel or dist/kernel alike. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/** Arbitrary constant key: only one process migrates at a time when several start together. */
const MIGRATION_LOCK_KEY = 7_412_001;

/**
 * Applies the committed SQL migrations. The bookkeeping table lives in the same schema as the
 * data, so a test schema (or a second tenant schema) carries its own migration history.
 */
export async function applyMigrations(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR, migrationsSchema: handle.schemaName };
  if (handle.engine === 'pglite') {
    await migratePglite(handle.db as never, config);
    return;
  }
  await handle.withConnection(async (db) => {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migratePg(db as never, config);
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
}
