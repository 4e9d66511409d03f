/**
 * The Decision-766 index through the API: dossiers built through the real actions (on time,
 * reusing a stored document, online, twice supplemented, a late step, late with an apology letter, withdrawn, transferred,
 * refused before receipt), then the index, its drill-down (every figure equals its list), the late
 * lists, processing times and the yearly configuration. A second part pins the progress
 * predicate on hand-built rows (one per edge case) in a past reporting month.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDateOf } from '../../src/modules/calendar/dates.js';
import { DEFAULT_KPI_CONFIG } from '../../src/modules/kpi/kpi.config.js';
import { reportingMonthOf } from '../../src/modules/kpi/periods.rules.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { type DemoProcedure, fileDossier, resultOf, setTimes, staffAt, step } from '../fixtures/dossiers.js';
import { settleDue } from '../fixtures/payments.js';
import type { Indicator } from '../fixtures/kpi.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { PDF, upload } from '../fixtures/uploads.js';
import { storeReadId } from '../fixtures/store.js';
import { feedbackStep, setFeedbackTimes, submit } from '../fixtures/feedback.js';

interface UnitNode {
  id: string;
  name: string;
  kind: string;
  children: UnitNode[];
}
interface Index {
  unit: string;
  from: string;
  to: string;
  total: number;
  grade: string;
  config: { year: number; version: number };
  groups: { key: string; points: number; max: number; applicableMax: number; indicators: Indicator[] }[];
}

let t: TestApp;
let admin: Session;
let tiepnhan: Session;
let chuyenvien: Session;
let lanhdao: Session;
let congdan: Session;
let kstthc: Session;
let procedure: DemoProcedure & { nationalCode: string };
let units: UnitNode[];
let soTuPhap: string;
let soNoiVu: string;
let centre: string;
let commune: string;
const month = reportingMonthOf(vietnamDateOf(new Date()));
const codes: Record<string, string> = {};

const citizen = {
  kind: 'citizen',
  fullName: 'Nguyễn Văn An',
  idNumber: '089095000123',
  phone: '0912345678',
  address: 'Phường Long Xuyên, An Giang',
};
const flatten = (nodes: UnitNode[]): UnitNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
const counter = () =>
  fileDossier(tiepnhan, procedure, { channel: 'counter', applicant: citizen, competentUnitId: soTuPhap });
const online = () =>
  fileDossier(congdan, procedure, {
    channel: 'online',
    applicant: citizen,
    competentUnitId: soTuPhap,
    receivingUnitId: centre,
  });

/** thu-ly → phe-duyet (the leader signs) → tra-ket-qua → processed. */
async function finish(d: { code: string; version: number }) {
  let x = await step(chuyenvien, d.code, d.version, 'forward');
  x = await step(lanhdao, x.code, x.version, 'signResult', { result: await resultOf(lanhdao) });
  return step(tiepnhan, x.code, x.version, 'finish');
}

async function index(session: Session, query: string): Promise<Index> {
  const res = await session.request({ url: `/api/kpi/766?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const indicatorOf = (i: Index, key: string) => i.groups.flatMap((g) => g.indicators).find((x) => x.key === key)!;

/** Every row of a drill-down, all pages. */
async function drill(session: Session, query: string, indicator: string, part: 'numerator' | 'denominator') {
  const items: { code: string }[] = [];
  for (let page = 1; ; page += 1) {
    const res = await session.request({
      url: `/api/kpi/766/drilldown?${query}&indicator=${indicator}&part=${part}&page=${page}&pageSize=200`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    items.push(...body.items);
    if (items.length >= body.total || body.items.length === 0) {
      expect(items).toHaveLength(body.total);
      return items.map((i) => i.code).sort();
    }
  }
}

/** For every indicator: the drill-down lists exactly as many rows as the figure counts. */
async function expectDrilldownsMatch(session: Session, query: string) {
  const result = await index(session, query);
  for (const ind of result.groups.flatMap((g) => g.indicators)) {
    expect((await drill(session, query, ind.key, 'denominator')).length, `${ind.key} denominator`).toBe(
      ind.denominator,
    );
    expect((await drill(session, query, ind.key, 'numerator')).length, `${ind.key} numerator`).toBe(ind.numerator);
  }
  return result;
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, tiepnhan, chuyenvien, lanhdao, congdan, kstthc] = await Promise.all([
    t.login('admin'),
    t.login('tiepnhan'),
    t.login('chuyenvien'),
    t.login('lanhdao'),
    t.login('congdan'),
    t.login('kstthc'),
  ]);
  procedure = await procedureByCode(t, '2.000635');
  units = flatten((await t.app.inject({ url: '/api/units' })).json().units);
  soTuPhap = units.find((u) => u.name === 'Sở Tư pháp')!.id;
  soNoiVu = units.find((u) => u.name === 'Sở Nội vụ')!.id;
  centre = units.find((u) => u.name.startsWith('Trung tâm Phục vụ hành chính công'))!.id;
  commune = units.find((u) => u.kind === 'commune')!.id;

  // A: counter, processed on time with a signed result.
  let a = await step(tiepnhan, (await counter()).code, 1, 'forward');
  a = await finish(a);
  codes.onTime = a.code;

  // I: a component satisfied from the applicant's store (A's signed result): reuse, digitized.
  const readId = await storeReadId(tiepnhan, citizen.idNumber, procedure.id);
  const store = (await tiepnhan.request({ url: `/api/store?readId=${readId}` })).json().items as {
    id: string;
    kind: string;
    sourceDossierCode: string;
  }[];
  const stored = store.find((x) => x.kind === 'result' && x.sourceDossierCode === a.code)!;
  const [reused, ...rest] = procedure.components.filter((x) => x.mandatory);
  const fileId = (await upload(tiepnhan, PDF, 'ho-so.pdf')).json().id as string;
  const reuse = await tiepnhan.request({
    method: 'POST',
    url: '/api/dossiers',
    payload: {
      procedureId: procedure.id,
      channel: 'counter',
      applicant: citizen,
      competentUnitId: soTuPhap,
      components: [
        { componentId: reused!.id, storeItemId: stored.id },
        ...rest.map((x) => ({ componentId: x.id, fileIds: [fileId] })),
      ],
    },
  });
  expect(reuse.statusCode, reuse.body).toBe(201);
  codes.reuse = reuse.json().code;

  // B: filed online, accepted, still being processed within time.
  const b = await online();
  await step(tiepnhan, b.code, b.version, 'accept');
  codes.online = b.code;

  // C: two supplement requests: late whatever the dates.
  let c = await step(tiepnhan, (await counter()).code, 1, 'forward');
  for (const note of ['Bổ sung lần 1', 'Bổ sung lần 2']) {
    c = await step(chuyenvien, c.code, c.version, 'requestSupplement', { note });
    c = await step(tiepnhan, c.code, c.version, 'supply');
  }
  c = await finish(c);
  expect(c.outcome).toBe('late');
  codes.twoSupplements = c.code;

  // D: the official's step runs over and the dossier ends after its legal due time.
  let d = await step(tiepnhan, (await counter()).code, 1, 'forward');
  const past = new Date(Date.now() - 60_000);
  await setTimes(t, d.code, { current_step_due_at: past, legal_due_at: past });
  d = await finish(d);
  expect(d.outcome).toBe('late');
  codes.lateStep = d.code;

  // E: about to be late, the leader's apology letter (mẫu 04), then overdue and still running.
  let e = await step(tiepnhan, (await counter()).code, 1, 'forward');
  const soon = new Date(Date.now() + 10 * 60_000);
  await setTimes(t, e.code, { appointment_at: soon, legal_due_at: soon });
  const due = (
    await t.app.inject({ url: `/api/calendar/due?from=${encodeURIComponent(soon.toISOString())}&workingDays=3` })
  ).json();
  e = await step(lanhdao, e.code, e.version, 'apologize', {
    note: 'Cần xác minh thêm',
    newAppointmentDate: (due.due as string).slice(0, 10),
  });
  await setTimes(t, e.code, { legal_due_at: past });
  codes.lateWithApology = e.code;

  // F: withdrawn by the applicant during processing.
  const f = await step(tiepnhan, (await counter()).code, 1, 'forward');
  await step(tiepnhan, f.code, f.version, 'withdraw', { note: 'Công dân có đơn xin rút hồ sơ' });
  codes.withdrawn = f.code;

  // G: transferred to a commune (liên thông).
  const g = await step(tiepnhan, (await counter()).code, 1, 'forward');
  await staffAt(t, admin, 'xa.motcua', 'one_stop_officer', commune);
  await step(chuyenvien, g.code, g.version, 'transfer', { toUnitId: commune, note: 'Sổ hộ tịch gốc lưu tại xã' });
  codes.transferred = g.code;

  // H: filed online and refused at the counter: never received.
  const h = await online();
  await step(tiepnhan, h.code, h.version, 'refuse', { note: 'Giấy tờ không đọc được' });
  codes.neverReceived = h.code;
}, 120_000);
afterAll(() => t.close());

describe('GET /api/kpi/766 from dossiers built through the API', () => {
  const q = () => `unit=${soTuPhap}&period=${month}`;

  it('keeps the issue’s shape: unit, from, to, total, grade, groups of indicators', async () => {
    const i = await index(lanhdao, q());
    expect(Object.keys(i)).toEqual(expect.arrayContaining(['unit', 'from', 'to', 'total', 'grade', 'groups']));
    expect(i).toMatchObject({ unit: soTuPhap, config: { version: 0 } });
    expect(i.groups.map((g) => g.key)).toEqual([
      'transparency',
      'progress',
      'onlineServices',
      'onlinePayment',
      'digitization',
      'satisfaction',
    ]);
    for (const g of i.groups)
      for (const ind of g.indicators)
        expect(Object.keys(ind)).toEqual(
          expect.arrayContaining(['key', 'numerator', 'denominator', 'ratio', 'points', 'max']),
        );
    expect(i.groups.reduce((s, g) => s + g.max, 0)).toBe(100);
  });

  it('progress: on time or within time ÷ received or processed; withdrawn, transferred away and never received are out', async () => {
    const i = await index(lanhdao, q());
    expect(indicatorOf(i, 'progress.onTime')).toMatchObject({
      numerator: 3,
      denominator: 6,
      ratio: 0.5,
      points: 10,
      max: 20,
    });
    expect(await drill(lanhdao, q(), 'progress.onTime', 'denominator')).toEqual(
      [codes.onTime, codes.online, codes.reuse, codes.twoSupplements, codes.lateStep, codes.lateWithApology].sort(),
    );
    expect(await drill(lanhdao, q(), 'progress.onTime', 'numerator')).toEqual(
      [codes.onTime, codes.online, codes.reuse].sort(),
    );
  });

  it('the transferred dossier counts at the commune it went to, within time there', async () => {
    const i = await index(kstthc, `unit=${commune}&period=${month}`);
    expect(indicatorOf(i, 'progress.onTime')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(await drill(kstthc, `unit=${commune}&period=${month}`, 'progress.onTime', 'numerator')).toEqual([
      codes.transferred,
    ]);
  });

  it('online dossiers, e-results, digitization and reuse count the right rows', async () => {
    const i = await index(lanhdao, q());
    const received = [
      codes.onTime,
      codes.online,
      codes.reuse,
      codes.twoSupplements,
      codes.lateStep,
      codes.lateWithApology,
      codes.withdrawn,
    ].sort();
    expect(indicatorOf(i, 'online.dossiersOnline')).toMatchObject({ numerator: 1, denominator: 7, points: 1.14 }); // 4 × (1/7 ÷ 0.5);
    expect(await drill(lanhdao, q(), 'online.dossiersOnline', 'numerator')).toEqual([codes.online]);
    expect(await drill(lanhdao, q(), 'online.dossiersOnline', 'denominator')).toEqual(received);
    expect(indicatorOf(i, 'digitization.eResult')).toMatchObject({ numerator: 3, denominator: 3, points: 6 });
    expect(await drill(lanhdao, q(), 'digitization.eResult', 'denominator')).toEqual(
      [codes.onTime, codes.twoSupplements, codes.lateStep].sort(),
    );
    // The reused component is in the store already: the dossier counts as fully digitized.
    expect(indicatorOf(i, 'digitization.digitized')).toMatchObject({ numerator: 7, denominator: 7 });
    expect(indicatorOf(i, 'digitization.reuse')).toMatchObject({ numerator: 1, denominator: 7, points: 0.36 }); // 2 × (1/7 ÷ 0.8)
    expect(await drill(lanhdao, q(), 'digitization.reuse', 'numerator')).toEqual([codes.reuse]);
    const services = indicatorOf(i, 'online.servicesWithDossiers');
    expect(services.numerator).toBeGreaterThanOrEqual(1);
    expect(await drill(lanhdao, q(), 'online.servicesWithDossiers', 'numerator')).toContain(procedure.nationalCode);
  });

  it('counts the received dossiers as not synced while nothing has pushed them to the national portal', async () => {
    // Jobs are off here: no relay or sync ran (test/api/national-portal.test.ts runs them).
    const i = await index(lanhdao, q());
    expect(indicatorOf(i, 'transparency.synced')).toMatchObject({
      numerator: 0,
      denominator: indicatorOf(i, 'online.dossiersOnline').denominator,
      points: 0,
      available: true,
    });
    expect(await drill(lanhdao, q(), 'transparency.synced', 'denominator')).toEqual(
      await drill(lanhdao, q(), 'online.dossiersOnline', 'denominator'),
    );
  });

  it('population data: every received dossier of this connected procedure was looked up and verified; no certification, no national store', async () => {
    const i = await index(lanhdao, q());
    const received = await drill(lanhdao, q(), 'online.dossiersOnline', 'denominator');
    expect(indicatorOf(i, 'digitization.populationDossiers')).toMatchObject({
      numerator: received.length,
      denominator: received.length,
      points: 2,
      available: true,
    });
    expect(await drill(lanhdao, q(), 'digitization.populationDossiers', 'numerator')).toEqual(received);
    expect(indicatorOf(i, 'digitization.nationalStore')).toMatchObject({
      numerator: 0,
      denominator: received.length,
      points: 0,
      available: true,
    });
    // Hộ tịch is no certification field: nothing due, the indicator does not apply.
    expect(indicatorOf(i, 'digitization.certifiedCopies')).toMatchObject({
      numerator: 0,
      denominator: 0,
      ratio: null,
      points: null,
      applies: false,
      available: true,
    });
    expect(await drill(lanhdao, q(), 'digitization.populationProcedures', 'numerator')).toContain(
      procedure.nationalCode,
    );
  });

  it('every figure equals its drill-down, for every indicator, at the department and at the province', async () => {
    const dept = await expectDrilldownsMatch(lanhdao, q());
    const province = units.find((u) => u.kind === 'province')!.id;
    const whole = await expectDrilldownsMatch(kstthc, `unit=${province}&period=${month}`);
    // The province covers its subtree: at least everything the department counts.
    expect(indicatorOf(whole, 'progress.onTime').denominator).toBeGreaterThanOrEqual(
      indicatorOf(dept, 'progress.onTime').denominator,
    );
    // The points earned over the maximum of the indicators that apply, on 100.
    const applicableMax = whole.groups.reduce((s, g) => s + g.applicableMax, 0);
    const earned = whole.groups.reduce((s, g) => s + g.points, 0);
    expect(whole.total).toBe(Math.round((earned / applicableMax) * 100 * 100) / 100);
  });

  it('the same period given as from/to gives the same figures', async () => {
    const byName = await index(lanhdao, q());
    const byDates = await index(lanhdao, `unit=${soTuPhap}&from=${byName.from}&to=${byName.to}`);
    expect(byDates.groups).toEqual(byName.groups);
  });

  it('refuses callers without kpi.read on the unit, and bad periods', async () => {
    expect((await t.app.inject({ url: `/api/kpi/766?${q()}` })).statusCode).toBe(401);
    expect((await chuyenvien.request({ url: `/api/kpi/766?${q()}` })).statusCode).toBe(403);
    expect((await lanhdao.request({ url: `/api/kpi/766?unit=${soNoiVu}&period=${month}` })).statusCode).toBe(403);
    const reversed = await lanhdao.request({ url: `/api/kpi/766?unit=${soTuPhap}&from=2026-03-02&to=2026-03-01` });
    expect(reversed.json().error.code).toBe('KPI_PERIOD_REVERSED');
    const named = await lanhdao.request({ url: `/api/kpi/766?unit=${soTuPhap}&period=2026-13` });
    expect(named.statusCode).toBe(400);
    expect(named.json().error.code).toBe('KPI_PERIOD_INVALID');
    const long = await lanhdao.request({ url: `/api/kpi/766?unit=${soTuPhap}&from=2025-01-01&to=2026-06-30` });
    expect(long.json().error.code).toBe('KPI_PERIOD_TOO_LONG');
  });
});

describe('late lists (GET /api/kpi/late)', () => {
  it('lists the late dossiers of the reporting month by unit and by official', async () => {
    const res = await lanhdao.request({ url: `/api/kpi/late?unit=${soTuPhap}&month=${month}` });
    expect(res.statusCode, res.body).toBe(200);
    const late = res.json();
    expect(late.items.map((i: { code: string }) => i.code).sort()).toEqual(
      [codes.twoSupplements, codes.lateStep, codes.lateWithApology].sort(),
    );
    expect(late.total).toBe(3);
    expect(late.byUnit).toEqual([{ unitId: soTuPhap, unitName: 'Sở Tư pháp', late: 3 }]);
    // The late step was the processing official's: the list names them for that dossier, and for the
    // running one (E) handed to them by default at the forward (the least loaded holder of the role).
    expect(late.byOfficial).toEqual(
      expect.arrayContaining([{ userId: chuyenvien.user.id, fullName: expect.any(String), late: 2 }]),
    );
    expect(late.items.find((i: { code: string }) => i.code === codes.lateStep)).toMatchObject({
      officialId: chuyenvien.user.id,
      hasApology: false,
    });
    expect(late.items.find((i: { code: string }) => i.code === codes.lateWithApology)).toMatchObject({
      hasApology: true,
      completedAt: null,
    });
    // The list is the progress indicator's denominator minus its numerator.
    const i = await index(lanhdao, `unit=${soTuPhap}&period=${month}`);
    const progress = indicatorOf(i, 'progress.onTime');
    expect(late.total).toBe(progress.denominator - progress.numerator);
  });

  it('withoutApology=true leaves out the dossier with its letter', async () => {
    const late = (
      await lanhdao.request({ url: `/api/kpi/late?unit=${soTuPhap}&month=${month}&withoutApology=true` })
    ).json();
    expect(late.items.map((i: { code: string }) => i.code).sort()).toEqual(
      [codes.twoSupplements, codes.lateStep].sort(),
    );
  });

  it('refuses a malformed month and callers without kpi.read', async () => {
    expect((await lanhdao.request({ url: `/api/kpi/late?unit=${soTuPhap}&month=2026-13` })).statusCode).toBe(400);
    expect((await tiepnhan.request({ url: `/api/kpi/late?unit=${soTuPhap}&month=${month}` })).statusCode).toBe(403);
  });
});

describe('average processing time per procedure', () => {
  it('averages the working days of the dossiers processed in the period', async () => {
    const res = await lanhdao.request({ url: `/api/kpi/processing-times?unit=${soTuPhap}&period=${month}` });
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().procedures.find((p: { nationalCode: string }) => p.nationalCode === procedure.nationalCode);
    expect(row).toMatchObject({ dossiers: 3, averageWorkingDays: expect.any(Number) });
    expect(row.averageWorkingDays).toBeGreaterThanOrEqual(0);
    expect(row.averageWorkingDays).toBeLessThan(1); // processed within minutes of receipt
  });
});

describe('the yearly configuration (GET/PUT /api/kpi/config)', () => {
  const year = Number(month.slice(0, 4));

  it('starts from the default of docs/domain/DOMAIN.md §9 (version 0)', async () => {
    const res = await lanhdao.request({ url: `/api/kpi/config?year=${year}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year, version: 0, source: 'default', config: DEFAULT_KPI_CONFIG });
  });

  it('is replaced by a procedure control officer at the province, as a new version the index then names', async () => {
    const config = structuredClone(DEFAULT_KPI_CONFIG);
    // Progress weighs 24, the unavailable sync indicator 2: still 100 in all.
    config.groups[1]!.indicators[0]!.max = 24;
    config.groups[0]!.indicators[3]!.max = 2;
    const refused = await lanhdao.request({
      method: 'PUT',
      url: `/api/kpi/config?year=${year}`,
      payload: { version: 0, config },
    });
    expect(refused.statusCode).toBe(403);
    // A procedure control officer of a department holds the action, but not at the province.
    const deptOfficer = await staffAt(t, admin, 'stp.kstthc', 'procedure_control_officer', soTuPhap);
    expect(
      (
        await deptOfficer.request({
          method: 'PUT',
          url: `/api/kpi/config?year=${year}`,
          payload: { version: 0, config },
        })
      ).statusCode,
    ).toBe(403);
    expect((await deptOfficer.request({ url: `/api/kpi/config?year=${year}` })).statusCode).toBe(200);
    const invalid = await kstthc.request({
      method: 'PUT',
      url: `/api/kpi/config?year=${year}`,
      payload: { version: 0, config: { ...config, groups: config.groups.slice(1) } },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('VALIDATION_FAILED');

    const saved = await kstthc.request({
      method: 'PUT',
      url: `/api/kpi/config?year=${year}`,
      payload: { version: 0, config },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, source: 'saved' });
    const stale = await kstthc.request({
      method: 'PUT',
      url: `/api/kpi/config?year=${year}`,
      payload: { version: 0, config },
    });
    expect(stale.statusCode).toBe(409);

    const now = await index(lanhdao, `unit=${soTuPhap}&period=${month}`);
    expect(now.config).toEqual({ year, version: 1 });
    expect(indicatorOf(now, 'progress.onTime')).toMatchObject({ max: 24, points: 12 });
    // A past report recomputed with the version it used gives its old figures.
    const before = await index(lanhdao, `unit=${soTuPhap}&period=${month}&configVersion=0`);
    expect(indicatorOf(before, 'progress.onTime')).toMatchObject({ max: 20, points: 10 });
    expect(
      (await lanhdao.request({ url: `/api/kpi/766?unit=${soTuPhap}&period=${month}&configVersion=7` })).json().error
        .code,
    ).toBe('KPI_CONFIG_VERSION_NOT_FOUND');

    const audit = (await admin.request({ url: '/api/audit?action=kpi.configure' })).json();
    expect(JSON.stringify(audit)).toContain('kpi.configure');
  });
});

/**
 * The progress predicate on hand-built rows in reporting month 2026-03 (21 Feb → 20 Mar 2026,
 * over long ago, so "within time" is judged at its end, 20 Mar 24:00). Each row copies a real
 * dossier's references and sets the columns of its case; all at Sở Nội vụ (received and
 * competent there) so nothing else counts.
 */
describe('progress on hand-built cases', () => {
  const at = (s: string) => `2026-${s}:00+07:00`;
  type Case = {
    name: string;
    status: string;
    received: string | null;
    completed?: string;
    outcome?: string;
    due?: string;
    paused?: string;
    supplements?: number;
    competentUnit?: 'commune';
    /** In the denominator (received or processed in the period) and in the numerator (on time or within time). */
    counted: boolean;
    onTime: boolean;
  };
  const cases: Case[] = [
    {
      name: 'finished early in the period',
      status: 'returned',
      received: at('03-02T08:00'),
      completed: at('03-05T09:00'),
      outcome: 'early',
      due: at('03-09T08:00'),
      counted: true,
      onTime: true,
    },
    {
      name: 'finished late in the period',
      status: 'processed',
      received: at('03-02T08:00'),
      completed: at('03-12T09:00'),
      outcome: 'late',
      due: at('03-09T08:00'),
      counted: true,
      onTime: false,
    },
    {
      name: 'finished before the period',
      status: 'returned',
      received: at('02-02T08:00'),
      completed: at('02-10T09:00'),
      outcome: 'onTime',
      due: at('02-10T17:00'),
      counted: false,
      onTime: false,
    },
    {
      name: 'finished late after the period, within time at its end',
      status: 'processed',
      received: at('03-10T08:00'),
      completed: at('03-25T09:00'),
      outcome: 'late',
      due: at('03-24T08:00'),
      counted: true,
      onTime: true,
    },
    {
      name: 'running, overdue at the end',
      status: 'processing',
      received: at('03-01T08:00'),
      due: at('03-10T08:00'),
      counted: true,
      onTime: false,
    },
    {
      name: 'running, within time',
      status: 'processing',
      received: at('03-16T08:00'),
      due: at('03-30T08:00'),
      counted: true,
      onTime: true,
    },
    {
      name: 'carried over from before the period, within time',
      status: 'processing',
      received: at('01-10T08:00'),
      due: at('04-01T08:00'),
      counted: true,
      onTime: true,
    },
    {
      name: 'paused before its due time, due time passed while paused',
      status: 'awaitingSupplement',
      received: at('03-02T08:00'),
      paused: at('03-05T08:00'),
      due: at('03-10T08:00'),
      supplements: 1,
      counted: true,
      onTime: true,
    },
    {
      name: 'paused after its due time',
      status: 'awaitingSupplement',
      received: at('03-02T08:00'),
      paused: at('03-12T08:00'),
      due: at('03-10T08:00'),
      supplements: 1,
      counted: true,
      onTime: false,
    },
    {
      name: 'paused after the period, within time at its end',
      status: 'awaitingPayment',
      received: at('03-02T08:00'),
      paused: at('03-25T08:00'),
      due: at('03-22T08:00'),
      counted: true,
      onTime: true,
    },
    {
      name: 'one supplement, running within time',
      status: 'processing',
      received: at('03-02T08:00'),
      due: at('03-30T08:00'),
      supplements: 1,
      counted: true,
      onTime: true,
    },
    {
      name: 'second supplement, running within the dates: late already',
      status: 'processing',
      received: at('03-02T08:00'),
      due: at('03-30T08:00'),
      supplements: 2,
      counted: true,
      onTime: false,
    },
    {
      name: 'withdrawn in the period: out',
      status: 'withdrawn',
      received: at('03-02T08:00'),
      completed: at('03-05T09:00'),
      outcome: 'onTime',
      due: at('03-09T08:00'),
      counted: false,
      onTime: false,
    },
    {
      name: 'refused after receipt, on time',
      status: 'refused',
      received: at('03-02T08:00'),
      completed: at('03-03T09:00'),
      outcome: 'early',
      due: at('03-09T08:00'),
      counted: true,
      onTime: true,
    },
    {
      name: 'stopped, late',
      status: 'stopped',
      received: at('03-02T08:00'),
      completed: at('03-11T09:00'),
      outcome: 'late',
      due: at('03-09T08:00'),
      counted: true,
      onTime: false,
    },
    { name: 'registered online, never received', status: 'registered', received: null, counted: false, onTime: false },
    {
      name: 'received after the period',
      status: 'processing',
      received: at('03-21T08:00'),
      due: at('03-30T08:00'),
      counted: false,
      onTime: false,
    },
    {
      name: 'transferred to a commune: counted there, not here',
      status: 'returned',
      received: at('03-02T08:00'),
      completed: at('03-05T09:00'),
      outcome: 'early',
      due: at('03-09T08:00'),
      competentUnit: 'commune',
      counted: false,
      onTime: false,
    },
  ];
  const codeOf = (i: number) => `KPI-CASE-${String(i).padStart(2, '0')}`;
  const q = () => `unit=${soNoiVu}&period=2026-03`;

  beforeAll(async () => {
    for (const [i, c] of cases.entries()) {
      const competent = c.competentUnit === 'commune' ? commune : soNoiVu;
      // Transferred: received at the provincial centre, competent at the commune now.
      const receiving = c.competentUnit === 'commune' ? centre : soNoiVu;
      await t.handle.db.execute(sql`
        insert into dossiers (code, procedure_id, procedure_version_id, workflow_id, receiving_unit_id, competent_unit_id, channel, status,
                              applicant, applicant_key, fees, submitted_at, received_at, appointment_at, legal_due_at, paused_since,
                              supplement_count, completed_at, outcome)
        select ${codeOf(i)}, procedure_id, procedure_version_id, workflow_id, ${receiving}::uuid, ${competent}::uuid, 'counter', ${c.status},
               applicant, applicant_key, fees, coalesce(${c.received}::timestamptz, now()), ${c.received}::timestamptz, ${c.due ?? null}::timestamptz,
               ${c.due ?? null}::timestamptz, ${c.paused ?? null}::timestamptz, ${c.supplements ?? 0}, ${c.completed ?? null}::timestamptz, ${c.outcome ?? null}
        from dossiers where code = ${codes.onTime}`);
    }
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', async (_name, i) => {
    const c = cases[i]!;
    expect((await drill(kstthc, q(), 'progress.onTime', 'denominator')).includes(codeOf(i))).toBe(c.counted);
    expect((await drill(kstthc, q(), 'progress.onTime', 'numerator')).includes(codeOf(i))).toBe(c.counted && c.onTime);
  });

  it('the figure is the count of the cases, and the late list is the rest', async () => {
    const i = await index(kstthc, q());
    expect(indicatorOf(i, 'progress.onTime')).toMatchObject({
      denominator: cases.filter((c) => c.counted).length,
      numerator: cases.filter((c) => c.counted && c.onTime).length,
    });
    const late = (await kstthc.request({ url: `/api/kpi/late?unit=${soNoiVu}&month=2026-03&pageSize=200` })).json();
    expect(late.items.map((x: { code: string }) => x.code).sort()).toEqual(
      cases.flatMap((c, n) => (c.counted && !c.onTime ? [codeOf(n)] : [])).sort(),
    );
    await expectDrilldownsMatch(kstthc, q());
  });

  it('the transferred case counts at the commune', async () => {
    const n = cases.findIndex((c) => c.competentUnit === 'commune');
    expect(await drill(kstthc, `unit=${commune}&period=2026-03`, 'progress.onTime', 'numerator')).toContain(codeOf(n));
  });

  it('no dossiers: the ratio is null, the indicator does not apply and the index has no total', async () => {
    const i = await index(kstthc, `unit=${soNoiVu}&period=2025-06`);
    expect(indicatorOf(i, 'progress.onTime')).toMatchObject({
      numerator: 0,
      denominator: 0,
      ratio: null,
      points: null,
      applies: false,
      available: true,
    });
    expect(i).toMatchObject({ noData: true, total: null, grade: null });
  });
});

describe('transparency from publication decisions', () => {
  const q = () => `unit=${soNoiVu}&period=2026-03`;
  /** The demo procedure's content, as a new procedure of Sở Nội vụ with the given steps. */
  const content = async (name: string, steps: string[]) => {
    const current = (
      await procedureByCode<{
        currentVersion: { content: Record<string, unknown> & { components: Record<string, unknown>[] } };
      }>(t, procedure.nationalCode)
    ).currentVersion.content;
    const components = current.components.map(({ id: _id, ...c }) => c);
    return { ...current, name, localCode: null, steps, components, competentUnitIds: [soNoiVu] };
  };
  const issue = async (number: string, code: string, steps: string[], dates: Record<string, string | null>) => {
    const province = units.find((u) => u.kind === 'province')!.id;
    const res = await kstthc.request({
      method: 'POST',
      url: '/api/decisions',
      payload: {
        number,
        signer: 'Chủ tịch UBND tỉnh',
        issuingUnitId: province,
        items: [{ changeKind: 'new', nationalCode: code, content: await content(`Thủ tục ${code}`, steps) }],
        ...dates,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  };

  beforeAll(async () => {
    // Signed Mon 2 Mar 2026: legal basis Mon 9 Mar = 5 working days later (on time); published
    // Wed 4 Mar (on time); every part stated.
    await issue('1/QĐ-KPI', '9.200001', ['Nộp hồ sơ', 'Trả kết quả'], {
      signedDate: '2026-03-02',
      effectiveDate: '2026-03-09',
      legalBasisEffectiveDate: '2026-03-09',
      nationalPublishedDate: '2026-03-04',
    });
    // Signed Tue 10 Mar: legal basis Thu 12 Mar (2 working days: late); never published on the
    // national database (its 5 working days passed long ago: late); no steps (trình tự) stated.
    await issue('2/QĐ-KPI', '9.200002', [], {
      signedDate: '2026-03-10',
      effectiveDate: '2026-03-12',
      legalBasisEffectiveDate: '2026-03-12',
      nationalPublishedDate: null,
    });
  });

  it('counts published on time, publicly updated on time and complete parts per decision item', async () => {
    const i = await index(kstthc, q());
    for (const key of ['transparency.publishedOnTime', 'transparency.updatedOnTime', 'transparency.completeParts']) {
      expect(indicatorOf(i, key), key).toMatchObject({ numerator: 1, denominator: 2, ratio: 0.5, available: true });
      expect(await drill(kstthc, q(), key, 'numerator')).toEqual(['1/QĐ-KPI · 9.200001']);
      expect(await drill(kstthc, q(), key, 'denominator')).toEqual(['1/QĐ-KPI · 9.200001', '2/QĐ-KPI · 9.200002']);
    }
    // With the default weights (an earlier test saved another version of the year): 3 + 2 + 1 + 0 (the month's dossiers were never synced: no relay runs here).
    const byDefault = await index(kstthc, `${q()}&configVersion=0`);
    expect(byDefault.groups.find((g) => g.key === 'transparency')).toMatchObject({ points: 6, max: 18 });
  });

  it('a unit the procedures do not concern sees none of them', async () => {
    const i = await index(lanhdao, `unit=${soTuPhap}&period=2026-03`);
    expect(indicatorOf(i, 'transparency.publishedOnTime')).toMatchObject({
      numerator: 0,
      denominator: 0,
      ratio: null,
      points: null,
      applies: false,
    });
  });
});

describe('satisfaction from ratings and feedback (PAKN)', () => {
  const q = () => `unit=${soTuPhap}&period=${month}`;
  const bad = { overall: 2, waitingTime: 1, attitude: 3, resultOnTime: 4 };

  it('dossier satisfaction: on time, no unsatisfied rating, no complaint about it', async () => {
    const before = indicatorOf(await index(lanhdao, q()), 'satisfaction.dossierSatisfaction');
    const progress = indicatorOf(await index(lanhdao, q()), 'progress.onTime');
    expect(before).toMatchObject({ numerator: progress.numerator, denominator: progress.denominator, available: true });

    // A is returned and rated badly at the counter; B's applicant complains about it.
    const a = (await tiepnhan.request({ url: `/api/dossiers/${codes.onTime}` })).json();
    await settleDue(tiepnhan, a.code);
    await step(tiepnhan, a.code, a.version, 'returnResult', { resultChannel: 'counter' });
    const rated = await tiepnhan.request({
      method: 'POST',
      url: `/api/rate/${codes.onTime}`,
      payload: { scores: bad, reason: 'Phải chờ lâu ở quầy trả kết quả' },
    });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json().satisfied).toBe(false);
    await submit(congdan, {
      channel: 'portal',
      title: 'Hồ sơ nộp trực tuyến chậm cập nhật',
      content: 'Hồ sơ của tôi nộp trực tuyến đã nhiều ngày nhưng chưa thấy cập nhật tiến độ xử lý, đề nghị kiểm tra.',
      submitter: { name: 'Nguyễn Văn An' },
      dossierCode: codes.online,
    });

    const after = indicatorOf(await index(lanhdao, q()), 'satisfaction.dossierSatisfaction');
    expect(after).toMatchObject({ numerator: progress.numerator - 2, denominator: progress.denominator });
    expect(await drill(lanhdao, q(), 'satisfaction.dossierSatisfaction', 'numerator')).toEqual([codes.reuse]);
  });

  it('feedback handled on time and satisfactory, by the feedback module’s rules; overdue makes it neither', async () => {
    let item = await submit(congdan, {
      channel: 'portal',
      title: 'Thủ tục trích lục hộ tịch yêu cầu nhiều giấy tờ',
      content: 'Đề nghị Sở Tư pháp xem xét bỏ yêu cầu bản sao giấy tờ đã có trong kho dữ liệu của công dân.',
      submitter: { name: 'Nguyễn Văn An' },
      procedureId: procedure.id,
    });
    item = await feedbackStep(kstthc, item, 'classify', { category: 'regulation', unitId: soTuPhap });
    const onTime = indicatorOf(await index(lanhdao, q()), 'satisfaction.feedbackOnTime');
    expect(onTime).toMatchObject({ numerator: 1, denominator: 1 });
    expect(await drill(lanhdao, q(), 'satisfaction.feedbackOnTime', 'numerator')).toEqual([item.code]);
    expect(indicatorOf(await index(lanhdao, q()), 'satisfaction.feedbackSatisfaction')).toMatchObject({
      numerator: 1,
      denominator: 1,
    });

    await setFeedbackTimes(t, item.id, { answer_due_at: new Date(Date.now() - 60_000) });
    const late = await index(lanhdao, q());
    expect(indicatorOf(late, 'satisfaction.feedbackOnTime')).toMatchObject({ numerator: 0, denominator: 1, points: 0 });
    expect(indicatorOf(late, 'satisfaction.feedbackSatisfaction')).toMatchObject({ numerator: 0, denominator: 1 });
    expect(await drill(lanhdao, q(), 'satisfaction.feedbackOnTime', 'denominator')).toEqual([item.code]);
    await expectDrilldownsMatch(lanhdao, q());
  });
});
