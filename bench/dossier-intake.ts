/**
 * Counter intake throughput and latency: C clients (1, 16, 64) each looping POST /api/dossiers
 * until N dossiers are received, on PGlite by default or on PostgreSQL with BENCH_DATABASE_URL
 * (a throw-away schema, dropped at the end). Baseline, in the same run and at the same
 * concurrency: GET /api/health with the same session cookie — the HTTP stack, the session lookup
 * and one `select 1` — so the ratio says how much of an intake's cost is the intake itself.
 *
 * The real app (buildApp, as the tests build it) listens on 127.0.0.1 on a random port and is
 * driven over real HTTP with Node's fetch (undici, keep-alive), so the figures include parsing,
 * validation, serialisation and the socket. Client and server share one Node process and its
 * event loop (as a single API process would behind a load balancer, plus the client's own work);
 * both figures pay that alike. (On PGlite, whose WebAssembly runs on that loop, this is what gives
 * C = 64 its long p99 tail; app.inject, without sockets, showed a tight distribution: BENCHMARKS.md.)
 *
 * Workload: `tiepnhan` (one-stop officer at the service centre) receives at the counter the
 * labour-permit procedure (national code 1.014199, competent unit Sở Nội vụ) with every mandatory
 * component pointing at one PDF uploaded once. Every intake therefore draws its number from the
 * same unit's daily sequence row — the worst case for contention, which is what is measured.
 * Every response must be 201 with a code no other intake got; anything else throws.
 *
 *   npm run bench -- dossier-intake           (PGlite)
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- dossier-intake
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { appDeps } from '../src/app/composition.js';
import { queryRows } from '../src/kernel/db.js';
import { openAppDatabase } from '../src/app/composition.js';
import { buildApp } from '../src/app/http-app.js';
import type { Deps } from '../src/kernel/http.js';
import { DEMO_PASSWORD, prepare } from '../src/app/testing/database.js';
import { testEnv } from '../src/app/testing/env.js';

const LEVELS = [1, 16, 64];
/** Requests measured per level (each of intake and baseline). */
const N = 400;
const WARM_UP = 64;

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const APPLICANT = {
  kind: 'citizen',
  fullName: 'Nguyễn Thị Ánh Tuyết',
  idNumber: '089195000456',
  phone: '0912345678',
  address: 'Phường Long Xuyên, An Giang',
};

interface Stats {
  throughput: number;
  p50: number;
  p99: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** `count` requests spread over `clients` workers, each sending its next request when the last one answered. */
async function load(clients: number, count: number, request: () => Promise<void>): Promise<Stats> {
  const times: number[] = [];
  let issued = 0;
  const worker = async () => {
    while (issued < count) {
      issued += 1;
      const start = performance.now();
      await request();
      times.push(performance.now() - start);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = performance.now() - start;
  times.sort((a, b) => a - b);
  return { throughput: (count / elapsed) * 1000, p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

export async function run(): Promise<string> {
  const url = process.env.BENCH_DATABASE_URL;
  const engine = url ? 'PostgreSQL' : 'PGlite';
  // The server's default pool (10 connections) on PostgreSQL; PGlite is one connection.
  const handle = await openAppDatabase(
    url ? { databaseUrl: url, schemaName: `bench_${randomBytes(4).toString('hex')}` } : {},
  );
  const filesDir = await mkdtemp(join(tmpdir(), 'motcua-bench-files-'));
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await prepare(handle, true);
    const env = testEnv({ FILES_DIR: filesDir });
    const deps: Deps = appDeps(handle, env);
    app = await buildApp(deps);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });

    const call = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(base + path, init);
      const body = (await res.json()) as Record<string, unknown>;
      return { status: res.status, body, headers: res.headers };
    };

    // Log in as the one-stop officer.
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tiepnhan', password: DEMO_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login tiepnhan failed: ${login.status} ${await login.text()}`);
    const session = /motcua_session=([^;]+)/.exec(login.headers.getSetCookie().join('\n'))?.[1];
    if (!session) throw new Error('login tiepnhan: no session cookie');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const auth = { cookie: `motcua_session=${session}`, 'x-csrf-token': csrfToken };

    // One PDF, uploaded once.
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'to-khai.pdf');
    const uploaded = await call('/api/files', { method: 'POST', headers: auth, body: form });
    if (uploaded.status !== 201 && uploaded.status !== 200)
      throw new Error(`upload failed: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
    const fileId = uploaded.body.id as string;

    // The labour-permit procedure and its mandatory components.
    const found = (await call('/api/procedures?q=1.014199')).body.items as { id: string }[];
    if (!found[0]) throw new Error('procedure 1.014199 not in the demo data');
    const procedure = (await call(`/api/procedures/${found[0].id}`)).body as {
      id: string;
      competentUnits: { name: string }[];
      components: { id: string; mandatory: boolean }[];
    };
    const components = procedure.components
      .filter((c) => c.mandatory)
      .map((c) => ({ componentId: c.id, fileIds: [fileId] }));
    if (components.length === 0)
      throw new Error('procedure 1.014199 has no mandatory component: the workload is wrong');
    const intakeBody = JSON.stringify({
      procedureId: procedure.id,
      channel: 'counter',
      applicant: APPLICANT,
      components,
    });

    const codes = new Set<string>();
    const intake = async () => {
      const res = await call('/api/dossiers', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: intakeBody,
      });
      const code = res.body.code;
      if (res.status !== 201 || typeof code !== 'string')
        throw new Error(`intake answered ${res.status}: ${JSON.stringify(res.body)}`);
      if (codes.has(code)) throw new Error(`dossier code ${code} issued twice`);
      codes.add(code);
    };
    const health = async () => {
      const res = await call('/api/health', { headers: { cookie: auth.cookie } });
      if (res.status !== 200 || res.body.status !== 'ok')
        throw new Error(`health answered ${res.status}: ${JSON.stringify(res.body)}`);
    };

    // Warm-up: JIT, connection pool, keep-alive sockets, the sequence row.
    await load(16, WARM_UP, intake);
    await load(16, WARM_UP, health);

    const fmt = (n: number) => n.toFixed(2);
    const lines = [
      `dossier intake, ${engine}, counter intake of 1.014199 at ${procedure.competentUnits[0]?.name ?? '?'} by tiepnhan, ` +
        `${components.length} components, N = ${N} per level, real HTTP on 127.0.0.1`,
    ];
    for (const clients of LEVELS) {
      const before = codes.size;
      const measured = await load(clients, N, intake);
      if (codes.size - before !== N) throw new Error(`expected ${N} new codes, got ${codes.size - before}`);
      const baseline = await load(clients, N, health);
      lines.push(
        `  C=${String(clients).padStart(2)}: intake ${fmt(measured.throughput)} dossiers/s, p50 ${fmt(measured.p50)} ms, p99 ${fmt(measured.p99)} ms` +
          ` | health ${fmt(baseline.throughput)} req/s, p50 ${fmt(baseline.p50)} ms, p99 ${fmt(baseline.p99)} ms` +
          ` | ratio p50 ${fmt(measured.p50 / baseline.p50)}, p99 ${fmt(measured.p99 / baseline.p99)}`,
      );
    }
    const [stored] = await queryRows<{ count: number }>(handle.db, sql`select count(*)::int as count from dossiers`);
    if (stored?.count !== codes.size)
      throw new Error(`${codes.size} intakes answered 201 but ${stored?.count} dossiers stored`);
    return lines.join('\n');
  } finally {
    await app?.close();
    if (url) await handle.db.execute(sql.raw(`drop schema "${handle.schemaName}" cascade`));
    await handle.close();
    await rm(filesDir, { recursive: true, force: true });
  }
}
