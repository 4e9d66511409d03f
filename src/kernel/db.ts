/**
 * One query layer (Drizzle) over two engines: embedded PGlite (default, a directory in DATA_DIR)
 * and a PostgreSQL server (DATABASE_URL). Code above this file never knows which one it has.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';

/**
 * The database handle services use. Typed without the global schema: queries name their tables
 * (each module owns its own), so the kernel knows no module's tables.
 */
export type Database = PgDatabase<PgQueryResultHKT>;
/** A transaction handle. Services take one of these, never the request. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Either the database or a transaction: for read-only queries that work in both. */
export type Queryable = Database | Tx;

export type DbEngine = 'pglite' | 'postgres';

export interface DbHandle {
  db: Database;
  engine: DbEngine;
  /** The PostgreSQL schema the tables live in (the test helper uses one per test file). */
  schemaName: string;
  /** Runs `fn` on a single connection (needed for session-level advisory locks). */
  withConnection<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (backups, test snapshots). */
  dump?: () => Promise<Blob>;
}

export interface OpenOptions {
  /** postgres://… ; absent = PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite directory; absent (or 'memory://') = in memory. */
  dataDir?: string | undefined;
  /** PostgreSQL schema to use instead of public (created if missing). */
  schemaName?: string | undefined;
  poolSize?: number | undefined;
  /** Start PGlite from a dumped data directory (the test helper's migrated snapshot). */
  pgliteSnapshot?: Blob | undefined;
  /**
   * Session settings every connection gets (e.g. a module's `pg_trgm.word_similarity_threshold`);
   * the composition root gathers them from the module manifests.
   */
  settings?: Readonly<Record<string, string | number>> | undefined;
  /**
   * Called with every statement the query layer sends (not the BEGIN/COMMIT a transaction adds):
   * how the lifecycle benchmark counts statements per request (bench/lifecycle.ts).
   */
  onStatement?: ((sql: string) => void) | undefined;
  /** PostgreSQL: an idle pooled connection died (e.g. the server restarted); for the log only. */
  onIdleError?: ((error: Error) => void) | undefined;
}

const loggerOf = (options: OpenOptions) =>
  options.onStatement ? { logger: { logQuery: (query: string) => options.onStatement!(query) } } : {};

const SETTING_NAME = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

function checkedSettings(settings: OpenOptions['settings']): [string, string][] {
  return Object.entries(settings ?? {}).map(([name, value]) => {
    if (!SETTING_NAME.test(name) || !/^[A-Za-z0-9_.-]+$/.test(String(value))) {
      throw new Error(`Invalid database setting ${name}=${value}`);
    }
    return [name, String(value)];
  });
}

export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<DbHandle> {
  const dataDir = options.dataDir && options.dataDir !== 'memory://' ? options.dataDir : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, {
    extensions: { pg_trgm, unaccent },
    ...(options.pgliteSnapshot ? { loadDataDir: options.pgliteSnapshot } : {}),
  });
  const schemaName = options.schemaName ?? 'public';
  if (schemaName !== 'public') {
    await client.exec(`CREATE SCHEMA IF NOT EXISTS "${schemaName}"; SET search_path TO "${schemaName}", public`);
  }
  for (const [name, value] of checkedSettings(options.settings)) await client.exec(`SET ${name} = ${value}`);
  const db = drizzlePglite(client, loggerOf(options)) as unknown as Database;
  return {
    db,
    engine: 'pglite',
    schemaName,
    // PGlite is a single connection already.
    withConnection: (fn) => fn(db),
    close: () => client.close(),
    dump: () => client.dumpDataDir('none'),
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<DbHandle> {
  const schemaName = options.schemaName ?? 'public';
  if (schemaName !== 'public') {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schemaName}"`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // search_path per connection: the same unqualified SQL serves every schema.
    options: [
      `-c search_path="${schemaName}",public -c timezone=UTC`,
      ...checkedSettings(options.settings).map(([n, v]) => `-c ${n}=${v}`),
    ].join(' '),
  });
  // An idle pooled connection that dies (the server restarted, an administrator ended it) makes
  // the pool emit 'error'; with no listener Node ends the process. The pool has already dropped
  // that client, and the next query opens a new connection (or fails, and its request answers
  // 503 DATABASE_UNAVAILABLE), so there is nothing to do here but not die.
  pool.on('error', (error) => options.onIdleError?.(error));
  // A connection checked out of the pool (a transaction, a session lock) has no listener of the
  // pool's: when it dies the client emits 'error' too. The statement in hand already fails with
  // it (and the pool discards the client on release), so this listener only keeps Node from
  // ending the process over it.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzlePg(pool, loggerOf(options)) as unknown as Database;
  return {
    db,
    engine: 'postgres',
    schemaName,
    async withConnection(fn) {
      const conn = await pool.connect();
      try {
        return await fn(drizzlePg(conn, loggerOf(options)) as unknown as Database);
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Runs raw SQL and returns its rows (both drivers answer `{ rows }`). */
export async function queryRows<T extends Record<string, unknown>>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
