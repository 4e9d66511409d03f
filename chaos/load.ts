/**
 * Load with tails (issue 16, scenario `load`): a province's morning on one API process — public
 * dossier lookups and catalog searches (anonymous), counter intakes and processing actions (the
 * one-stop officer, the processing official), worklists (the official) and the dashboard (the unit
 * leader) — from a pool of concurrent clients for a fixed time, then GET /api/health at the same
 * concurrency as the baseline. Reports p50/p99 per operation beside the baseline.
 *
 * Verdict: no answer ≥ 500; every answer the one expected (a 4xx here is the mix's or the app's
 * fault); p99 of each operation under a generous bound (a smoke at small scale: the bound catches
 * a hang or an order-of-magnitude regression, not noise); and, from the database, one dossier per
 * intake answered 201 and one event per intake and action answered, and the audit chain verifies.
 * Full scale prints the table for BENCHMARKS.md.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/kernel/db.js';
import { verifyAuditChain } from '../src/modules/audit/audit.service.js';
import { createRng, type Rng } from '../src/modules/demo/synthetic/prng.js';
import { call, type Reply } from './lib/http.js';
import type { Options } from './lib/options.js';
import { quantile, repeatFor } from './lib/pool.js';
import { type DossierView, forward, intake, openProvince, type Province } from './lib/province.js';
import { startServer } from './lib/server.js';
import { createTarget } from './lib/target.js';
import { check, firstOf, type Verdict } from './lib/verdict.js';

const PLAN = {
  small: { concurrency: 8, mixMs: 20_000, healthMs: 5_000, p99BoundMs: 10_000 },
  full: { concurrency: 32, mixMs: 120_000, healthMs: 30_000, p99BoundMs: 10_000 },
} as const;

/** What a morning asks for, and how often (weights). */
const MIX = [
  ['public lookup', 4],
  ['catalog search', 4],
  ['intake', 2],
  ['action', 2],
  ['worklist', 2],
  ['dashboard', 1],
] as const;
type Operation = (typeof MIX)[number][0] | 'health';

const SEARCHES = ['khai sinh', 'kết hôn', 'hộ kinh doanh', 'chứng thực', 'tạm trú', 'giấy phép xây dựng', '2.000635'];

interface Sample {
  op: Operation;
  status: number;
  expected: number;
  ms: number;
  text: string;
}

/** The next operation, drawn by the weights of MIX. */
function picker(rng: Rng): () => Operation {
  const cumulative = MIX.map((_, i) => MIX.slice(0, i + 1).reduce((n, [, weight]) => n + weight, 0));
  return () => MIX[rng.weighted(cumulative)]![0];
}

/** The Vietnam month of today (the dashboard's default period), YYYY-MM. */
const vietnamMonth = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);

/** The morning's state the operations share: dossiers to look up, and those waiting for an action. */
interface Morning {
  p: Province;
  codes: string[];
  /** Dossiers nobody is acting on, with their version and who acts next. */
  waiting: { code: string; version: number; next: 'tiepnhan' | 'chuyenvien' }[];
  rng: Rng;
}

async function perform(m: Morning, op: Operation): Promise<{ reply: Reply; expected: number }> {
  const { p } = m;
  const get = (path: string, session: Province['sessions'][keyof Province['sessions']] | null) =>
    call(p.base, { method: 'GET', path, session });
  switch (op) {
    case 'public lookup':
      return { reply: await get(`/api/public/dossiers/${m.rng.pick(m.codes)}`, null), expected: 200 };
    case 'catalog search':
      return { reply: await get(`/api/procedures?q=${encodeURIComponent(m.rng.pick(SEARCHES))}`, null), expected: 200 };
    case 'worklist':
      return { reply: await get('/api/dossiers?mine=true', p.sessions.chuyenvien), expected: 200 };
    case 'dashboard':
      return {
        reply: await get(`/api/kpi/766?unit=${p.competentUnitId}&period=${vietnamMonth()}`, p.sessions.lanhdao),
        expected: 200,
      };
    case 'health':
      return { reply: await get('/api/health', null), expected: 200 };
    case 'action': {
      const d = m.waiting.shift();
      if (!d) return perform(m, 'intake');
      const reply = await forward(p, d.next, d);
      if (reply.status === 200 && d.next === 'tiepnhan') {
        const after = JSON.parse(reply.text) as DossierView;
        m.waiting.push({ code: after.code, version: after.version, next: 'chuyenvien' });
      }
      return { reply, expected: 200 };
    }
    case 'intake': {
      const reply = await intake(p);
      if (reply.status === 201) {
        const d = JSON.parse(reply.text) as DossierView;
        m.codes.push(d.code);
        m.waiting.push({ code: d.code, version: d.version, next: 'tiepnhan' });
      }
      return { reply, expected: 201 };
    }
  }
}

async function timed(m: Morning, op: Operation, samples: Sample[]): Promise<void> {
  const started = performance.now();
  const { reply, expected } = await perform(m, op);
  // An action that fell back to an intake is counted as the intake it was.
  const actual = op === 'action' && expected === 201 ? 'intake' : op;
  samples.push({ op: actual, status: reply.status, expected, ms: performance.now() - started, text: reply.text });
}

interface Row {
  op: Operation;
  n: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  unexpected: number;
}

function table(samples: readonly Sample[], seconds: Record<string, number>): Row[] {
  const ops = [...new Set(samples.map((s) => s.op))];
  return ops.map((op) => {
    const mine = samples.filter((s) => s.op === op);
    const ms = mine.map((s) => s.ms).sort((a, b) => a - b);
    return {
      op,
      n: mine.length,
      perSecond: Number((mine.length / (seconds[op === 'health' ? 'health' : 'mix'] ?? 1)).toFixed(1)),
      p50: Number(quantile(ms, 0.5).toFixed(1)),
      p99: Number(quantile(ms, 0.99).toFixed(1)),
      max: Number((ms.at(-1) ?? 0).toFixed(1)),
      unexpected: mine.filter((s) => s.status !== s.expected).length,
    };
  });
}

function printTable(rows: readonly Row[], options: Options, concurrency: number): void {
  console.log(`\n| operation (${options.engine}, C=${concurrency}) | requests | req/s | p50 ms | p99 ms | max ms |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.op} | ${r.n} | ${r.perSecond} | ${r.p50} | ${r.p99} | ${r.max} |`);
  console.log('');
}

export async function run(options: Options): Promise<Verdict> {
  const plan = PLAN[options.scale];
  const target = await createTarget(options.engine, 'load');
  const samples: Sample[] = [];
  let rows: Row[] = [];
  let m: Morning;
  try {
    const server = await startServer(target);
    try {
      m = { p: await openProvince(server.url), codes: [], waiting: [], rng: createRng(options.seed) };
      // Warm-up (JIT, pools, keep-alive), not measured: a few dossiers to look up from the start.
      for (let i = 0; i < 4; i++) await perform(m, 'intake');
      const next = picker(m.rng);
      const mixStarted = performance.now();
      await repeatFor(plan.mixMs, plan.concurrency, () => timed(m, next(), samples));
      const mixSeconds = (performance.now() - mixStarted) / 1000;
      const healthStarted = performance.now();
      await repeatFor(plan.healthMs, plan.concurrency, () => timed(m, 'health', samples));
      rows = table(samples, { mix: mixSeconds, health: (performance.now() - healthStarted) / 1000 });
      printTable(rows, options, plan.concurrency);
    } finally {
      await server.stop();
    }
    return await verdict(target, samples, rows, plan.p99BoundMs, m);
  } finally {
    await target.dispose();
  }
}

async function verdict(
  target: Awaited<ReturnType<typeof createTarget>>,
  samples: readonly Sample[],
  rows: readonly Row[],
  p99BoundMs: number,
  m: Morning,
): Promise<Verdict> {
  const handle = await target.open();
  let counts: { dossiers: number; events: number };
  let audit: Awaited<ReturnType<typeof verifyAuditChain>>;
  try {
    [counts] = (await queryRows<{ dossiers: number; events: number }>(
      handle.db,
      sql`select (select count(*) from dossiers)::int as dossiers, (select count(*) from dossier_events)::int as events`,
    )) as [{ dossiers: number; events: number }];
    audit = await verifyAuditChain(handle.db);
  } finally {
    await handle.close();
  }
  const errors = samples.filter((s) => s.status >= 500);
  const unexpected = samples.filter((s) => s.status !== s.expected);
  const slow = rows.filter((r) => r.p99 > p99BoundMs);
  const intakes = samples.filter((s) => s.op === 'intake' && s.status === 201).length + 4; // the warm-up's
  const actions = samples.filter((s) => s.op === 'action' && s.status === 200).length;
  const show = (s: Sample) =>
    `${s.op} ${s.status} (expected ${s.expected}) ${Math.round(s.ms)} ms ${s.text.slice(0, 200)}`;
  const health = rows.find((r) => r.op === 'health');
  return {
    checks: [
      check('no answer ≥ 500', errors.length === 0, firstOf(errors.map(show))),
      check('every answer the expected status', unexpected.length === 0, firstOf(unexpected.map(show))),
      check(
        `p99 of every operation ≤ ${p99BoundMs} ms`,
        slow.length === 0 && rows.length === MIX.length + 1,
        rows.map((r) => `${r.op} ${r.p99}`).join(', '),
      ),
      check(
        'one dossier per intake answered, one event per intake and action answered',
        counts.dossiers === intakes && counts.events === intakes + actions && m.codes.length === intakes,
        `${intakes} intakes and ${actions} actions answered; ${counts.dossiers} dossiers, ${counts.events} events in the database`,
      ),
      check(
        'audit chain verifies',
        audit.ok,
        `${audit.checked} records; first break ${JSON.stringify(audit.firstBreak)}`,
      ),
    ],
    figures: {
      requests: samples.length,
      healthP50Ms: health?.p50 ?? -1,
      healthP99Ms: health?.p99 ?? -1,
      ...Object.fromEntries(
        rows.filter((r) => r.op !== 'health').map((r) => [r.op, `${r.n} req, p50 ${r.p50}, p99 ${r.p99} ms`]),
      ),
    },
  };
}
