/**
 * Issue 15, item 1 and the empty months of item 2: an indicator with nothing due has no score,
 * a unit's total is taken over the indicators that apply, and a unit (or month) without dossiers
 * has no total — it is listed apart in the ranking, not tied at rank 1 with 100 "Xuất sắc".
 * The clock is pinned to 25 Mar 2026, 10:00 Vietnam: reporting month 2026-03 (21 Feb → 20 Mar)
 * is over, so its figures are judged at its end.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { queryRows } from '../../src/kernel/db.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { parsePeriod } from '../../src/modules/kpi/periods.rules.js';
import { citizen, insertCase, processedDossier } from '../fixtures/kpi.js';
import { type DemoProcedure, fileDossier } from '../fixtures/dossiers.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { demoUnits } from '../fixtures/units.js';

const NOW = '2026-03-25T03:00:00Z';
const MONTH = '2026-03';

let t: TestApp;
let kstthc: Session;
let province: string;
let soTuPhap: string;

const get = async (url: string) => {
  const res = await kstthc.request({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** Dossiers of a unit's subtree received before the period's end and not finished before its start. */
async function dossiersHandled(unitId: string, period: string) {
  const p = parsePeriod(period)!;
  const [row] = await queryRows<{ n: number }>(
    t.handle.db,
    sql`with recursive sub(id) as (select ${unitId}::uuid union select u.id from units u join sub on u.parent_id = sub.id)
      select count(*)::int as n from dossiers
      where (competent_unit_id in (select id from sub) or receiving_unit_id in (select id from sub))
        and received_at < ${p.end.toISOString()}::timestamptz
        and (completed_at is null or completed_at >= ${p.start.toISOString()}::timestamptz) and status <> 'withdrawn'`,
  );
  return row!.n;
}

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock(NOW) });
  const [tiepnhan, chuyenvien, lanhdao] = await Promise.all([
    t.login('tiepnhan'),
    t.login('chuyenvien'),
    t.login('lanhdao'),
  ]);
  kstthc = await t.login('kstthc');
  const unit = await demoUnits(t);
  province = unit('Ủy ban nhân dân tỉnh An Giang');
  soTuPhap = unit('Sở Tư pháp');
  const procedure = await procedureByCode<DemoProcedure>(t, '2.000635');
  const model = (await processedDossier({ tiepnhan, chuyenvien, lanhdao }, procedure, soTuPhap)).code;
  // One dossier of Sở Tư pháp in the month, finished on time; one received late in it, still running.
  await insertCase(t, model, {
    code: 'NODATA-01',
    status: 'processed',
    received: '2026-03-02T08:00:00+07:00',
    completed: '2026-03-05T09:00:00+07:00',
    outcome: 'onTime',
    due: '2026-03-09T17:00:00+07:00',
    competentUnitId: soTuPhap,
  });
  await fileDossier(tiepnhan, procedure, { channel: 'counter', applicant: citizen, competentUnitId: soTuPhap });
}, 120_000);
afterAll(() => t.close());

describe('Decision-766 index without dossiers', () => {
  it('a department without dossiers in the month has no total, no grade and no full points for 0/0', async () => {
    const ranking = await get(`/api/kpi/rankings?parent=${province}&period=${MONTH}&kind=department`);
    const all = [...ranking.items, ...ranking.unranked] as { unitId: string }[];
    const empty: string[] = [];
    for (const u of all) if ((await dossiersHandled(u.unitId, MONTH)) === 0) empty.push(u.unitId);
    expect(empty.length).toBeGreaterThan(0);
    const index = await get(`/api/kpi/766?unit=${empty[0]}&period=${MONTH}`);
    expect(index).toMatchObject({ noData: true, total: null, grade: null, gradeName: null });
    const progress = index.groups
      .flatMap((g: { indicators: unknown[] }) => g.indicators)
      .find((i: { key: string }) => i.key === 'progress.onTime');
    expect(progress).toMatchObject({ numerator: 0, denominator: 0, ratio: null, points: null, applies: false });
    expect(index.applicable).toBeLessThan(index.indicatorCount);
  });

  it('ranks only the departments with dossiers; the others are listed apart, not tied at rank 1 with 100', async () => {
    const ranking = await get(`/api/kpi/rankings?parent=${province}&period=${MONTH}&kind=department`);
    for (const item of ranking.items as { unitId: string; total: number }[]) {
      expect(await dossiersHandled(item.unitId, MONTH)).toBeGreaterThan(0);
      expect(item.total).not.toBeNull();
    }
    for (const u of ranking.unranked as { unitId: string; reason: string }[]) {
      expect(await dossiersHandled(u.unitId, MONTH)).toBe(0);
      expect(u.reason).toBe('noDossiers');
    }
    const stp = ranking.items.find((i: { unitId: string }) => i.unitId === soTuPhap);
    expect(stp).toBeDefined();
    const index = await get(`/api/kpi/766?unit=${soTuPhap}&period=${MONTH}`);
    expect(index.noData).toBe(false);
    expect(stp.total).toBe(index.total);
    expect(stp.applicable).toBe(index.applicable);
    // The total is the points earned over the maximum of the indicators that apply, on 100.
    const earned = index.groups.reduce((s: number, g: { points: number }) => s + g.points, 0);
    const applicableMax = index.groups.reduce((s: number, g: { applicableMax: number }) => s + g.applicableMax, 0);
    expect(index.total).toBeCloseTo((earned / applicableMax) * 100, 1);
  });

  it('months without dossiers show no score at all, not the same invented one', async () => {
    for (const month of ['2025-07', '2025-08', '2025-09']) {
      expect(await dossiersHandled(province, month)).toBe(0);
      const index = await get(`/api/kpi/766?unit=${province}&period=${month}`);
      expect(index).toMatchObject({ noData: true, total: null, grade: null });
    }
  });

  it('the public dashboard says the same', async () => {
    const res = await t.app.inject({ url: `/api/public/kpi/rankings?period=${MONTH}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const staff = await get(`/api/kpi/rankings?parent=${province}&period=${MONTH}&kind=department`);
    expect(body.items.map((i: { name: string }) => i.name)).toEqual(staff.items.map((i: { name: string }) => i.name));
    expect(body.unranked).toHaveLength(staff.unranked.length);
  });
});
