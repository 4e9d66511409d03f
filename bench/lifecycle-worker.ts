/**
 * One API process of `BENCH_PROCESSES=n npm run bench -- lifecycle` (a node:cluster worker: the
 * workers share one port, as `API_PROCESSES` does in production). Answers the primary's `counts`
 * message with its statement and transaction counts, and `stop` by closing.
 */
import cluster from 'node:cluster';
import { openCountedDatabase, startServer } from './lifecycle-server.js';

const { BENCH_DATABASE_URL, BENCH_SCHEMA, BENCH_FILES_DIR, BENCH_POOL_SIZE } = process.env;
if (!cluster.isWorker || !BENCH_DATABASE_URL || !BENCH_SCHEMA || !BENCH_FILES_DIR)
  throw new Error('lifecycle-worker runs as a cluster worker of bench/lifecycle.ts');

const { handle, counts } = await openCountedDatabase({
  databaseUrl: BENCH_DATABASE_URL,
  schemaName: BENCH_SCHEMA,
  poolSize: Number(BENCH_POOL_SIZE ?? 10),
});
const { app } = await startServer(handle, BENCH_FILES_DIR);
process.on('message', async (message) => {
  if (message === 'counts') process.send?.({ counts });
  if (message === 'stop') {
    await app.close();
    await handle.close();
    process.exit(0);
  }
});
