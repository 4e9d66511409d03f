/**
 * Plan targets and rankings through the API: defaults from docs/domain/DOMAIN.md §10, per-unit values with
 * inheritance, the role that may set them, actuals equal to the index's ratios, gap and trend
 * against the previous reporting month, productivity per one-stop officer; units ranked by
 * their index with week-on-week and month-on-month change.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamDateOf } from '../../src/modules/calendar/dates.js';
import { previousPeriod, weekContaining } from '../../src/modules/kpi/insights.rules.js';
import { parsePeriod, reportingMonthOf } from '../../src/modules/kpi/periods.rules.js';
import { queryRows } from '../../src/kernel/db.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { type DemoProcedure, fileDossier, step } from '../fixtures/dossiers.js';
import { citizen, insertCase, processedDossier } from '../fixtures/kpi.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { demoUnits } from '../fixtures/units.js';

let t: TestApp;
let kstthc: Session;
let lanhdao: Session;
let chuyenvien: Session;
let tiepnhan: Session;
let procedure: DemoProcedure;
let soTuPhap: string;
let division: string;
let centre: string;
let province: string;
let commune: string;
const month = reportingMonthOf(vietnamDateOf(new Date()));
const previous = previousPeriod(parsePeriod(month)!, month);
let processedCode: string;
let onlineCode: string;

interface Row {
  key: string;
  value: number;
  source: string;
  target: number;
  actual: {
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    available: boolean;
    indicator?: string;
  };
  previousActual: number | null;
  gap: number | null;
  met: boolean | null;
  trend: string;
}
const get = async (s: Session, url: string, status = 200) => {
  const res = await s.request({ url });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};
const rowOf = (body: { targets: Row[] }, key: string) => body.targets.find((r) => r.key === key)!;

beforeAll(async () => {
  t = await createTestApp();
  [kstthc, lanhdao, chuyenvien, tiepnhan] = await Promise.all([
    t.login('kstthc'),
    t.login('lanhdao'),
    t.login('chuyenvien'),
    t.login('tiepnhan'),
  ]);
  procedure = await procedureByCode(t, '2.000635');
  const unit = await demoUnits(t);
  soTuPhap = unit('Sở Tư pháp');
  division = unit('Phòng Hành chính tư pháp');
  centre = unit('Trung tâm Phục vụ hành chính công', true);
  province = unit('Ủy ban nhân dân tỉnh An Giang');
  commune = unit('UBND ', true);
  processedCode = (await processedDossier({ tiepnhan, chuyenvien, lanhdao }, procedure, soTuPhap)).code;
  const online = await fileDossier(await t.login('congdan'), procedure, {
    channel: 'online',
    applicant: citizen,
    competentUnitId: soTuPhap,
    receivingUnitId: centre,
  });
  onlineCode = (await step(tiepnhan, online.code, online.version, 'accept')).code;
  // The month before: one dossier processed without an electronic result.
  const day = `${addDays(previous.from, 3)}T08:00:00+07:00`;
  const done = `${addDays(previous.from, 5)}T09:00:00+07:00`;
  await insertCase(t, processedCode, {
    code: 'KPI-PREV-01',
    status: 'processed',
    received: day,
    completed: done,
    outcome: 'onTime',
    due: done,
  });
}, 120_000);
afterAll(() => t.close());

describe('GET /api/kpi/targets', () => {
  it('lists every target of docs/domain/DOMAIN.md §10 with its default', async () => {
    const body = await get(kstthc, `/api/kpi/targets?unit=${soTuPhap}&period=${month}`);
    expect(body.targets.map((r: Row) => r.key)).toEqual([
      'eResult',
      'reuse',
      'feedbackOnTime',
      'satisfaction',
      'fullyOnlineServices',
      'onlinePayment',
      'onlineDossiers',
      'digitization',
      'sync',
      'prefilledFields',
      'waitingMinutes',
      'productivity',
    ]);
    const values = Object.fromEntries(body.targets.map((r: Row) => [r.key, r.target]));
    expect(values).toMatchObject({
      eResult: 1,
      reuse: 0.5,
      feedbackOnTime: 1,
      satisfaction: 0.9,
      fullyOnlineServices: 0.8,
      onlinePayment: 0.6,
      onlineDossiers: 0.6,
      sync: 1,
      prefilledFields: 0.2,
      waitingMinutes: 30,
      productivity: 7920,
    });
    expect(body.targets.every((r: Row) => r.source === 'default')).toBe(true);
    // A commune's one-stop officers are held to the commune-level figure.
    expect(rowOf(await get(kstthc, `/api/kpi/targets/values?unit=${commune}&year=2026`), 'productivity').value).toBe(
      5280,
    );
  });

  it('actuals are the index ratios, with gap and trend against the previous reporting month', async () => {
    const body = await get(kstthc, `/api/kpi/targets?unit=${soTuPhap}&period=${month}`);
    expect(body.previous).toEqual({ from: previous.from, to: previous.to });
    const index = await get(kstthc, `/api/kpi/766?unit=${soTuPhap}&period=${month}`);
    const indicator = (key: string) =>
      index.groups.flatMap((g: { indicators: unknown[] }) => g.indicators).find((i: { key: string }) => i.key === key);
    const eResult = rowOf(body, 'eResult');
    expect(eResult.actual).toMatchObject({
      numerator: indicator('digitization.eResult').numerator,
      denominator: indicator('digitization.eResult').denominator,
      indicator: 'digitization.eResult',
    });
    expect(eResult.actual).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
    // Previous month: processed without an e-result → 0 %; now 100 %: better, target met.
    expect(eResult).toMatchObject({ previousActual: 0, gap: 0, met: true, trend: 'better' });
    const online = rowOf(body, 'onlineDossiers');
    expect(online.actual.value).toBe(indicator('online.dossiersOnline').ratio);
    expect(online.actual.value).toBe(0.5); // one dossier online of two received
    expect(online.met).toBe(false);
    expect(online.gap).toBeCloseTo(-0.1, 4);
    // Sync to the national portal: the index's transparency.synced (nothing pushed in this file: 0 of those received).
    const synced = indicator('transparency.synced');
    expect(rowOf(body, 'sync').actual).toMatchObject({
      available: true,
      indicator: 'transparency.synced',
      numerator: 0,
      denominator: synced.denominator,
    });
    expect(rowOf(body, 'sync').met).toBe(synced.denominator === 0);
    // Online payment: the ratio of the index's payment.dossiersPaidOnline (payments module).
    const paid = indicator('payment.dossiersPaidOnline');
    expect(rowOf(body, 'onlinePayment').actual).toMatchObject({
      available: true,
      indicator: 'payment.dossiersPaidOnline',
      numerator: paid.numerator,
      denominator: paid.denominator,
    });
  });

  it('productivity: dossiers the centre’s one-stop officers received ÷ the officers, scaled to a year', async () => {
    const body = await get(kstthc, `/api/kpi/targets?unit=${centre}&period=${month}`);
    const p = parsePeriod(month)!;
    const [facts] = await queryRows<{ received: number; officers: number }>(
      t.handle.db,
      sql`
      select (select count(*) from dossiers d join user_roles r on r.user_id = d.received_by and r.unit_id = d.receiving_unit_id and r.role = 'one_stop_officer'
                where d.receiving_unit_id = ${centre} and d.received_at >= ${p.start.toISOString()}::timestamptz and d.received_at < ${p.end.toISOString()}::timestamptz)::int as received,
             (select count(distinct user_id) from user_roles where role = 'one_stop_officer' and unit_id = ${centre})::int as officers`,
    );
    const days = (p.end.getTime() - p.start.getTime()) / 86_400_000;
    expect(facts!.received).toBeGreaterThan(0);
    expect(rowOf(body, 'productivity').actual).toMatchObject({
      numerator: facts!.received,
      denominator: facts!.officers,
      value: Math.round(((facts!.received / facts!.officers) * 365) / days),
    });
    const table = await get(kstthc, `/api/kpi/productivity?unit=${centre}&period=${month}`);
    expect(table.officers.reduce((s: number, o: { handled: number }) => s + o.handled, 0)).toBe(facts!.received);
  });

  it('waiting time: the queue module’s tickets at the centre, against at most 30 minutes', async () => {
    const p = parsePeriod(month)!;
    const at = (minutes: number) => new Date(p.start.getTime() + minutes * 60_000).toISOString();
    for (const [n, checkedIn, called] of [
      [1, 1, 11],
      [2, 2, 42],
    ] as const) {
      await t.handle.db.execute(sql`insert into queue_tickets (unit_id, day, number, field_code, status, checked_in_at, called_at)
        select ${centre}::uuid, ${p.from}::date, ${n}, code, 'called', ${at(checkedIn)}::timestamptz, ${at(called)}::timestamptz from procedure_fields order by code limit 1`);
    }
    const waiting = rowOf(await get(kstthc, `/api/kpi/targets?unit=${centre}&period=${month}`), 'waitingMinutes');
    // (10 + 40) / 2 = 25 minutes: under the limit by 5.
    expect(waiting).toMatchObject({ target: 30, actual: { value: 25, available: true }, gap: -5, met: true });
    expect(
      rowOf(await get(kstthc, `/api/kpi/targets?unit=${soTuPhap}&period=${month}`), 'waitingMinutes').actual.value,
    ).toBeNull();
  });

  it('refuses readers without kpi.read on the unit', async () => {
    await get(chuyenvien, `/api/kpi/targets?unit=${soTuPhap}&period=${month}`, 403);
    await get(lanhdao, `/api/kpi/targets?unit=${centre}&period=${month}`, 403);
    expect((await t.app.inject({ url: `/api/kpi/targets?unit=${soTuPhap}&period=${month}` })).statusCode).toBe(401);
  });
});

describe('PUT /api/kpi/targets/values', () => {
  const put = (s: Session, unit: string, targets: unknown[]) =>
    s.request({ method: 'PUT', url: `/api/kpi/targets/values?unit=${unit}&year=2026`, payload: { targets } });

  it('a procedure control officer sets a unit’s values; units below inherit them; null clears', async () => {
    const res = await put(kstthc, soTuPhap, [
      { key: 'reuse', value: 0.7 },
      { key: 'waitingMinutes', value: 20 },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(rowOf(res.json(), 'reuse')).toMatchObject({ value: 0.7, source: 'unit' });
    expect(rowOf(await get(kstthc, `/api/kpi/targets/values?unit=${division}&year=2026`), 'reuse')).toMatchObject({
      value: 0.7,
      source: 'inherited',
      fromUnitId: soTuPhap,
    });
    expect(rowOf(await get(kstthc, `/api/kpi/targets/values?unit=${soTuPhap}&year=2027`), 'reuse')).toMatchObject({
      value: 0.5,
      source: 'default',
    });
    // The province sets its own; the department's nearer value still wins for the department.
    expect((await put(kstthc, province, [{ key: 'reuse', value: 0.6 }])).statusCode).toBe(200);
    expect(rowOf(await get(kstthc, `/api/kpi/targets/values?unit=${division}&year=2026`), 'reuse').value).toBe(0.7);
    expect(rowOf(await get(kstthc, `/api/kpi/targets/values?unit=${centre}&year=2026`), 'reuse')).toMatchObject({
      value: 0.6,
      source: 'inherited',
    });
    const cleared = await put(kstthc, soTuPhap, [{ key: 'reuse', value: null }]);
    expect(rowOf(cleared.json(), 'reuse')).toMatchObject({ value: 0.6, source: 'inherited', fromUnitId: province });
    expect(rowOf(cleared.json(), 'waitingMinutes')).toMatchObject({ value: 20, source: 'unit' });
    const audit = await queryRows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from audit_log where action = 'kpi.targets'`,
    );
    expect(audit[0]!.n).toBe(3);
    // The table for a period of 2026 uses the year's values.
    const table = await get(kstthc, `/api/kpi/targets?unit=${soTuPhap}&from=2026-03-01&to=2026-03-31`);
    expect(rowOf(table, 'waitingMinutes').target).toBe(20);
  });

  it('refuses a leader, a ratio above 1 and a key named twice', async () => {
    expect((await put(lanhdao, soTuPhap, [{ key: 'reuse', value: 0.7 }])).statusCode).toBe(403);
    const bad = await put(kstthc, soTuPhap, [{ key: 'reuse', value: 1.5 }]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'KPI_TARGET_INVALID' });
    expect(bad.json().error.message).toContain('tỷ lệ từ 0 đến 1');
    expect(
      (
        await put(kstthc, soTuPhap, [
          { key: 'reuse', value: 0.5 },
          { key: 'reuse', value: 0.6 },
        ])
      ).statusCode,
    ).toBe(422);
    expect((await put(kstthc, soTuPhap, [{ key: 'productivity', value: 0 }])).statusCode).toBe(422);
  });
});

describe('GET /api/kpi/rankings', () => {
  interface Item {
    unitId: string;
    name: string;
    kind: string;
    rank: number;
    total: number;
    weekOnWeek: {
      from: string;
      total: number;
      previousTotal: number;
      change: number;
      rank: number | null;
      previousRank: number | null;
      rankChange: number | null;
    };
    monthOnMonth: { from: string; total: number; previousTotal: number; change: number };
  }

  it('ranks the departments by their index, with changes equal to the week and month indexes', async () => {
    const body = await get(kstthc, `/api/kpi/rankings?parent=${province}&period=${month}&kind=department`);
    const items = body.items as Item[];
    expect(items.length + body.unranked.length).toBe(11);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.kind === 'department')).toBe(true);
    for (let i = 1; i < items.length; i++) {
      expect(items[i]!.total).toBeLessThanOrEqual(items[i - 1]!.total);
      expect(items[i]!.rank).toBe(items[i]!.total === items[i - 1]!.total ? items[i - 1]!.rank : i + 1);
    }
    const stp = items.find((i) => i.unitId === soTuPhap)!;
    expect(stp.total).toBe((await get(kstthc, `/api/kpi/766?unit=${soTuPhap}&period=${month}`)).total);
    const week = weekContaining([parsePeriod(month)!.to, vietnamDateOf(new Date())].sort()[0]!);
    expect(stp.weekOnWeek.from).toBe(week.from);
    expect(stp.weekOnWeek.total).toBe(
      (await get(kstthc, `/api/kpi/766?unit=${soTuPhap}&from=${week.from}&to=${week.to}`)).total,
    );
    const before = await get(kstthc, `/api/kpi/766?unit=${soTuPhap}&period=${previous.to.slice(0, 7)}`);
    expect(stp.monthOnMonth.previousTotal).toBe(before.total);
    expect(stp.monthOnMonth.change).toBeCloseTo(stp.monthOnMonth.total - before.total, 2);
    // A unit unranked in either week has no rank change.
    const { rank: thisWeek, previousRank: lastWeek } = stp.weekOnWeek;
    expect(stp.weekOnWeek.rankChange).toBe(lastWeek === null || thisWeek === null ? null : lastWeek - thisWeek);
  });

  it('ranks every open sub-unit of the province (closed districts left out)', async () => {
    const started = Date.now();
    const body = await get(kstthc, `/api/kpi/rankings?parent=${province}&period=${month}`);
    console.log(`rankings of ${body.items.length} units (5 periods each): ${Date.now() - started} ms`);
    const open = await queryRows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from units where parent_id = ${province} and valid_to is null`,
    );
    expect(body.items.length + body.unranked.length).toBe(open[0]!.n);
    expect([...body.items, ...body.unranked].some((i: { kind: string }) => i.kind === 'commune')).toBe(true);
  }, 120_000);

  it('needs kpi.read over the parent', async () => {
    await get(lanhdao, `/api/kpi/rankings?parent=${province}&period=${month}`, 403);
    await get(kstthc, `/api/kpi/rankings?parent=${province}&period=2026-13`, 400);
  });
});

describe('channel mix (GET /api/kpi/channels and its drill-down)', () => {
  it('splits the online-dossiers denominator by channel; each count lists its dossiers', async () => {
    const q = `unit=${soTuPhap}&period=${month}`;
    const mix = await get(kstthc, `/api/kpi/channels?${q}`);
    const index = await get(kstthc, `/api/kpi/766?${q}`);
    const online = index.groups
      .flatMap((g: { indicators: { key: string }[] }) => g.indicators)
      .find((i: { key: string }) => i.key === 'online.dossiersOnline');
    const by = Object.fromEntries(
      mix.channels.map((c: { channel: string; received: number }) => [c.channel, c.received]),
    );
    expect(by).toEqual({ counter: 1, online: 1, postal: 0 });
    expect(by.counter + by.online + by.postal).toBe(online.denominator);
    expect(by.online).toBe(online.numerator);
    const listed = await get(kstthc, `/api/kpi/channels/drilldown?${q}&channel=online`);
    expect(listed).toMatchObject({ total: 1, items: [{ code: onlineCode }] });
    expect(
      (await get(kstthc, `/api/kpi/channels/drilldown?${q}&channel=counter`)).items.map(
        (i: { code: string }) => i.code,
      ),
    ).toEqual([processedCode]);
    await get(chuyenvien, `/api/kpi/channels?${q}`, 403);
  });
});

describe('the public dashboard data (no login)', () => {
  const anon = (url: string) => t.app.inject({ url });

  it("the province's index: the same figures as the staff endpoint, aggregates only", async () => {
    const res = await anon(`/api/public/kpi/index?period=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const staff = await get(kstthc, `/api/kpi/766?unit=${province}&period=${month}`);
    expect(body).toMatchObject({
      unitName: 'Ủy ban nhân dân tỉnh An Giang',
      total: staff.total,
      grade: staff.grade,
      from: staff.from,
      to: staff.to,
    });
    expect(body.groups.map((g: { points: number }) => g.points)).toEqual(
      staff.groups.map((g: { points: number }) => g.points),
    );
    // No dossier, no count behind a figure, no unit id leaves.
    for (const secret of [processedCode, onlineCode, 'numerator', 'denominator', province])
      expect(res.body).not.toContain(secret);
    // Without a period: the current reporting month.
    expect((await anon('/api/public/kpi/index')).json().period).toBe(month);
  });

  it('rankings of the departments, as the staff rankings rank them', async () => {
    const res = await anon(`/api/public/kpi/rankings?period=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    const staff = await get(kstthc, `/api/kpi/rankings?parent=${province}&period=${month}&kind=department`);
    expect(
      res.json().items.map((i: { name: string; rank: number; total: number }) => [i.name, i.rank, i.total]),
    ).toEqual(staff.items.map((i: { name: string; rank: number; total: number }) => [i.name, i.rank, i.total]));
    expect(res.body).not.toContain(soTuPhap);
  });

  it('refuses malformed or far periods', async () => {
    expect((await anon('/api/public/kpi/index?period=2026-13')).statusCode).toBe(400);
    expect((await anon('/api/public/kpi/index?period=1990')).statusCode).toBe(400);
    expect((await anon('/api/public/kpi/rankings?kind=division')).statusCode).toBe(400);
  });
});

describe('fully-online services: offered fully online ÷ eligible (the catalog flag)', () => {
  type Detail = {
    id: string;
    nationalCode: string;
    onlineLevel: string;
    fullyOnlineEligible: boolean;
    currentVersion: { content: Record<string, unknown> };
  };
  type Page = { total: number; items: { kind: string; code: string; name: string | null }[] };
  const actual = async () =>
    rowOf(await get(kstthc, `/api/kpi/targets?unit=${province}&period=${month}`), 'fullyOnlineServices')
      .actual as Row['actual'] & { drilldown?: string };
  const drill = async (part: 'numerator' | 'denominator'): Promise<Page> =>
    get(
      kstthc,
      `/api/kpi/targets/drilldown?unit=${province}&period=${month}&target=fullyOnlineServices&part=${part}&pageSize=100`,
    );
  const amend = (s: Session, p: Detail, change: Record<string, unknown>, number: string) =>
    s.request({
      method: 'POST',
      url: '/api/decisions',
      payload: {
        number,
        signedDate: vietnamDateOf(new Date()),
        signer: 'Chủ tịch UBND tỉnh',
        issuingUnitId: province,
        effectiveDate: vietnamDateOf(new Date()),
        items: [
          { changeKind: 'amended', nationalCode: p.nationalCode, content: { ...p.currentVersion.content, ...change } },
        ],
      },
    });

  it('counts the eligible procedures in force and those offered fully online, and lists them', async () => {
    const [figure, numerator, denominator] = [await actual(), await drill('numerator'), await drill('denominator')];
    expect(figure).toMatchObject({
      numerator: numerator.total,
      denominator: denominator.total,
      available: true,
      drilldown: 'procedures',
    });
    expect(denominator.total).toBeGreaterThan(numerator.total);
    expect(figure.value).toBeCloseTo(numerator.total / denominator.total, 10);
    for (const item of denominator.items) {
      const p = await procedureByCode<Detail>(t, item.code);
      expect(p.fullyOnlineEligible, item.code).toBe(true);
      expect(
        numerator.items.some((n) => n.code === item.code),
        item.code,
      ).toBe(p.onlineLevel === 'full');
    }
    expect(denominator.items.every((i) => i.kind === 'procedure')).toBe(true);
    await get(
      lanhdao,
      `/api/kpi/targets/drilldown?unit=${province}&period=${month}&target=fullyOnlineServices&part=numerator`,
      403,
    );
  });

  it('the catalog admin changes a procedure’s eligibility through a decision; a fully-online one cannot be ineligible', async () => {
    const before = await actual();
    const [numerator, denominator] = [await drill('numerator'), await drill('denominator')];
    const partlyOnline = denominator.items.find((i) => !numerator.items.some((n) => n.code === i.code))!;
    const p = await procedureByCode<Detail>(t, partlyOnline.code);
    const res = await amend(kstthc, p, { fullyOnlineEligible: false }, '98/QĐ-UBND-TOANTRINH');
    expect(res.statusCode, res.body).toBe(201);
    expect((await procedureByCode<Detail>(t, partlyOnline.code)).fullyOnlineEligible).toBe(false);
    expect(await actual()).toMatchObject({ numerator: before.numerator, denominator: before.denominator! - 1 });
    expect((await drill('denominator')).items.map((i) => i.code)).not.toContain(partlyOnline.code);

    const full = await procedureByCode<Detail>(t, numerator.items[0]!.code);
    const refused = await amend(kstthc, full, { fullyOnlineEligible: false }, '97/QĐ-UBND-TOANTRINH');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('fullyOnlineEligible');
  });
});
