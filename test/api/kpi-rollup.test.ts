/**
 * The rollup equals the recomputation: on a generated province (5,000 dossiers: every channel,
 * supplements once and twice, late, withdrawn, refused, stopped, transferred, still running at the
 * end), every figure of the index from kpi_daily equals the one from the raw rows, for units of
 * every kind and periods over, not over, and straddling the end of the data. Then dossiers change
 * under the triggers (finished, withdrawn, supplemented twice, transferred, paused, rated badly,
 * complained about, results and digitized copies removed, payments failed, made online, moved) and the incrementally refreshed rollup
 * must again equal both the recomputation and a rollup rebuilt from scratch, row for row.
 * Rankings, counting every unit at once, equal each unit's own index. Runs on PGlite, and on
 * PostgreSQL with TEST_DATABASE_URL. Also: the generator is deterministic.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamDateOf } from '../../src/modules/calendar/dates.js';
import { generateProvince } from '../../src/modules/demo/synthetic/generate.js';
import { weekContaining } from '../../src/modules/kpi/insights.rules.js';
import { computeIndex } from '../../src/modules/kpi/kpi.service.js';
import { kpiRollupRefresh } from '../../src/modules/kpi/kpi.tasks.js';
import {
  rangePeriod,
  reportingMonth,
  reportingQuarter,
  reportingYear,
  weekPeriod,
  type Period,
} from '../../src/modules/kpi/periods.rules.js';
import { rebuildRollup, refreshRollup } from '../../src/modules/kpi/rollup.service.js';
import { type DbHandle, queryRows } from '../../src/kernel/db.js';
import { createTestApp, type TestApp } from '../../src/app/testing/app.js';
import { freshDatabase } from '../../src/app/testing/database.js';
import { testEnv } from '../../src/app/testing/env.js';
import { composition } from '../../src/app/composition.js';

const env = testEnv();
/** Three days after the generated year (2025-07-01 → 2026-06-30) ends. */
const NOW = new Date('2026-07-03T05:00:00Z');
const PERIODS: Period[] = [
  rangePeriod('2025-07-01', '2026-06-30'),
  reportingYear(2026),
  reportingQuarter(2025, 4),
  reportingMonth(2025, 9),
  reportingMonth(2026, 6),
  weekPeriod(2026, 10),
  rangePeriod('2026-06-20', '2026-07-05'), // not over at NOW: "within time" judged now
  rangePeriod('2025-06-01', '2025-06-30'), // before any dossier
  reportingMonth(2026, 4), // ends on a Monday
  rangePeriod('2025-10-01', '2025-10-15'), // a Wednesday
];

let t: TestApp;
let handle: DbHandle;
let units: { id: string; kind: string }[];

/** Every indicator's numerator/denominator, by key. */
async function figures(unitId: string, period: Period, source: 'raw' | 'rollup', now = NOW) {
  const index = await computeIndex(handle.db, env, { unitId, period, source }, now);
  return Object.fromEntries(
    index.groups.flatMap((g) => g.indicators.map((i) => [i.key, `${i.numerator}/${i.denominator}`])),
  );
}

async function expectRollupEqualsRaw() {
  let compared = 0;
  for (const unit of units) {
    for (const period of PERIODS) {
      const raw = await figures(unit.id, period, 'raw');
      expect(await figures(unit.id, period, 'rollup'), `${unit.kind} ${period.from}..${period.to}`).toEqual(raw);
      compared++;
    }
  }
  return compared;
}

/** A period not over at `now` (ten days before it to five after): rollup = raw for every unit. */
async function expectEqualAround(now: Date) {
  const today = vietnamDateOf(now);
  const period = rangePeriod(addDays(today, -10), addDays(today, 5));
  for (const unit of units)
    expect(await figures(unit.id, period, 'rollup', now), `${unit.kind} ${now.toISOString()}`).toEqual(
      await figures(unit.id, period, 'raw', now),
    );
}

/** One-day periods over October 2025: "within time at the end of D" for every D. */
async function expectDayByDay() {
  const province = units.find((u) => u.kind === 'province')!.id;
  for (let day = 1; day <= 31; day++) {
    const date = `2025-10-${String(day).padStart(2, '0')}`;
    const period = rangePeriod(date, date);
    expect(await figures(province, period, 'rollup'), date).toEqual(await figures(province, period, 'raw'));
  }
}

const dailyRows = () =>
  queryRows(
    handle.db,
    sql`select * from kpi_daily where (received, received_online, digitized, reused, counted_received, counted_completed, on_time, on_time_satisfied, processed, e_result, within_delta, within_satisfied_delta, received_with_fees, received_paid_online, received_synced) <> (0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)
        order by day, competent_unit_id, receiving_unit_id`,
  );
// Every row, zeros included: the refresh deletes a minute no running dossier is due at any more, as a rebuild never writes it.
const runningRows = () =>
  queryRows(handle.db, sql`select * from kpi_running order by due_minute, competent_unit_id, receiving_unit_id`);
const procedureRows = () =>
  queryRows(
    handle.db,
    sql`select * from kpi_daily_procedures where (online_received, paid_online_received) <> (0, 0) order by procedure_id, unit_id, day`,
  );

beforeAll(async () => {
  t = await createTestApp();
  handle = t.handle;
  await generateProvince(handle.db, env, { dossiers: 5000, seed: 7 });
  await rebuildRollup(handle.db);
  // The province, the service centre, a department, the commune and the department with the most dossiers.
  units = await queryRows(
    handle.db,
    sql`(select id, kind from units where kind in ('province', 'service_centre'))
        union all (select u.id, u.kind from units u join dossiers d on d.competent_unit_id = u.id where u.kind = 'commune' group by u.id order by count(*) desc, u.official_code limit 1)
        union all (select u.id, u.kind from units u join dossiers d on d.competent_unit_id = u.id where u.kind = 'department' group by u.id order by count(*) desc, u.official_code limit 1)`,
  );
}, 240_000);
afterAll(() => t?.close());

describe('kpi rollup on a generated province', () => {
  it('the generated data has the cases the rollup must get right', async () => {
    const [c] = await queryRows<Record<string, number>>(
      handle.db,
      sql`select count(*) filter (where channel = 'online')::int as online, count(*) filter (where channel = 'postal')::int as postal,
          count(*) filter (where supplement_count = 2)::int as twice, count(*) filter (where outcome = 'late')::int as late,
          count(*) filter (where status = 'withdrawn')::int as withdrawn, count(*) filter (where status = 'stopped')::int as stopped,
          count(*) filter (where status = 'refused')::int as refused, count(*) filter (where completed_at is null and received_at is not null)::int as running,
          count(*) filter (where paused_since is not null)::int as paused,
          (select count(*) from dossier_events where action = 'transfer')::int as transfers,
          (select count(*) from satisfaction_ratings where not satisfied)::int as unsatisfied,
          (select count(*) from feedback_items where dossier_id is not null)::int as complaints,
          (select count(*) from store_item_reuses)::int as reuses,
          (select count(*) from payments where channel = 'online')::int as paid_online,
          (select count(*) from payments where channel = 'counter')::int as paid_counter,
          (select count(*) from national_dossier_syncs where received_synced_at is not null)::int as synced_received,
          (select count(*) from national_dossier_syncs where status = 'failed')::int as sync_failed,
          (select count(*) from national_dossier_syncs where status = 'pending')::int as sync_pending,
          count(*) filter (where population_check = 'verified')::int as population_verified,
          count(*) filter (where population_check in ('notFound', 'unavailable'))::int as population_unverified,
          (select count(*) from dossier_components where national_document_id is not null)::int as national_store,
          (select count(*) from dossier_results where verification = 'unsigned')::int as unsigned_results,
          (select count(*) from dossiers d join procedures p on p.id = d.procedure_id where p.field_code = 'CT' and d.status in ('processed', 'returned'))::int as certifications
        from dossiers`,
    );
    for (const [key, n] of Object.entries(c!)) expect(n, key).toBeGreaterThan(0);
    // "Within time at the end" of a period is carried by finished dossiers, not only running ones.
    const [w] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from kpi_dossier_facts where within_from is not null`,
    );
    expect(w!.n).toBeGreaterThan(0);
  });

  it('every figure from the rollup equals the recomputation from raw rows', async () => {
    expect(units.map((u) => u.kind).sort()).toEqual(['commune', 'department', 'province', 'service_centre']);
    const province = units.find((u) => u.kind === 'province')!.id;
    const year = await figures(province, PERIODS[0]!, 'raw');
    expect(Number(year['progress.onTime']!.split('/')[1])).toBeGreaterThan(4000);
    expect(await expectRollupEqualsRaw()).toBe(units.length * PERIODS.length);
  }, 240_000);

  it('day by day: every single day of a month, for the province', expectDayByDay, 240_000);

  it('a period not over at an earlier now: dossiers running now and those finished after its end, read raw, equal the recomputation', async () => {
    const now = new Date('2026-03-20T03:00:00Z');
    const period = rangePeriod('2026-01-01', '2026-03-31');
    // The generated data runs past this now: some dossiers finish after the period's end.
    const [late] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from dossiers where completed_at >= ${period.end.toISOString()}::timestamptz`,
    );
    expect(late!.n).toBeGreaterThan(0);
    for (const unit of units)
      expect(await figures(unit.id, period, 'rollup', now), unit.kind).toEqual(
        await figures(unit.id, period, 'raw', now),
      );
  }, 240_000);

  it('a period not over, judged just before, at and just after running dossiers are due or paused: the counters by due day plus the misjudged read raw equal the recomputation', async () => {
    const due = await queryRows<{ at: Date }>(
      handle.db,
      sql`select distinct legal_due_at as at from dossiers where completed_at is null and received_at is not null and paused_since is null
          and supplement_count <= 1 and status <> 'withdrawn' and legal_due_at > '2026-06-25' order by 1 limit 3`,
    );
    expect(due).toHaveLength(3);
    for (const { at } of due) {
      const dueAt = new Date(at).getTime();
      const judged: Record<string, string>[] = [];
      for (const now of [dueAt - 3600_000, dueAt, dueAt + 60_000].map((ms) => new Date(ms))) {
        await expectEqualAround(now);
        judged.push(
          await figures(
            units.find((u) => u.kind === 'province')!.id,
            rangePeriod('2025-07-01', '2026-12-31'),
            'rollup',
            now,
          ),
        );
      }
      // Within time at its due instant, late a minute after: the boundary is exercised.
      const within = judged.map((f) => Number(f['progress.onTime']!.split('/')[0]));
      expect(within[1]).toBeGreaterThan(within[2]!);
    }
    // Paused after it was due (a late supplement request): until the pause it is judged by its due time, then late whatever now.
    const [paused] = await queryRows<{ due: Date }>(
      handle.db,
      sql`update dossiers set paused_since = legal_due_at + interval '1 hour' where id = (select id from dossiers
          where completed_at is null and paused_since is not null and supplement_count <= 1 order by code limit 1) returning legal_due_at as due`,
    );
    for (const shift of [-2 * 86_400_000, 86_400_000]) {
      await expectEqualAround(new Date(new Date(paused!.due).getTime() + shift));
    }
  }, 240_000);

  it('after changes under the triggers, the refreshed rollup equals the recomputation and a rebuild', async () => {
    const db = handle.db;
    const completedSample = sql`select id from dossiers where completed_at is not null and status in ('processed', 'returned') order by code`;
    await db.execute(sql`update dossiers set status = 'processed', completed_at = received_at + interval '2 days', outcome = 'early', paused_since = null
      where id in (select id from dossiers where completed_at is null and received_at is not null order by code limit 20)`);
    await db.execute(
      sql`update dossiers set supplement_count = 2 where id in (select id from dossiers where completed_at is null and received_at is not null order by code desc limit 5)`,
    );
    await db.execute(sql`update dossiers set status = 'withdrawn' where id in (${completedSample} limit 15)`);
    await db.execute(
      sql`update dossiers set competent_unit_id = receiving_unit_id where id in (${completedSample} offset 100 limit 15)`,
    );
    // A finished dossier whose row still holds a pause (the second "within time" range).
    await db.execute(sql`update dossiers set paused_since = received_at + (completed_at - received_at) / 2 where id in (select id from dossiers
      where completed_at - received_at > interval '3 days' and received_at >= '2025-09-25' and received_at < '2025-10-25' and supplement_count <= 1 order by code limit 30)`);
    await db.execute(sql`insert into satisfaction_ratings (dossier_id, channel, receiving_unit_id, competent_unit_id, procedure_id, satisfied)
      select id, 'link', receiving_unit_id, competent_unit_id, procedure_id, false from dossiers where id in (${completedSample} offset 300 limit 20)`);
    await db.execute(sql`update feedback_items set dossier_id = (select id from dossiers where received_at is not null order by code offset 400 limit 1)
      where id = (select id from feedback_items where dossier_id is not null order by code limit 1)`);
    await db.execute(sql`delete from dossier_results where dossier_id in (${completedSample} offset 500 limit 15)`);
    await db.execute(sql`delete from store_items s where s.source_dossier_id in (select source_dossier_id from store_items order by source_dossier_id limit 10)
      and not exists (select 1 from store_item_reuses r where r.store_item_id = s.id)`);
    // Payments: an online payment fails after all, a counter dossier is paid online, one is moved to another dossier.
    await db.execute(
      sql`update payments set status = 'failed' where id in (select id from payments where channel = 'online' order by receipt_number limit 10)`,
    );
    await db.execute(
      sql`update payments set channel = 'online', provider = 'paygov' where id in (select id from payments where channel = 'counter' order by receipt_number limit 10)`,
    );
    await db.execute(sql`update payments set dossier_id = (select id from dossiers where received_at is not null and fees <> '[]'::jsonb order by code desc limit 1)
      where id = (select id from payments where channel = 'online' and status = 'paid' order by receipt_number offset 50 limit 1)`);
    // National portal: a failed dossier finally accepted, a synced row removed, a status change alone (no figure moves).
    await db.execute(sql`update national_dossier_syncs s set status = 'synced', received_synced_at = d.received_at + interval '1 hour' from dossiers d
      where d.id = s.dossier_id and d.received_at is not null and s.dossier_id in (select dossier_id from national_dossier_syncs where status = 'failed' order by dossier_id limit 10)`);
    await db.execute(
      sql`delete from national_dossier_syncs where dossier_id in (select dossier_id from national_dossier_syncs where received_synced_at is not null order by dossier_id limit 10)`,
    );
    await db.execute(
      sql`update national_dossier_syncs set status = 'pending' where dossier_id in (select dossier_id from national_dossier_syncs where status = 'synced' order by dossier_id desc limit 10)`,
    );
    // National data: lookups verified later or lost, a paper taken from the national store and one given back, certified copies signed or not.
    await db.execute(
      sql`update dossiers set population_check = 'verified' where id in (select id from dossiers where population_check in ('notFound', 'unavailable') order by code limit 10)`,
    );
    await db.execute(
      sql`update dossiers set population_check = null where id in (select id from dossiers where population_check = 'verified' order by code desc limit 10)`,
    );
    await db.execute(sql`update dossier_components set national_document_id = 'KDL-TEST' where (dossier_id, component_id) in
      (select dossier_id, component_id from dossier_components where national_document_id is null order by dossier_id limit 10)`);
    await db.execute(sql`update dossier_components set national_document_id = null where (dossier_id, component_id) in
      (select dossier_id, component_id from dossier_components where national_document_id is not null order by dossier_id desc limit 10)`);
    await db.execute(sql`update dossier_results set verification = 'invalid' where id in (select r.id from dossier_results r join dossiers d on d.id = r.dossier_id
      join procedures p on p.id = d.procedure_id where p.field_code = 'CT' and r.verification = 'unverifiable' order by r.id limit 10)`);
    const [queued] = await queryRows<{ n: number }>(
      db,
      sql`select count(distinct dossier_id)::int as n from kpi_rollup_queue`,
    );
    expect(queued!.n).toBeGreaterThan(100);

    expect(await expectRollupEqualsRaw()).toBe(units.length * PERIODS.length);
    await expectDayByDay();
    expect(await refreshRollup(db)).toBe(0); // the index drained the queue
    const incremental = [await dailyRows(), await runningRows(), await procedureRows()];
    expect(incremental[1]!.length).toBeGreaterThan(0);
    await rebuildRollup(db);
    expect([await dailyRows(), await runningRows(), await procedureRows()]).toEqual(incremental);
  }, 240_000);
});

describe('the periodic task kpi.refresh-rollup', () => {
  it('drains the queue in the background: the counters then equal the recomputation without an index request', async () => {
    const db = handle.db;
    // A second supplement request: these running dossiers are no longer within time on any day.
    await db.execute(sql`update dossiers set supplement_count = 2
      where id in (select id from dossiers where completed_at is null and received_at is not null and supplement_count <= 1 order by code limit 7)`);
    const before = await dailyRows();
    expect(await kpiRollupRefresh.run(db, env, NOW, composition.services(env))).toEqual({ refreshed: 7 });
    const [left] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from kpi_rollup_queue`);
    expect(left!.n).toBe(0);
    expect(await dailyRows()).not.toEqual(before);
    const province = units.find((u) => u.kind === 'province')!.id;
    expect(await figures(province, PERIODS[0]!, 'rollup')).toEqual(await figures(province, PERIODS[0]!, 'raw'));
  }, 60_000);
});

describe('GET /api/kpi/766?source=', () => {
  it('answers from the rollup by default and recomputes with source=raw, the same figures', async () => {
    const kstthc = await t.login('kstthc');
    const province = units.find((u) => u.kind === 'province')!.id;
    const get = async (extra: string) => {
      const res = await kstthc.request({ url: `/api/kpi/766?unit=${province}&period=2026${extra}` });
      expect(res.statusCode, res.body).toBe(200);
      // asOf is "now" for a period not over: the two requests differ by milliseconds.
      const { asOf: _, ...index } = res.json() as {
        asOf: string;
        total: number;
        groups: { indicators: { key: string; numerator: number; denominator: number }[] }[];
      };
      return index;
    };
    const [rollup, raw] = [await get(''), await get('&source=raw')];
    expect(rollup).toEqual(raw);
    expect(
      rollup.groups.flatMap((g) => g.indicators).find((i) => i.key === 'progress.onTime')!.denominator,
    ).toBeGreaterThan(1000);
    const bad = await kstthc.request({ url: `/api/kpi/766?unit=${province}&period=2026&source=cache` });
    expect(bad.statusCode).toBe(400);
  });

  it('rankings count every unit at once, each equal to its own index (GET /api/kpi/766), changes included', async () => {
    const kstthc = await t.login('kstthc');
    const get = async (url: string) => {
      const res = await kstthc.request({ url });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const province = units.find((u) => u.kind === 'province')!.id;
    type Change = { from: string; to: string; total: number; previousTotal: number };
    type Item = {
      unitId: string;
      total: number;
      grade: string;
      groups: { key: string; points: number }[];
      weekOnWeek: Change;
      monthOnMonth: Change;
    };
    const items = (await get(`/api/kpi/rankings?parent=${province}&period=2026-03`)).items as Item[];
    expect(items.length).toBeGreaterThan(100);
    const groups = (i: { groups: { key: string; points: number }[] }) => i.groups.map((g) => [g.key, g.points]);
    const totals = new Set<number>();
    for (const [n, item] of items.entries()) {
      const own = await get(`/api/kpi/766?unit=${item.unitId}&period=2026-03`);
      expect({ total: item.total, grade: item.grade, groups: groups(item) }, item.unitId).toEqual({
        total: own.total,
        grade: own.grade,
        groups: groups(own),
      });
      totals.add(item.total);
      if (n % 10 !== 0) continue;
      expect(item.weekOnWeek.total).toBe(
        (await get(`/api/kpi/766?unit=${item.unitId}&from=${item.weekOnWeek.from}&to=${item.weekOnWeek.to}`)).total,
      );
      const week = weekContaining(addDays(item.weekOnWeek.from, -1));
      expect(item.weekOnWeek.previousTotal).toBe(
        (await get(`/api/kpi/766?unit=${item.unitId}&from=${week.from}&to=${week.to}`)).total,
      );
      expect(item.monthOnMonth.previousTotal).toBe(
        (await get(`/api/kpi/766?unit=${item.unitId}&period=2026-02`)).total,
      );
    }
    // Not a ranking of equals: the generated units differ.
    expect(totals.size).toBeGreaterThan(5);
  }, 240_000);
});

describe('generator', () => {
  it('the same seed builds the same province', async () => {
    const fingerprint = async (seed: number) => {
      const db = await freshDatabase({ demo: true });
      try {
        const report = await generateProvince(db.db, env, { dossiers: 300, seed });
        const rows = await queryRows<{ f: string }>(
          db.db,
          sql`select string_agg(concat_ws('|', d.code, d.id, d.status, d.channel, d.outcome, d.received_at, d.completed_at, d.legal_due_at, d.supplement_count, u.official_code,
              (select count(*) from dossier_events e where e.dossier_id = d.id)), ',' order by d.code) as f
              from dossiers d join units u on u.id = d.competent_unit_id`,
        );
        return { rows: report.rows, f: rows[0]!.f };
      } finally {
        await db.close();
      }
    };
    const a = await fingerprint(11);
    expect(a.rows.dossiers).toBe(300);
    expect(await fingerprint(11)).toEqual(a);
    expect((await fingerprint(12)).f).not.toEqual(a.f);
  }, 240_000);
});
