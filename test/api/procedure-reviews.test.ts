/**
 * Issue 21.2: POST /api/procedure-reviews/cost (the request and response of the issue, integer
 * VND, Circular 02/2017/TT-VPCP Art. 27), and a procedure review prefilled from the catalog,
 * costed before and after its simplification, approved and summed in the summary table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { secondProcedureControlOfficer } from '../fixtures/second-officer.js';

let t: TestApp;
let kstthc: Session;
let chuyenvien: Session;

beforeAll(async () => {
  t = await createTestApp();
  [kstthc, chuyenvien] = await Promise.all([t.login('kstthc'), t.login('chuyenvien')]);
});
afterAll(async () => {
  await t?.close();
});

const cost = {
  annualIncomePerCapitaVnd: 100_000_000,
  activities: [
    { name: 'Kê khai', hours: 0.5 },
    { name: 'Đi lại, nộp hồ sơ', hours: 1.5 },
  ],
  feesVnd: 0,
  chargesVnd: 30_000,
  serviceCostsVnd: 20_000,
  otherCostsVnd: 15_000,
  subjectsPerYear: 250,
  timesPerYear: 2,
};

describe('POST /api/procedure-reviews/cost', () => {
  it('answers the three integers for any signed-in account; refuses anonymous and bad input', async () => {
    const res = await chuyenvien.request({ method: 'POST', url: '/api/procedure-reviews/cost', payload: cost });
    expect(res.statusCode, res.body).toBe(200);
    // 100 000 000 / 2112 = 47 348.48 → 47 348; 2 h → 94 696 + 65 000 = 159 696; × 500 = 79 848 000.
    expect(res.json()).toEqual({ hourlyIncomeVnd: 47_348, costPerTimeVnd: 159_696, costPerYearVnd: 79_848_000 });
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/procedure-reviews/cost', payload: cost });
    expect(anonymous.statusCode).toBe(401);
    const fractional = await kstthc.request({
      method: 'POST',
      url: '/api/procedure-reviews/cost',
      payload: { ...cost, feesVnd: 10.5 },
    });
    expect(fractional.statusCode).toBe(400);
    expect(fractional.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('procedure review', () => {
  it('prefills from the catalog, records before/after costs and savings, approves, sums', async () => {
    const procedure = await procedureByCode<{ id: string; components: unknown[] }>(t, '2.000635'); // 8 000 ₫ on every channel
    const prefill = await kstthc.request({ url: `/api/procedure-reviews/prefill?procedureId=${procedure.id}` });
    expect(prefill.statusCode, prefill.body).toBe(200);
    const p = prefill.json();
    expect(p.facts.feesVnd).toBe(8_000);
    expect(p.facts.parts).toBe(procedure.components.length);
    expect(p.before.feesVnd).toBe(8_000);
    const before = {
      ...p.before,
      annualIncomePerCapitaVnd: 100_000_000,
      activities: [{ name: 'Nộp', hours: 2 }],
      subjectsPerYear: 100,
    };
    // The simplification removes the fee and an hour of travel (online filing).
    const after = { ...before, feesVnd: 0, activities: [{ name: 'Nộp trực tuyến', hours: 1 }] };
    const res = await kstthc.request({
      method: 'POST',
      url: '/api/procedure-reviews',
      payload: {
        procedureId: procedure.id,
        year: 2026,
        before,
        after,
        proposal: { partsRemoved: 1, timeCutDays: 2, feesCutVnd: 8_000, fieldsReused: 5, note: 'Nộp trực tuyến' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    // Before: 2 × 47 348 + 8 000 = 102 696 × 100 = 10 269 600. After: 47 348 × 100 = 4 734 800.
    // Savings 5 534 800 / 10 269 600 = 53.894…% → 53.89.
    expect(res.json()).toMatchObject({
      before: { costPerTimeVnd: 102_696, costPerYearVnd: 10_269_600 },
      after: { costPerTimeVnd: 47_348, costPerYearVnd: 4_734_800 },
      savingsVnd: 5_534_800,
      savingsPercent: 53.89,
      status: 'draft',
    });
    const id = res.json().id;
    // Separation of duties: the officer who prepared the review cannot approve it.
    const self = await kstthc.request({ method: 'POST', url: `/api/procedure-reviews/${id}/approve` });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('REVIEW_SELF_APPROVAL');
    const other = await secondProcedureControlOfficer(t);
    expect((await other.request({ method: 'POST', url: `/api/procedure-reviews/${id}/approve` })).statusCode).toBe(204);
    const again = await other.request({ method: 'POST', url: `/api/procedure-reviews/${id}/approve` });
    expect(again.json().error.code).toBe('REVIEW_ALREADY_APPROVED');
    const summary = (await kstthc.request({ url: '/api/procedure-reviews?year=2026' })).json();
    expect(summary.totals).toEqual({
      procedures: 1,
      approved: 1,
      beforeCostPerYearVnd: 10_269_600,
      afterCostPerYearVnd: 4_734_800,
      savingsVnd: 5_534_800,
      savingsPercent: 53.89,
    });
    // An official without review.manage cannot review.
    expect((await chuyenvien.request({ url: '/api/procedure-reviews' })).statusCode).toBe(403);
  });
});
