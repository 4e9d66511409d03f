/**
 * Complete dossier lifecycles per second (issue 17): the journey of bench/lifecycle-journey.ts over
 * real HTTP, the client in another process (bench/lifecycle-client.ts), at C = 1, 16 and 64, with
 * the health baseline at the same concurrency right after each level. The server (this process)
 * counts the statements its query layer sends and the transactions it opens while the lifecycles
 * run; each transaction's BEGIN and COMMIT are counted as two statements, once (on both engines,
 * whether or not the driver logs them — bench/lifecycle-server.ts). Background
 * work the writes cause (the audit chainer) is counted: it is part of what a lifecycle costs.
 *
 *   npm run bench -- lifecycle                                   (PGlite, empty province)
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- lifecycle
 *   BENCH_DOSSIERS=1000000 BENCH_DATABASE_URL=… npm run bench -- lifecycle   (1 M stored first)
 *   BENCH_LEVELS=1,16 BENCH_LIFECYCLES=40 …                      (levels; lifecycles per level)
 *   BENCH_SCHEMA=bench_1m …      (PostgreSQL: use and keep this schema; a generated province in it is reused)
 *   BENCH_PROCESSES=2 …          (PostgreSQL: n API processes sharing the port, node:cluster)
 *   BENCH_POOL_SIZE=10 …         (connections per API process)
 *
 * After the levels, public lookups of the dossiers just made at C = 16 (`publicLookupP99Ms`).
 * Prints one line per level and, last, the C = 16 figures as one JSON object. Throws if any
 * lifecycle fails or a dossier is not returned at the end.
 */
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { DEMO_PASSWORD, prepare } from '../src/app/testing/database.js';
import { type DbHandle, queryRows } from '../src/kernel/db.js';
import { generateProvince } from '../src/modules/demo/synthetic/generate.js';
import { rebuildRollup } from '../src/modules/kpi/rollup.service.js';
import type { LifecycleJob, SessionAuth } from './lifecycle-journey.js';
import { benchEnv, type Counts, openCountedDatabase, startServer } from './lifecycle-server.js';
import { StatementProfile } from './statement-profile.js';
import { percentile, runClient } from './client-run.js';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

async function signIn(base: string, username: string): Promise<SessionAuth> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const session = /motcua_session=([^;]+)/.exec(res.headers.getSetCookie().join('\n'))?.[1];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: `motcua_session=${session}`, csrf: csrfToken };
}

/** The API processes under test: this one, or n cluster workers sharing one port. */
interface Servers {
  base: string;
  counts(): Promise<Counts>;
  close(): Promise<void>;
}

async function inProcess(handle: DbHandle, counts: Counts, filesDir: string, profile: StatementProfile | null) {
  const { app, base } = await startServer(handle, filesDir, (app) => profile?.attach(app));
  return { base, counts: async () => ({ ...counts }), close: () => app.close() } satisfies Servers;
}

async function workers(n: number, url: string, schema: string, filesDir: string, poolSize: number): Promise<Servers> {
  cluster.setupPrimary({
    exec: fileURLToPath(new URL('./lifecycle-worker.ts', import.meta.url)),
    execArgv: ['--import', 'tsx'],
  });
  const env = {
    BENCH_DATABASE_URL: url,
    BENCH_SCHEMA: schema,
    BENCH_FILES_DIR: filesDir,
    BENCH_POOL_SIZE: `${poolSize}`,
  };
  const forked = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<{ worker: ReturnType<typeof cluster.fork>; port: number }>((resolve, reject) => {
          const worker = cluster.fork(env);
          worker.once('listening', (address) => resolve({ worker, port: address.port }));
          worker.once('exit', (code) => reject(new Error(`bench API process exited ${code}`)));
        }),
    ),
  );
  const ask = (worker: ReturnType<typeof cluster.fork>) =>
    new Promise<Counts>((resolve) => {
      worker.once('message', (m: { counts: Counts }) => resolve(m.counts));
      worker.send('counts');
    });
  return {
    base: `http://127.0.0.1:${forked[0]!.port}`,
    async counts() {
      const all = await Promise.all(forked.map(({ worker }) => ask(worker)));
      return all.reduce((a, b) => ({
        statements: a.statements + b.statements,
        transactions: a.transactions + b.transactions,
      }));
    },
    async close() {
      await Promise.all(
        forked.map(
          ({ worker }) =>
            new Promise<void>((resolve) => {
              worker.removeAllListeners('exit');
              worker.once('exit', () => resolve());
              worker.send('stop');
            }),
        ),
      );
    },
  };
}

const APPLICANT_RETURNED = sql`select count(*)::int as n from dossiers where status = 'returned' and applicant->>'idNumber' = '089195000789'`;

export async function run(): Promise<string> {
  const url = process.env.BENCH_DATABASE_URL;
  const engine = url ? 'postgres' : 'pglite';
  const stored = Number(process.env.BENCH_DOSSIERS ?? 0);
  const levels = (process.env.BENCH_LEVELS ?? '1,16,64').split(',').map(Number);
  const perLevel = (c: number) => Number(process.env.BENCH_LIFECYCLES ?? Math.max(48, 3 * c));
  const processes = Number(process.env.BENCH_PROCESSES ?? 1);
  const poolSize = Number(process.env.BENCH_POOL_SIZE ?? 10);
  const keptSchema = process.env.BENCH_SCHEMA;
  if (!url && (processes > 1 || keptSchema))
    throw new Error('BENCH_PROCESSES and BENCH_SCHEMA need BENCH_DATABASE_URL');
  // BENCH_PROFILE=1: one more lifecycle at C = 1 with every statement listed under the request that sent it.
  const profile = process.env.BENCH_PROFILE && processes === 1 ? new StatementProfile() : null;
  const dataDir = url ? undefined : await mkdtemp(join(tmpdir(), 'motcua-bench-db-'));
  const schemaName = keptSchema ?? `bench_${randomBytes(4).toString('hex')}`;
  const { handle, counts } = await openCountedDatabase({ databaseUrl: url, schemaName, dataDir, poolSize }, (text) =>
    profile?.record(text),
  );
  const filesDir = await mkdtemp(join(tmpdir(), 'motcua-bench-files-'));
  let servers: Servers | undefined;
  try {
    await prepare(handle, true);
    const [present] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from dossiers`);
    if (stored > 0 && present!.n < stored) {
      const started = performance.now();
      await generateProvince(handle.db, benchEnv(filesDir), { dossiers: stored, seed: 42 });
      await rebuildRollup(handle.db);
      await handle.db.execute(sql`analyze`);
      console.log(
        `${stored.toLocaleString('en')} dossiers generated in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    }
    const [before] = await queryRows<{ n: number }>(handle.db, APPLICANT_RETURNED);
    servers =
      processes > 1
        ? await workers(processes, url!, schemaName, filesDir, poolSize)
        : await inProcess(handle, counts, filesDir, profile);
    const { base } = servers;
    const sessions = {
      tiepnhan: await signIn(base, 'tiepnhan'),
      chuyenvien: await signIn(base, 'chuyenvien'),
      lanhdao: await signIn(base, 'lanhdao'),
    };
    const get = async <T>(path: string) =>
      (await (await fetch(base + path, { headers: { cookie: sessions.tiepnhan.cookie } })).json()) as T;
    const [found] = (await get<{ items: { id: string }[] }>('/api/procedures?q=2.000635')).items;
    const procedure = await get<{ id: string; components: { id: string; mandatory: boolean }[] }>(
      `/api/procedures/${found!.id}`,
    );
    const { units } = await get<{ units: { id: string; name: string; children: unknown[] }[] }>('/api/units');
    const flat = (nodes: { id: string; name: string; children: unknown[] }[]): { id: string; name: string }[] =>
      nodes.flatMap((n) => [n, ...flat(n.children as typeof nodes)]);
    const competentUnitId = flat(units).find((u) => u.name === 'Sở Tư pháp')!.id;
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'to-khai.pdf');
    const upload = await fetch(`${base}/api/files`, {
      method: 'POST',
      headers: { cookie: sessions.tiepnhan.cookie, 'x-csrf-token': sessions.tiepnhan.csrf },
      body: form,
    });
    const fileId = ((await upload.json()) as { id: string }).id;
    const job = (kind: LifecycleJob['kind'], concurrency: number, count: number): LifecycleJob => ({
      kind,
      base,
      concurrency,
      count,
      sessions,
      procedureId: procedure.id,
      competentUnitId,
      components: procedure.components
        .filter((c) => c.mandatory)
        .map((c) => ({ componentId: c.id, fileIds: [fileId] })),
      resultPdfBase64: PDF.toString('base64'),
    });

    await runClient(job('lifecycle', 4, 8)); // warm-up: JIT, pools, keep-alive, caches
    const lines = [
      `lifecycle, ${engine}, ${stored.toLocaleString('en')} dossiers stored before, ${processes} API process(es), real HTTP on 127.0.0.1`,
    ];
    const figures: Record<string, unknown>[] = [];
    const made: string[] = [];
    for (const c of levels) {
      const count = perLevel(c);
      const start = await servers.counts();
      const measured = await runClient(job('lifecycle', c, count));
      const end = await servers.counts();
      made.push(...measured.codes);
      const ran = {
        statements: end.statements - start.statements,
        transactions: end.transactions - start.transactions,
      };
      const baseline = await runClient(job('health', c, count * 8));
      const sorted = [...measured.latencies].sort((a, b) => a - b);
      const intakes = [...measured.intakeLatencies].sort((a, b) => a - b);
      const figure = {
        engine,
        dossiers: stored,
        concurrency: c,
        lifecyclesPerSecond: Number(((count / measured.wallMs) * 1000).toFixed(2)),
        healthPerSecond: Number(((count * 8 * 1000) / baseline.wallMs).toFixed(1)),
        statementsPerLifecycle: Number(((ran.statements + 2 * ran.transactions) / count).toFixed(1)),
        transactionsPerLifecycle: Number((ran.transactions / count).toFixed(2)),
        p50Ms: Number(percentile(sorted, 0.5).toFixed(1)),
        p99Ms: Number(percentile(sorted, 0.99).toFixed(1)),
        processes,
        intakeP99Ms: Number(percentile(intakes, 0.99).toFixed(1)),
      };
      figures.push(figure);
      lines.push(`  C=${c}: ${JSON.stringify(figure)}`);
    }
    const lookups = await runClient({ ...job('lookup', 16, 50 * 16), codes: made });
    const lookupSorted = [...lookups.latencies].sort((a, b) => a - b);
    const lookup = {
      lookupsPerSecond: Number(((lookups.latencies.length * 1000) / lookups.wallMs).toFixed(1)),
      publicLookupP50Ms: Number(percentile(lookupSorted, 0.5).toFixed(1)),
      publicLookupP99Ms: Number(percentile(lookupSorted, 0.99).toFixed(1)),
    };
    lines.push(`  public lookup, C=16: ${JSON.stringify(lookup)}`);
    if (profile) {
      profile.start();
      await runClient(job('lifecycle', 1, 1));
      lines.push(profile.report());
    }
    const [returned] = await queryRows<{ n: number }>(handle.db, APPLICANT_RETURNED);
    const expected = 8 + (profile ? 1 : 0) + levels.reduce((sum, c) => sum + perLevel(c), 0);
    if (returned!.n - before!.n !== expected)
      throw new Error(`${expected} lifecycles answered but ${returned!.n - before!.n} dossiers returned`);
    lines.push(JSON.stringify({ ...(figures.find((f) => f.concurrency === 16) ?? figures.at(-1)), ...lookup }));
    return lines.join('\n');
  } finally {
    await servers?.close();
    if (url && !keptSchema) await handle.db.execute(sql.raw(`drop schema "${handle.schemaName}" cascade`));
    await handle.close();
    await rm(filesDir, { recursive: true, force: true });
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}
