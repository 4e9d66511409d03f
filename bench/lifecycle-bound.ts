/**
 * What the database alone can do for one lifecycle's round trips (issue 17; BENCHMARKS.md "What
 * bounds it"). A lifecycle's database shape, per request: the session read; BEGIN; lock one of the
 * stored dossiers; read its history; update it; append a row; COMMIT; read it back; one more read
 * — 9 statements, 8 requests, 72 statements in 8 transactions (the bench measures ≈ 66–86 in ≈ 8)
 * — with no HTTP, JSON, validation or Node client in the way.
 *
 *   BENCH_DATABASE_URL=… BENCH_SCHEMA=bench_1m npm run bench -- lifecycle-bound
 *       PostgreSQL: pgbench (a C client, prepared statements) at C = 16 (BENCH_BOUND_CLIENTS) for
 *       10 s (BENCH_BOUND_SECONDS) against the dossiers already in that schema.
 *   npm run bench -- lifecycle-bound
 *       PGlite: a province of BENCH_DOSSIERS (default 20,000) generated in a throw-away database,
 *       then the same statements in-process one after another (PGlite has one connection, so
 *       there is no concurrency to ask for).
 *
 * Both also measure the **HTTP floor**: a bare Fastify server (one route answering {"status":"ok"};
 * no database, session, validation or MotCua code) driven by the bench's own client process at
 * C = 16 and 64 — what Node, loopback TCP and the client cost per request on this machine before
 * MotCua does anything. A lifecycle is JOURNEY_REQUESTS such requests, so the floor ÷ that is the
 * most lifecycles/s any HTTP server could answer here; `combinedLifecyclesPerSecond` adds the
 * database's cost and the floor's on the same cores (1 / (1/database + 1/floor)).
 *
 * Prints the figures and, last, one JSON object {engine, dossiers, clients, lifecyclesPerSecond, …}.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { openAppDatabase } from '../src/app/composition.js';
import { prepare } from '../src/app/testing/database.js';
import { type Database, queryRows } from '../src/kernel/db.js';
import { generateProvince } from '../src/modules/demo/synthetic/generate.js';
import { percentile, runClient } from './client-run.js';
import { JOURNEY_REQUESTS, type LifecycleJob } from './lifecycle-journey.js';
import { benchEnv } from './lifecycle-server.js';

const REQUESTS = 8;

/** One request's statements; `:n` is the dossier's number in pgb_ids, `step` the request. */
const requestStatements = (step: number) => [
  'SELECT id, username FROM users ORDER BY id LIMIT 1',
  'BEGIN',
  'SELECT id, status, version FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n) FOR UPDATE',
  'SELECT action, occurred_at FROM dossier_events WHERE dossier_id = (SELECT id FROM pgb_ids WHERE n = :n) ORDER BY occurred_at LIMIT 20',
  'UPDATE dossiers SET version = version + 1 WHERE id = (SELECT id FROM pgb_ids WHERE n = :n)',
  `INSERT INTO pgb_events (n, step) VALUES (:n, ${step})`,
  'COMMIT',
  'SELECT id, code, status FROM dossiers WHERE id = (SELECT id FROM pgb_ids WHERE n = :n)',
  'SELECT count(*) FROM pgb_events WHERE n = :n',
];

const lifecycleStatements = () => Array.from({ length: REQUESTS }, (_, i) => requestStatements(i + 1)).flat();

/** The pgbench script: one pgbench "transaction" is one whole lifecycle. */
export const pgbenchScript = (dossiers: number) =>
  [`\\set n random(1, ${dossiers})`, ...lifecycleStatements().map((s) => `${s};`)].join('\n');

/** Numbers the stored dossiers (pgb_ids) once and empties the append-only side table. */
async function setUp(db: Database): Promise<number> {
  await db.execute(sql`create table if not exists pgb_events (n int not null, step int not null)`);
  await db.execute(sql`create index if not exists pgb_events_n on pgb_events (n)`);
  await db.execute(sql`truncate pgb_events`);
  await db.execute(sql`create table if not exists pgb_ids as
    select (row_number() over (order by id))::int as n, id from dossiers`);
  await db.execute(sql`create unique index if not exists pgb_ids_n on pgb_ids (n)`);
  await db.execute(sql`analyze pgb_ids`);
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from pgb_ids`);
  return row!.n;
}

async function pgbench(url: string, schema: string, dossiers: number, clients: number, seconds: number) {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-pgbench-'));
  try {
    const script = join(dir, 'lifecycle.sql');
    await writeFile(script, pgbenchScript(dossiers));
    const args = ['-n', '-M', 'prepared', '-f', script, '-c', String(clients), '-j', '2', '-T', String(seconds), url];
    const { stdout } = await promisify(execFile)('pgbench', args, {
      env: { ...process.env, PGOPTIONS: `-c search_path=${schema}` },
    });
    const tps = /tps = ([\d.]+)/.exec(stdout);
    const latency = /latency average = ([\d.]+) ms/.exec(stdout);
    if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
    return { lifecyclesPerSecond: Number(tps[1]), latencyMs: latency ? Number(latency[1]) : null };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The same statements on PGlite, in-process, for `seconds`. */
async function inProcess(db: Database, dossiers: number, seconds: number) {
  const statements = lifecycleStatements();
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  let lifecycles = 0;
  while (performance.now() < until) {
    const n = 1 + Math.floor(Math.random() * dossiers);
    for (const s of statements) await db.execute(sql.raw(s.replaceAll(':n', String(n))));
    lifecycles += 1;
  }
  const ms = performance.now() - started;
  return {
    lifecyclesPerSecond: Number(((lifecycles * 1000) / ms).toFixed(1)),
    latencyMs: Number((ms / lifecycles).toFixed(2)),
  };
}

/** The HTTP floor at `concurrency` clients: requests/s, p50 and p99 of a bare Fastify reply. */
async function httpFloorAt(base: string, concurrency: number, count: number) {
  const none = { cookie: '', csrf: '' };
  const job = (n: number): LifecycleJob => ({
    kind: 'health',
    base,
    concurrency,
    count: n,
    sessions: { tiepnhan: none, chuyenvien: none, lanhdao: none },
    procedureId: '',
    competentUnitId: '',
    components: [],
    resultPdfBase64: '',
  });
  await runClient(job(200)); // warm-up: JIT and keep-alive connections
  const measured = await runClient(job(count));
  const sorted = [...measured.latencies].sort((a, b) => a - b);
  const requestsPerSecond = (count * 1000) / measured.wallMs;
  return {
    requestsPerSecond: Number(requestsPerSecond.toFixed(0)),
    p50Ms: Number(percentile(sorted, 0.5).toFixed(1)),
    p99Ms: Number(percentile(sorted, 0.99).toFixed(1)),
    lifecyclesPerSecond: Number((requestsPerSecond / JOURNEY_REQUESTS).toFixed(1)),
  };
}

async function httpFloor() {
  const app = Fastify();
  app.get('/api/health', async () => ({ status: 'ok' }));
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    return { c16: await httpFloorAt(base, 16, 4000), c64: await httpFloorAt(base, 64, 4000) };
  } finally {
    await app.close();
  }
}

/** The database's figure with the HTTP floor beside it, and both costs on the same cores. */
async function withFloor(figure: { lifecyclesPerSecond: number }) {
  const floor = await httpFloor();
  const combined = 1 / (1 / figure.lifecyclesPerSecond + 1 / floor.c16.lifecyclesPerSecond);
  return { ...figure, httpFloor: floor, combinedLifecyclesPerSecond: Number(combined.toFixed(1)) };
}

export async function run(): Promise<string> {
  const url = process.env.BENCH_DATABASE_URL;
  const seconds = Number(process.env.BENCH_BOUND_SECONDS ?? 10);
  if (url) {
    const schema = process.env.BENCH_SCHEMA;
    if (!schema) throw new Error('lifecycle-bound on PostgreSQL needs BENCH_SCHEMA (the kept province)');
    const clients = Number(process.env.BENCH_BOUND_CLIENTS ?? 16);
    const handle = await openAppDatabase({ databaseUrl: url, schemaName: schema, poolSize: 1 });
    try {
      const dossiers = await setUp(handle.db);
      const figure = await withFloor(await pgbench(url, schema, dossiers, clients, seconds));
      return JSON.stringify({ engine: 'postgres', client: 'pgbench', dossiers, clients, ...figure });
    } finally {
      await handle.close();
    }
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'motcua-bound-db-'));
  const filesDir = await mkdtemp(join(tmpdir(), 'motcua-bound-files-'));
  const handle = await openAppDatabase({ dataDir });
  try {
    await prepare(handle, true);
    const wanted = Number(process.env.BENCH_DOSSIERS ?? 20_000);
    await generateProvince(handle.db, benchEnv(filesDir), { dossiers: wanted, seed: 42 });
    await handle.db.execute(sql`analyze`);
    const dossiers = await setUp(handle.db);
    const figure = await withFloor(await inProcess(handle.db, dossiers, seconds));
    return JSON.stringify({ engine: 'pglite', client: 'in-process', dossiers, clients: 1, ...figure });
  } finally {
    await handle.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(filesDir, { recursive: true, force: true });
  }
}
