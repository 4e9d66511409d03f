/**
 * The four Decision-766 digitization indicators fed by the national systems and certification —
 * certified copies, national data store, population-data procedures and dossiers — pinned on
 * hand-built rows (one per edge case) in reporting month 2026-03 (21 Feb → 20 Mar 2026) at one
 * commune, counted from the raw rows and from the rollup alike, each figure equal to its
 * drill-down; and an empty commune (nothing due: 0/0, no points: the indicator does not apply).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/kernel/db.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { type DemoProcedure, fileDossier, staffAt } from '../fixtures/dossiers.js';
import { citizen, type Indicator, insertCase, type RowCase } from '../fixtures/kpi.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { PDF, upload } from '../fixtures/uploads.js';

let t: TestApp;
let kstthc: Session;
let commune: string;
let emptyCommune: string;
let fileId: string;
let officerId: string;
/** A certification dossier (chứng thực bản sao) and a hộ tịch one, filed at the commune: rows to copy. */
const base = { certification: '', civil: '' };

const IN = '2026-03-10T03:00:00Z';
const BEFORE = '2026-02-10T03:00:00Z';
const MONTH = 'period=2026-03';
const KEYS = [
  'digitization.certifiedCopies',
  'digitization.nationalStore',
  'digitization.populationProcedures',
  'digitization.populationDossiers',
] as const;

interface Case extends RowCase {
  from: 'certification' | 'civil';
  result?: 'valid' | 'unverifiable' | 'unsigned' | 'invalid';
  nationalComponent?: boolean;
  ownComponent?: boolean;
  population?: 'verified' | 'notFound' | 'unavailable';
}

const processed = (code: string, extra: Partial<Case> = {}): Case => ({
  code,
  from: 'certification',
  status: 'processed',
  received: BEFORE,
  completed: IN,
  outcome: 'onTime',
  due: IN,
  ...extra,
});
const received = (code: string, extra: Partial<Case> = {}): Case => ({
  code,
  from: 'civil',
  status: 'received',
  received: IN,
  due: '2026-04-30T03:00:00Z',
  ...extra,
});

const CASES: Case[] = [
  // Certified copies: certification dossiers processed in the month; a signed e-copy counts.
  processed('CT-VALID', { result: 'valid' }),
  processed('CT-UNVERIFIABLE', { result: 'unverifiable' }),
  processed('CT-UNSIGNED', { result: 'unsigned' }),
  processed('CT-INVALID', { result: 'invalid' }),
  processed('CT-NO-RESULT'),
  processed('CT-RETURNED', { status: 'returned', returned: IN, result: 'valid' }),
  processed('CT-EARLIER', { received: '2026-01-10T03:00:00Z', completed: BEFORE, result: 'valid' }),
  processed('CT-REFUSED', { status: 'refused', result: 'valid' }),
  processed('HT-PROCESSED', { from: 'civil', result: 'valid' }),
  // National data store: received in the month with a component taken from it.
  received('NS-TAKEN', { nationalComponent: true, ownComponent: true }),
  received('NS-OWN', { ownComponent: true }),
  received('NS-NONE'),
  received('NS-EARLIER', { received: BEFORE, nationalComponent: true }),
  // Population data: due when intake looked the citizen up; used when verified.
  received('POP-VERIFIED', { population: 'verified' }),
  received('POP-NOTFOUND', { population: 'notFound' }),
  received('POP-UNAVAILABLE', { population: 'unavailable' }),
  received('POP-EARLIER', { received: BEFORE, population: 'verified' }),
  received('POP-NEVER-RECEIVED', { status: 'registered', received: null, channel: 'online', population: 'verified' }),
];

async function build(c: Case) {
  await insertCase(t, c.from === 'certification' ? base.certification : base.civil, {
    ...c,
    competentUnitId: commune,
    receivingUnitId: commune,
  });
  const db = t.handle.db;
  const id = (await queryRows<{ id: string }>(db, sql`select id from dossiers where code = ${c.code}`))[0]!.id;
  if (c.population)
    await db.execute(
      sql`update dossiers set population_check = ${c.population}, population_checked_at = ${c.received ?? IN}::timestamptz where id = ${id}`,
    );
  if (c.result) {
    await db.execute(sql`insert into dossier_results (dossier_id, name, file_id, number, issued_on, issuer, signer, signed_at, certificate_serial, verification, recorded_by, created_at)
      values (${id}, 'Bản sao có chứng thực', ${fileId}, ${`${c.code}/CT`}, '2026-03-10', 'UBND xã', 'Chủ tịch UBND xã', ${IN}::timestamptz, '5404FFFE', ${c.result}, ${officerId}, ${IN}::timestamptz)`);
  }
  const components = [...(c.nationalComponent ? [`KS-${c.code}`] : []), ...(c.ownComponent ? [null] : [])];
  for (const national of components) {
    await db.execute(sql`insert into dossier_components (dossier_id, component_id, name, file_ids, national_document_id)
      values (${id}, gen_random_uuid(), 'Giấy tờ', array[${fileId}]::uuid[], ${national})`);
  }
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
  const communes = flat(units).filter((u) => u.kind === 'commune');
  [commune, emptyCommune] = [communes[0]!.id, communes[1]!.id];
  const officer = await staffAt(t, admin, 'xa.chungthuc', 'one_stop_officer', commune);
  officerId = officer.user.id;
  fileId = (await upload(officer, PDF, 'ban-sao.pdf')).json().id as string;
  const certification = await procedureByCode<DemoProcedure>(t, '2.000815');
  const civil = await procedureByCode<DemoProcedure>(t, '2.000635');
  const organisation = { kind: 'organization', name: 'Công ty TNHH Một Cửa', taxCode: '0100109106' };
  base.certification = (await fileDossier(officer, certification, { channel: 'counter', applicant: citizen })).code;
  // An organisation: no population check on the row copied from.
  base.civil = (
    await fileDossier(officer, civil, { channel: 'counter', applicant: organisation, competentUnitId: commune })
  ).code;
  for (const c of CASES) await build(c);
}, 120_000);
afterAll(() => t.close());

async function indicators(query: string): Promise<Map<string, Indicator>> {
  const res = await kstthc.request({ url: `/api/kpi/766?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { groups: { indicators: Indicator[] }[] };
  return new Map(body.groups.flatMap((g) => g.indicators).map((i) => [i.key, i]));
}

async function drill(query: string, key: string, part: 'numerator' | 'denominator') {
  const res = await kstthc.request({
    url: `/api/kpi/766/drilldown?${query}&indicator=${key}&part=${part}&pageSize=200`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { code: string }[]).map((i) => i.code).sort();
}

describe('hand-built cases at one commune, reporting month 2026-03', () => {
  const q = () => `unit=${commune}&${MONTH}`;

  it('certified copies: certification dossiers processed in the month; numerator those with a signed electronic result', async () => {
    expect(await drill(q(), 'digitization.certifiedCopies', 'denominator')).toEqual([
      'CT-INVALID',
      'CT-NO-RESULT',
      'CT-RETURNED',
      'CT-UNSIGNED',
      'CT-UNVERIFIABLE',
      'CT-VALID',
    ]);
    expect(await drill(q(), 'digitization.certifiedCopies', 'numerator')).toEqual([
      'CT-RETURNED',
      'CT-UNVERIFIABLE',
      'CT-VALID',
    ]);
    // 2 points, proportional: 3 ÷ 6.
    expect((await indicators(q())).get('digitization.certifiedCopies')).toMatchObject({
      numerator: 3,
      denominator: 6,
      ratio: 0.5,
      points: 1,
      max: 2,
      available: true,
    });
  });

  it('national data store: received in the month, numerator with a component taken from it', async () => {
    const i = (await indicators(q())).get('digitization.nationalStore')!;
    expect(await drill(q(), 'digitization.nationalStore', 'numerator')).toEqual(['NS-TAKEN']);
    const denominator = await drill(q(), 'digitization.nationalStore', 'denominator');
    expect(denominator).toEqual(expect.arrayContaining(['NS-TAKEN', 'NS-OWN', 'NS-NONE', 'POP-VERIFIED']));
    expect(denominator).not.toContain('NS-EARLIER');
    expect(i).toMatchObject({ numerator: 1, denominator: denominator.length, available: true });
  });

  it('population dossiers: received in the month with a lookup due; numerator those verified', async () => {
    expect(await drill(q(), 'digitization.populationDossiers', 'denominator')).toEqual([
      'POP-NOTFOUND',
      'POP-UNAVAILABLE',
      'POP-VERIFIED',
    ]);
    expect(await drill(q(), 'digitization.populationDossiers', 'numerator')).toEqual(['POP-VERIFIED']);
    expect((await indicators(q())).get('digitization.populationDossiers')).toMatchObject({
      numerator: 1,
      denominator: 3,
      points: 0.67,
    });
  });

  it('population procedures: versions in force for citizens at the unit; numerator those connected', async () => {
    const i = (await indicators(q())).get('digitization.populationProcedures')!;
    const connected = await drill(q(), 'digitization.populationProcedures', 'numerator');
    expect(connected).toEqual(expect.arrayContaining(['2.000635', '1.001193']));
    expect(connected).not.toContain('2.000815');
    expect(await drill(q(), 'digitization.populationProcedures', 'denominator')).toEqual(
      expect.arrayContaining(['2.000815', ...connected]),
    );
    expect(i).toMatchObject({ numerator: connected.length, available: true });
    expect(i.denominator).toBeGreaterThan(i.numerator);
  });

  it('the rollup gives the raw figures, and the drill-downs list as many rows', async () => {
    const [rollup, raw] = [await indicators(q()), await indicators(`${q()}&source=raw`)];
    for (const key of KEYS) {
      expect(rollup.get(key), key).toEqual(raw.get(key));
      expect((await drill(q(), key, 'numerator')).length, key).toBe(raw.get(key)!.numerator);
      expect((await drill(q(), key, 'denominator')).length, key).toBe(raw.get(key)!.denominator);
    }
  });

  it('follows a change through the triggers: a result signed later, a lookup verified later', async () => {
    await t.handle.db.execute(sql`update dossier_results set verification = 'valid' where number = 'CT-UNSIGNED/CT'`);
    await t.handle.db.execute(sql`update dossiers set population_check = 'verified' where code = 'POP-UNAVAILABLE'`);
    const [rollup, raw] = [await indicators(q()), await indicators(`${q()}&source=raw`)];
    expect(rollup.get('digitization.certifiedCopies')).toMatchObject({ numerator: 4, denominator: 6 });
    expect(rollup.get('digitization.populationDossiers')).toMatchObject({ numerator: 2, denominator: 3 });
    for (const key of KEYS) expect(rollup.get(key), key).toEqual(raw.get(key));
  });
});

describe('a commune with no dossier', () => {
  it('has nothing due: 0/0, no ratio, no points (does not apply) — raw and rollup alike', async () => {
    const q = `unit=${emptyCommune}&${MONTH}`;
    const [rollup, raw] = [await indicators(q), await indicators(`${q}&source=raw`)];
    for (const key of [
      'digitization.certifiedCopies',
      'digitization.nationalStore',
      'digitization.populationDossiers',
    ]) {
      expect(rollup.get(key), key).toMatchObject({ numerator: 0, denominator: 0, ratio: null, available: true });
      expect(rollup.get(key)).toMatchObject({ points: null, applies: false });
      expect(raw.get(key)).toEqual(rollup.get(key));
    }
  });
});
