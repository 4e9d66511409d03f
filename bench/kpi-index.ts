/**
 * The Decision-766 index at province scale (issue 6: a province-year answers in < 0.5 s on
 * PostgreSQL, equal to the full recomputation). For each size N (BENCH_KPI_SIZES, default
 * 100000): a throw-away database (PGlite in memory, or a schema of BENCH_DATABASE_URL), the demo
 * province, `generateProvince` N dossiers (seed 42; rows/s), `rebuildRollup`, then the index
 * timed for the province over the generated year, a reporting month and a department over the
 * year, all three over, and the province's year so far (not over: "within time" judged now) —
 * from the rollup (`source=rollup`, the default: drains the refresh queue, sums kpi_daily, and
 * for a period not over reads the dossiers running now raw) and from the raw rows (`source=raw`, the baseline), median of
 * RUNS each, both answers compared (the bench throws if any figure differs). Last, the refresh
 * after 1,000 dossiers change. Every line carries the 1-minute load average: the machine is
 * shared. Each index runs in a transaction with work_mem = 256MB (BENCH_KPI_WORK_MEM): at the default 4MB the raw
 * recomputation's membership sub-selects spill and are re-scanned per dossier (at 1 M dossiers one
 * raw index ran over a minute before it was cancelled); the rollup does not need it. Then the
 * rankings of the province's sub-units, all counted together against one index per unit
 * (rankingCase); BENCH_KPI_CASES=rankings runs only that.
 *
 * BENCH_KPI_SCHEMA=<schema> (PostgreSQL) reuses a schema a previous run generated and kept
 * (BENCH_KPI_KEEP=1): no generation, the code's newer migrations applied, the rollup rebuilt —
 * or, with BENCH_KPI_REBUILD=0, kept and only the dossiers those migrations queued refreshed —
 * and timed again.
 *
 *   npm run bench -- kpi-index
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test BENCH_KPI_SIZES=100000,1000000 npm run bench -- kpi-index
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { generateProvince } from '../src/modules/demo/synthetic/generate.js';
import { computeIndex } from '../src/modules/kpi/kpi.service.js';
import { comparedPeriods, rankedUnits, rankings } from '../src/modules/kpi/rankings.service.js';
import { type Period, rangePeriod, reportingMonth } from '../src/modules/kpi/periods.rules.js';
import { rebuildRollup, refreshRollup } from '../src/modules/kpi/rollup.service.js';
import { type Queryable, queryRows } from '../src/kernel/db.js';
import { openAppDatabase } from '../src/app/composition.js';
import { applyMigrations } from '../src/kernel/migrate.js';
import { prepare } from '../src/app/testing/database.js';
import { testEnv } from '../src/app/testing/env.js';

const RUNS = Number(process.env.BENCH_KPI_RUNS ?? 5);
/**
 * BENCH_KPI_WORK_MEM (default 256MB) for each index's transaction: the raw recomputation's
 * membership sub-selects must fit in hashes — at 10 M dossiers 256MB does not, PostgreSQL plans
 * them as sub-plans re-run per dossier (estimated cost ×10⁵; one ran 15 min and was cancelled),
 * 2GB does. The rollup needs none of it.
 */
const WORK_MEM = process.env.BENCH_KPI_WORK_MEM ?? '256MB';
if (!/^\d+[kMG]B$/.test(WORK_MEM)) throw new Error(`BENCH_KPI_WORK_MEM=${WORK_MEM}: a size such as 256MB or 2GB`);
/** BENCH_KPI_RAW_RUNS: how many of those runs also time the raw recomputation (at 10 M one takes minutes). */
const RAW_RUNS = Number(process.env.BENCH_KPI_RAW_RUNS ?? RUNS);
/**
 * BENCH_KPI_CASES=rankings: only the rankings case (the index cases time the raw recomputation
 * too); =index: only the index cases (at 10 M the rankings' per-unit baseline would take hours).
 */
const ONLY_RANKINGS = process.env.BENCH_KPI_CASES === 'rankings';
const ONLY_INDEX = process.env.BENCH_KPI_CASES === 'index';
/** BENCH_KPI_RANKINGS_BASELINE=0: time the rankings alone (at 10 M their per-unit baseline would take hours). */
const RANKINGS_BASELINE = process.env.BENCH_KPI_RANKINGS_BASELINE !== '0';
/** Three days after the generated year: every period below is over, "within time" judged at its end. */
const NOW = new Date('2026-07-03T05:00:00Z');
/**
 * Inside the generated year: the year not over, "within time" judged at an earlier now — dossiers
 * received, paused and finished after it exist (the corrections the rollup reads raw).
 */
const EARLIER_NOW = new Date('2026-05-14T03:00:00Z');
const env = testEnv();

const load = () => loadavg()[0]!.toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/**
 * ANALYZE the tables of the bench's own schema (PGlite: of the database): a bare ANALYZE would also
 * visit the other schemas, and wait behind another bench's generation holding its tables' locks.
 */
async function analyzeOwnTables(db: Queryable) {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = current_schema()`,
  );
  for (const { name } of tables) await db.execute(sql`analyze ${sql.identifier(name)}`);
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await f();
  return [value, performance.now() - t0];
}

export async function run(): Promise<string> {
  const url = process.env.BENCH_DATABASE_URL;
  const sizes = (process.env.BENCH_KPI_SIZES ?? '100000').split(',').map(Number);
  const lines = [`kpi-index on ${url ? 'PostgreSQL' : 'PGlite'}, median of ${RUNS}`];
  // Each figure also goes to stderr as soon as it is known: a 10 M run lasts hours.
  const push = lines.push.bind(lines);
  lines.push = (...found: string[]) => {
    for (const line of found) console.error(line);
    return push(...found);
  };
  for (const size of sizes) {
    const reused = url ? process.env.BENCH_KPI_SCHEMA : undefined;
    const handle = await openAppDatabase(
      url ? { databaseUrl: url, schemaName: reused ?? `bench_${randomBytes(4).toString('hex')}` } : {},
    );
    try {
      const db = handle.db;
      if (reused) {
        // The kept schema is brought to the code's migrations (a newer rollup may need them).
        await applyMigrations(handle);
        const [n] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from dossiers`);
        lines.push(`N = ${n!.n}: schema ${reused} generated by an earlier run`);
      } else {
        await prepare(handle, true);
        const report = await generateProvince(db, env, {
          dossiers: size,
          seed: 42,
          log: (l) => console.error(`  ${l}`),
        });
        lines.push(
          `N = ${size}: generated ${report.totalRows} rows in ${report.seconds.toFixed(1)} s = ${Math.round(report.rowsPerSecond)} rows/s, of which ${report.restoreSeconds.toFixed(1)} s restoring indexes and foreign keys (load ${load()})`,
        );
      }
      await analyzeOwnTables(db);
      if (reused && process.env.BENCH_KPI_REBUILD === '0') {
        // Keep the kept rollup, brought up to date as a deployment would: drain what the new migrations queued.
        const [refreshed, took] = await timed(() => refreshRollup(db));
        lines.push(
          `  rollup kept, ${refreshed} queued dossiers refreshed in ${(took / 1000).toFixed(1)} s (load ${load()})`,
        );
      } else {
        const [, rebuild] = await timed(() => rebuildRollup(db));
        const [daily] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from kpi_daily`);
        lines.push(`  rollup rebuilt in ${(rebuild / 1000).toFixed(1)} s, ${daily!.n} kpi_daily rows (load ${load()})`);
      }
      await analyzeOwnTables(db);
      const [province] = await queryRows<{ id: string }>(db, sql`select id from units where kind = 'province'`);
      const [department] = await queryRows<{ id: string }>(
        db,
        sql`select u.id from units u join dossiers d on d.competent_unit_id = u.id where u.kind = 'department' group by u.id order by count(*) desc limit 1`,
      );
      const cases: [string, string, Period, Date][] = [
        ['province, year', province!.id, rangePeriod('2025-07-01', '2026-06-30'), NOW],
        ['province, month', province!.id, reportingMonth(2026, 3), NOW],
        ['department, year', department!.id, rangePeriod('2025-07-01', '2026-06-30'), NOW],
        ['province, calendar year 2026 so far', province!.id, rangePeriod('2026-01-01', '2026-12-31'), NOW],
        ['province, year so far at an earlier now', province!.id, rangePeriod('2025-07-01', '2026-06-30'), EARLIER_NOW],
      ];
      for (const [name, unitId, period, now] of ONLY_RANKINGS ? [] : cases) {
        const times: Record<'rollup' | 'raw', number[]> = { rollup: [], raw: [] };
        const answers: Record<'rollup' | 'raw', string> = { rollup: '', raw: '' };
        for (let i = 0; i < RUNS; i++) {
          for (const source of i < RAW_RUNS ? (['rollup', 'raw'] as const) : (['rollup'] as const)) {
            const [index, t] = await timed(() =>
              db.transaction(async (tx) => {
                await tx.execute(sql.raw(`set local work_mem = '${WORK_MEM}'`));
                return computeIndex(tx, env, { unitId, period, source }, now);
              }),
            );
            times[source].push(t);
            answers[source] = JSON.stringify(index.groups);
          }
        }
        if (answers.rollup !== answers.raw)
          throw new Error(`${name}: the rollup's index differs from the recomputation`);
        const [r, b] = [median(times.rollup), median(times.raw)];
        lines.push(`  ${name}: rollup ${ms(r)}, raw ${ms(b)}, ratio ${(r / b).toFixed(3)} (load ${load()})`);
      }
      if (!ONLY_INDEX) await rankingCase(db, province!.id, lines);
      await db.execute(
        sql`update dossiers set supplement_count = supplement_count + 1 where id in (select id from dossiers order by code limit 1000)`,
      );
      const [refreshed, refresh] = await timed(() => refreshRollup(db));
      lines.push(`  refresh after ${refreshed} dossiers changed: ${ms(refresh)} (load ${load()})`);
    } finally {
      if (url && !reused && !process.env.BENCH_KPI_KEEP)
        await handle.db.execute(sql.raw(`drop schema "${handle.schemaName}" cascade`));
      await handle.close();
    }
  }
  return lines.join('\n');
}

/**
 * Rankings of the province's open sub-units over a reporting month (the month and the weeks and
 * months its changes compare): every unit counted together (`rankings`), against the per-unit
 * path rankings took before — one `computeIndex` per unit and period, four at a time — kept here
 * only as the baseline. The bench throws if any unit's total or groups differ.
 */
async function rankingCase(db: Queryable, provinceId: string, lines: string[]) {
  const period = reportingMonth(2026, 3);
  const members = await rankedUnits(db, provinceId, period);
  const { distinct } = comparedPeriods(period, NOW);
  const perUnit = async () => {
    const tasks = distinct.flatMap((p) => members.map((u) => ({ p, u })));
    const out = new Map<string, Awaited<ReturnType<typeof computeIndex>>>();
    const worker = async () => {
      for (let task = tasks.shift(); task; task = tasks.shift())
        out.set(`${task.u.id}|${task.p.from}`, await computeIndex(db, env, { unitId: task.u.id, period: task.p }, NOW));
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    return out;
  };
  const times: Record<'together' | 'perUnit', number[]> = { together: [], perUnit: [] };
  for (let i = 0; i < RUNS; i++) {
    const [ranked, t] = await timed(() => rankings(db, env, provinceId, period, {}, NOW));
    times.together.push(t);
    if (!RANKINGS_BASELINE) continue;
    const [baseline, b] = await timed(perUnit);
    times.perUnit.push(b);
    for (const item of ranked.items) {
      const one = baseline.get(`${item.unitId}|${period.from}`)!;
      const groups = one.groups.map((g) => ({ key: g.key, name: g.name, points: g.points, max: g.max }));
      if (item.total !== one.total || JSON.stringify(item.groups) !== JSON.stringify(groups))
        throw new Error(`rankings: ${item.name} differs from its own index`);
      if (item.monthOnMonth.previousTotal !== baseline.get(`${item.unitId}|${reportingMonth(2026, 2).from}`)?.total)
        throw new Error(`rankings: ${item.name}'s previous month differs`);
    }
  }
  const r = median(times.together);
  if (!RANKINGS_BASELINE)
    return void lines.push(
      `  rankings of ${members.length} units, ${distinct.length} periods: together ${ms(r)}, no per-unit baseline (load ${load()})`,
    );
  const b = median(times.perUnit);
  lines.push(
    `  rankings of ${members.length} units, ${distinct.length} periods: together ${ms(r)}, per unit ${ms(b)}, ratio ${(r / b).toFixed(3)} (load ${load()})`,
  );
}
