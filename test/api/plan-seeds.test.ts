/**
 * Issue 21: the provincial plans of the shared seeds other than 003 import through the plans
 * import as it is used — preview (POST /api/plans/preview) then save (POST /api/plans) — with
 * what the tree must hold counted from the file itself.
 *
 * Seed 000 (Bà Rịa–Vũng Tàu, 2025 plan for procedure control, appendix copied from a web page as
 * tab-separated lines): eleven sections headed by Roman numerals, tasks numbered from 1 in each.
 * Its text has no heading block (issuer, number, title): the officer types those in the form.
 *
 * Seed 002 (An Giang, Decision 242/QĐ-UBND, appendix copied from a legal-text site: each cell
 * ends with " |", the tables sit under the plan's numbered headings): the heading comes from the
 * decision's own text; its tables' rows are numbered under the heading above them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { demoUnits } from '../fixtures/units.js';

const SEED_002 = readFileSync(new URL('../fixtures/plans/002-an-giang-242-qd-ubnd-2025.txt', import.meta.url), 'utf8');
const SEED_000 = readFileSync(
  new URL('../fixtures/plans/000-ba-ria-vung-tau-kstthc-2025.txt', import.meta.url),
  'utf8',
);
/** Mon 3/2/2025 09:00 in Vietnam. */
const clock = fixedClock('2025-02-03T02:00:00Z');

/** The file's lines as cells, markup dropped. */
const cells = (text: string) =>
  text.split(/\r?\n/).map((line) =>
    line.split('\t').map((c) =>
      c
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
const lines = cells(SEED_000);
/** Rows that only head a section ("IV. Về xây dựng …"), and rows that start a numbered task. */
const sectionLines = lines.filter((c) => /^[IVX]+\.?\s/.test(c[0] ?? '') && c.slice(1).every((x) => x === ''));
const taskLines = lines.filter((c) => /^\d+$/.test(c[0] ?? ''));
/** The numbers the tree must have, in the file's order: a section k, then its tasks k.1, k.2 … */
const expectedNumbers: string[] = [];
for (const c of lines) {
  if (sectionLines.includes(c))
    expectedNumbers.push(String(expectedNumbers.filter((n) => !n.includes('.')).length + 1));
  else if (taskLines.includes(c))
    expectedNumbers.push(`${expectedNumbers.filter((n) => !n.includes('.')).length}.${c[0]}`);
}
/** The title in the file's second heading line ("### **NỘI DUNG KẾ HOẠCH … NĂM 2025 …**"). */
const fileTitle = /^#+\s*\**(.+?)\**$/.exec(SEED_000.split(/\r?\n/).find((l) => /KẾ HOẠCH/.test(l))!)![1]!;

let t: TestApp;
let kstthc: Session;
let vpId: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  kstthc = await t.login('kstthc');
  vpId = (await demoUnits(t))('Văn phòng Ủy ban nhân dân tỉnh');
});
afterAll(async () => {
  await t?.close();
});

describe('seed 000 through the plans import', () => {
  type PreviewTask = {
    number: string;
    kind: string;
    title: string;
    timeframeText: string;
    expectedOutput: string;
    notes: string;
    lead: { label: string; unitId: string | null; collective: boolean }[];
    coordinating: { label: string; unitId: string | null; collective: boolean }[];
  };
  let tasks: PreviewTask[];

  it('previews every section and numbered row of the file, with no structural problem', async () => {
    expect(sectionLines).toHaveLength(11);
    const res = await kstthc.request({
      method: 'POST',
      url: '/api/plans/preview',
      payload: { issuerUnitId: vpId, source: 'text', text: SEED_000 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json() as { tasks: PreviewTask[]; problems: { number: string; problem: string }[] };
    tasks = preview.tasks;
    expect(tasks).toHaveLength(sectionLines.length + taskLines.length);
    expect(tasks.map((x) => x.number)).toEqual(expectedNumbers);
    expect(tasks.filter((x) => x.kind === 'group')).toHaveLength(sectionLines.length);
    expect(preview.problems.filter((p) => p.problem !== 'timeframe_unparsed')).toEqual([]);
  });

  it('saves the plan; its completion counts every numbered row of the file', async () => {
    const res = await kstthc.request({
      method: 'POST',
      url: '/api/plans',
      payload: {
        issuerUnitId: vpId,
        source: 'text',
        issuerName: 'UBND tỉnh Bà Rịa - Vũng Tàu',
        number: '',
        issuedOn: null,
        title: fileTitle,
        legalBasis: '',
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        tasks: tasks.map(({ number, title, timeframeText, expectedOutput, notes, lead, coordinating }) => ({
          number,
          title,
          timeframeText,
          expectedOutput,
          notes,
          lead,
          coordinating,
        })),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().completion).toMatchObject({ total: taskLines.length, done: 0, completionPercent: 0 });
    const detail = (await kstthc.request({ url: `/api/plans/${res.json().id}` })).json() as {
      title: string;
      tasks: { number: string }[];
    };
    expect(detail.title).toContain('NĂM 2025');
    expect(detail.tasks.map((x) => x.number)).toEqual(tasks.map((x) => x.number));
  });
});

describe('seed 002 through the plans import', () => {
  const appendix = SEED_002.split(/\r?\n/).slice(SEED_002.split(/\r?\n/).indexOf('PHỤ LỤC') + 1);
  /** The plan's numbered headings between the appendix's tables, as the file writes them. */
  const headings = appendix
    .filter((l) => /^\d+(\.\d+)*\.\s+\S/.test(l) && !l.trimEnd().endsWith('|'))
    .map((l) => /^(\d+(?:\.\d+)*)\./.exec(l)![1]!);

  it('previews and saves the plan: a row per heading of the appendix, its year from the decision', async () => {
    const res = await kstthc.request({
      method: 'POST',
      url: '/api/plans/preview',
      payload: { issuerUnitId: vpId, source: 'text', text: SEED_002 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json() as {
      heading: Record<string, string | null>;
      tasks: (Record<string, unknown> & { number: string; kind: string })[];
      problems: { problem: string }[];
    };
    expect(preview.heading).toMatchObject({ periodFrom: '2025-01-01', periodTo: '2025-12-31' });
    expect(preview.problems.filter((p) => p.problem !== 'timeframe_unparsed')).toEqual([]);
    const numbers = preview.tasks.map((x) => x.number);
    for (const h of headings) expect(numbers).toContain(h);
    const saved = await kstthc.request({
      method: 'POST',
      url: '/api/plans',
      payload: {
        issuerUnitId: vpId,
        source: 'text',
        issuerName: 'UBND tỉnh An Giang',
        number: '242/QĐ-UBND',
        issuedOn: '2025-02-24',
        title: preview.heading.title,
        legalBasis: preview.heading.legalBasis,
        periodFrom: preview.heading.periodFrom,
        periodTo: preview.heading.periodTo,
        tasks: preview.tasks.map(({ number, title, timeframeText, expectedOutput, notes, lead, coordinating }) => ({
          number,
          title,
          timeframeText,
          expectedOutput,
          notes,
          lead,
          coordinating,
        })),
      },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const leaves = preview.tasks.filter((x) => x.kind !== 'group').length;
    expect(saved.json().completion).toMatchObject({ total: leaves, done: 0 });
    const detail = (await kstthc.request({ url: `/api/plans/${saved.json().id}` })).json() as {
      tasks: { number: string }[];
    };
    expect(detail.tasks.map((x) => x.number)).toEqual(numbers);
  });
});
