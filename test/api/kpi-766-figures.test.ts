/**
 * Issue 15, item 2: one definition per figure, the same number wherever it is shown. Satisfaction
 * in the plan-target table is the index's dossier satisfaction (not a second count of rated
 * dossiers); productivity is a table per one-stop officer (dossiers the officer received,
 * annualised, against the officer's target), and the target table's figure is that table's sum.
 * Clock pinned to 25 Mar 2026, 10:00 Vietnam; reporting month 2026-03 is over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { parsePeriod } from '../../src/modules/kpi/periods.rules.js';
import { demoUnits } from '../fixtures/units.js';

const NOW = '2026-03-25T03:00:00Z';
const MONTH = '2026-03';

let t: TestApp;
let kstthc: Session;
let tiepnhan: Session;
let centre: string;

const get = async (url: string) => {
  const res = await kstthc.request({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock(NOW) });
  [kstthc, tiepnhan] = await Promise.all([t.login('kstthc'), t.login('tiepnhan')]);
  centre = (await demoUnits(t))('Trung tâm Phục vụ hành chính công', true);
}, 120_000);
afterAll(() => t.close());

describe('one definition per figure', () => {
  it('satisfaction in the target table is the index figure (same numerator and denominator)', async () => {
    const targets = await get(`/api/kpi/targets?unit=${centre}&period=${MONTH}`);
    const index = await get(`/api/kpi/766?unit=${centre}&period=${MONTH}`);
    const row = targets.targets.find((r: { key: string }) => r.key === 'satisfaction');
    const ind = index.groups
      .flatMap((g: { indicators: { key: string }[] }) => g.indicators)
      .find((i: { key: string }) => i.key === 'satisfaction.dossierSatisfaction');
    expect(row.actual).toMatchObject({
      numerator: ind.numerator,
      denominator: ind.denominator,
      indicator: 'satisfaction.dossierSatisfaction',
    });
  });

  it('productivity is a table per one-stop officer; the target row is its sum, annualised', async () => {
    const body = await get(`/api/kpi/productivity?unit=${centre}&period=${MONTH}`);
    expect(body.officers.length).toBeGreaterThan(0);
    const p = parsePeriod(MONTH)!;
    const days = (p.end.getTime() - p.start.getTime()) / 86_400_000;
    for (const o of body.officers) {
      expect(o).toEqual({
        userId: expect.any(String),
        fullName: expect.any(String),
        unitId: expect.any(String),
        unitName: expect.any(String),
        handled: expect.any(Number),
        annualised: Math.round((o.handled * 365) / days),
        target: expect.any(Number),
        gap: Math.round((o.handled * 365) / days) - o.target,
      });
    }
    const me = body.officers.find((o: { userId: string }) => o.userId === tiepnhan.user.id);
    expect(me).toBeDefined();
    const targets = await get(`/api/kpi/targets?unit=${centre}&period=${MONTH}`);
    const row = targets.targets.find((r: { key: string }) => r.key === 'productivity');
    const handled = body.officers.reduce((s: number, o: { handled: number }) => s + o.handled, 0);
    const officers = new Set(body.officers.map((o: { userId: string }) => o.userId)).size;
    expect(row.actual).toMatchObject({ numerator: handled, denominator: officers });
    expect(row.target).toBe(body.officers.find((o: { unitId: string }) => o.unitId === centre)?.target ?? row.target);
  });
});
