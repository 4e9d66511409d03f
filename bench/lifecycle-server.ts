/**
 * The server half of `npm run bench -- lifecycle`: the app on a database whose query layer counts
 * the statements it sends and the transactions it opens. In the bench's own process (one API
 * process), or in each node:cluster worker (bench/lifecycle-worker.ts) when BENCH_PROCESSES > 1.
 */
import { appDeps, openAppDatabase } from '../src/app/composition.js';
import { buildApp } from '../src/app/http-app.js';
import { testEnv } from '../src/app/testing/env.js';
import type { DbHandle } from '../src/kernel/db.js';
import type { App } from '../src/kernel/http.js';

export interface Counts {
  statements: number;
  transactions: number;
}

export interface BenchDatabase {
  databaseUrl?: string | undefined;
  schemaName?: string | undefined;
  dataDir?: string | undefined;
  poolSize: number;
}

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback)\b/i;

/** Opens the database with counters; `onStatement` also sees each statement's text (BEGIN/COMMIT aside). */
export async function openCountedDatabase(
  where: BenchDatabase,
  onStatement?: (text: string) => void,
): Promise<{ handle: DbHandle; counts: Counts }> {
  const counts: Counts = { statements: 0, transactions: 0 };
  const handle = await openAppDatabase({
    ...(where.databaseUrl
      ? { databaseUrl: where.databaseUrl, schemaName: where.schemaName, poolSize: where.poolSize }
      : { dataDir: where.dataDir }),
    onStatement: (text) => {
      // BEGIN and COMMIT are counted once, with the transaction (the caller adds 2 per
      // transaction): Drizzle's PostgreSQL driver logs them as statements, its PGlite driver
      // does not, and counting both would charge PostgreSQL for them twice.
      if (TRANSACTION_CONTROL.test(text)) return;
      counts.statements += 1;
      onStatement?.(text);
    },
  });
  const transaction = handle.db.transaction.bind(handle.db);
  handle.db.transaction = ((fn, config) => {
    counts.transactions += 1;
    return transaction(fn, config);
  }) as typeof handle.db.transaction;
  return { handle, counts };
}

/** The bench's settings: the test environment, lookups not rate-limited (the client is one address). */
export const benchEnv = (filesDir: string) => testEnv({ FILES_DIR: filesDir, PUBLIC_LOOKUP_RATE_PER_MINUTE: '100000' });

export async function startServer(
  handle: DbHandle,
  filesDir: string,
  beforeListen?: (app: App) => void,
): Promise<{ app: App; base: string }> {
  const app = await buildApp(appDeps(handle, benchEnv(filesDir)));
  beforeListen?.(app);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base };
}
