/**
 * online.prefilledForms (seed 003 "Tỷ lệ DVCTT được điền sẵn thông tin") and the plan target of
 * seed 004 (≥ 20 % of the fields to declare cut by reusing data), pinned on hand-built rows in
 * reporting month 2026-03 (21 Feb → 20 Mar 2026) at one commune: online dossiers received in the
 * month, numerator those filed with an e-form some of whose fields were prefilled. Counted from
 * the raw rows and from the rollup alike (a change of the filled form followed through the
 * trigger), equal to its drill-down; tracked beside the Decision-766 groups, without points.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/kernel/db.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { type DemoProcedure, fileDossier, staffAt } from '../fixtures/dossiers.js';
import { insertCase, type RowCase } from '../fixtures/kpi.js';
import { procedureByCode } from '../fixtures/procedures.js';

let t: TestApp;
let kstthc: Session;
let commune: string;
let base: string;
let definitionId: string;

const IN = '2026-03-10T03:00:00Z';
const BEFORE = '2026-02-10T03:00:00Z';
const MONTH = 'period=2026-03';
const KEY = 'online.prefilledForms';

interface Case extends RowCase {
  /** The filled form: fields prefilled of the form's total (none: filed without a form). */
  form?: { prefilled: number; total: number };
}

const online = (code: string, extra: Partial<Case> = {}): Case => ({
  code,
  channel: 'online',
  status: 'received',
  received: IN,
  due: '2026-04-30T03:00:00Z',
  ...extra,
});

const CASES: Case[] = [
  online('ON-PREFILLED', { form: { prefilled: 5, total: 20 } }),
  online('ON-TYPED', { form: { prefilled: 0, total: 20 } }),
  online('ON-NO-FORM'),
  // Not in the denominator: at the counter, received before the month, not received yet.
  online('CT-PREFILLED', { channel: 'counter', form: { prefilled: 4, total: 20 } }),
  online('ON-EARLIER', { received: BEFORE, form: { prefilled: 6, total: 20 } }),
  online('ON-NOT-RECEIVED', { status: 'registered', received: null, form: { prefilled: 7, total: 20 } }),
];

async function build(c: Case) {
  await insertCase(t, base, { ...c, competentUnitId: commune, receivingUnitId: commune });
  if (!c.form) return;
  const db = t.handle.db;
  const [d] = await queryRows<{ id: string; procedure_id: string }>(
    db,
    sql`select id, procedure_id from dossiers where code = ${c.code}`,
  );
  await db.execute(sql`insert into dossier_eforms (dossier_id, definition_id, procedure_id, channel, competent_unit_id, receiving_unit_id,
      form_key, applicant_key, values, fields_total, fields_prefilled, fields_typed, filed_at)
    values (${d!.id}, ${definitionId}, ${d!.procedure_id}, ${c.channel ?? 'counter'}, ${commune}, ${commune}, 'test', '001090000001',
      '{}'::jsonb, ${c.form.total}, ${c.form.prefilled}, ${c.form.total - c.form.prefilled}, ${c.received ?? IN}::timestamptz)`);
}

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  kstthc = await t.login('kstthc');
  const units = (await t.app.inject({ url: '/api/units' })).json().units as {
    id: string;
    kind: string;
    children: unknown[];
  }[];
  const flat = (nodes: { id: string; kind: string; children: unknown[] }[]): { id: string; kind: string }[] =>
    nodes.flatMap((n) => [n, ...flat(n.children as typeof nodes)]);
  commune = flat(units).find((u) => u.kind === 'commune')!.id;
  const officer = await staffAt(t, admin, 'xa.tiepnhan', 'one_stop_officer', commune);
  const civil = await procedureByCode<DemoProcedure>(t, '2.000635');
  const organisation = { kind: 'organization', name: 'Công ty TNHH Một Cửa', taxCode: '0100109106' };
  base = (await fileDossier(officer, civil, { channel: 'counter', applicant: organisation, competentUnitId: commune }))
    .code;
  definitionId = (await queryRows<{ id: string }>(t.handle.db, sql`select id from eform_definitions limit 1`))[0]!.id;
  for (const c of CASES) await build(c);
}, 120_000);
afterAll(() => t.close());

interface Figure {
  key: string;
  name: string;
  numerator: number;
  denominator: number;
  ratio: number | null;
  available: boolean;
}

async function index(query: string) {
  const res = await kstthc.request({ url: `/api/kpi/766?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { groups: { indicators: { key: string }[] }[]; tracked: Figure[] };
}

const tracked = async (query: string) => (await index(query)).tracked.find((i) => i.key === KEY)!;

async function drill(query: string, part: 'numerator' | 'denominator') {
  const res = await kstthc.request({
    url: `/api/kpi/766/drilldown?${query}&indicator=${KEY}&part=${part}&pageSize=200`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { code: string }[]).map((i) => i.code).sort();
}

async function target(query: string) {
  const res = await kstthc.request({ url: `/api/kpi/targets?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().targets as { key: string; target: number; actual: { value: number | null } }[]).find(
    (r) => r.key === 'prefilledFields',
  )!;
}

describe('online.prefilledForms at one commune, reporting month 2026-03', () => {
  const q = () => `unit=${commune}&${MONTH}`;

  it('is tracked beside the Decision-766 groups, without points (not in the default weights)', async () => {
    const body = await index(q());
    expect(body.groups.flatMap((g) => g.indicators.map((i) => i.key))).not.toContain(KEY);
    expect(body.tracked.map((i) => i.key)).toEqual([KEY]);
    expect(body.tracked[0]).not.toHaveProperty('points');
    expect(body.tracked[0]!.name).toBe('Tỷ lệ DVCTT được điền sẵn thông tin');
  });

  it('counts online dossiers received in the month; numerator those whose form had prefilled fields', async () => {
    expect(await drill(q(), 'denominator')).toEqual(['ON-NO-FORM', 'ON-PREFILLED', 'ON-TYPED']);
    expect(await drill(q(), 'numerator')).toEqual(['ON-PREFILLED']);
    const raw = await tracked(`${q()}&source=raw`);
    expect(raw).toMatchObject({ numerator: 1, denominator: 3, available: true });
    expect(raw.ratio).toBeCloseTo(1 / 3, 3);
    expect(await tracked(q())).toEqual(raw);
  });

  it('the plan target: fields prefilled ÷ fields of the forms of those dossiers, against 20 %', async () => {
    const row = await target(q());
    expect(row.target).toBe(0.2);
    expect(row.actual).toMatchObject({ value: 5 / 40, numerator: 5, denominator: 40, available: true });
  });

  it('follows a change of the filled form through the trigger: raw and rollup agree', async () => {
    await t.handle.db.execute(
      sql`update dossier_eforms set fields_prefilled = 3, fields_typed = 17 where dossier_id = (select id from dossiers where code = 'ON-TYPED')`,
    );
    const [rollup, raw] = [await tracked(q()), await tracked(`${q()}&source=raw`)];
    expect(rollup).toMatchObject({ numerator: 2, denominator: 3 });
    expect(rollup).toEqual(raw);
    expect((await target(q())).actual).toMatchObject({ value: 0.2, numerator: 8, denominator: 40 });
  });

  it('a commune with nothing filed online: 0/0, no ratio — raw and rollup alike', async () => {
    const units = (await t.app.inject({ url: '/api/units' })).json().units as { id: string; kind: string }[];
    const q2 = `unit=${units[0]!.id}&period=2025-03`;
    const [rollup, raw] = [await tracked(q2), await tracked(`${q2}&source=raw`)];
    expect(rollup).toMatchObject({ numerator: 0, denominator: 0, ratio: null, available: true });
    expect(raw).toEqual(rollup);
  });
});
