/**
 * Cases worked by hand with the formula of Circular 02/2017/TT-VPCP Art. 27 (hourly income =
 * annual income ÷ 12 ÷ 22 ÷ 8 rounded to the đồng; time cost rounded to the đồng; annual =
 * per time × times × subjects). The arithmetic of each case is written beside it.
 */
import { describe, expect, it } from 'vitest';
import { type Cost, type CostInput, complianceCost, hourlyIncome, savings } from './compliance-cost.rules.js';

const input = (over: Partial<CostInput>): CostInput => ({
  annualIncomePerCapitaVnd: 0,
  activities: [],
  feesVnd: 0,
  chargesVnd: 0,
  serviceCostsVnd: 0,
  otherCostsVnd: 0,
  subjectsPerYear: 1,
  timesPerYear: 1,
  ...over,
});

describe('complianceCost', () => {
  it.each<[string, Partial<CostInput>, Cost]>([
    [
      // 114 000 000 / 2112 = 53 977.27 → 53 977; (8 + 2 + 1) h × 53 977 = 593 747; + 50 000 fee = 643 747;
      // × 1 time × 1 000 subjects = 643 747 000.
      'a licence: three activities and a fee',
      {
        annualIncomePerCapitaVnd: 114_000_000,
        activities: [
          { name: 'Chuẩn bị hồ sơ', hours: 8 },
          { name: 'Nộp hồ sơ', hours: 2 },
          { name: 'Nhận kết quả', hours: 1 },
        ],
        feesVnd: 50_000,
        subjectsPerYear: 1_000,
      },
      { hourlyIncomeVnd: 53_977, costPerTimeVnd: 643_747, costPerYearVnd: 643_747_000 },
    ],
    [
      // 100 000 000 / 2112 = 47 348.48 → 47 348; 2 h → 94 696; + 30 000 + 20 000 + 15 000 = 159 696;
      // × 2 times × 250 subjects = 79 848 000.
      'charges, a hired service and other costs, twice a year',
      {
        annualIncomePerCapitaVnd: 100_000_000,
        activities: [
          { name: 'Kê khai', hours: 0.5 },
          { name: 'Đi lại, nộp hồ sơ', hours: 1.5 },
        ],
        chargesVnd: 30_000,
        serviceCostsVnd: 20_000,
        otherCostsVnd: 15_000,
        subjectsPerYear: 250,
        timesPerYear: 2,
      },
      { hourlyIncomeVnd: 47_348, costPerTimeVnd: 159_696, costPerYearVnd: 79_848_000 },
    ],
    [
      // 211 200 000 / 2112 = 100 000 exactly; 0.25 + 0.1 = 0.35 h → 35 000; × 12 × 10 = 4 200 000.
      'quarter hours add up exactly',
      {
        annualIncomePerCapitaVnd: 211_200_000,
        activities: [
          { name: 'a', hours: 0.25 },
          { name: 'b', hours: 0.1 },
        ],
        subjectsPerYear: 10,
        timesPerYear: 12,
      },
      { hourlyIncomeVnd: 100_000, costPerTimeVnd: 35_000, costPerYearVnd: 4_200_000 },
    ],
    [
      // 110 000 000 / 2112 = 52 083.33 → 52 083; 0.3 h × 52 083 = 15 624.9 → 15 625.
      'the time cost is rounded to the đồng',
      { annualIncomePerCapitaVnd: 110_000_000, activities: [{ name: 'a', hours: 0.3 }] },
      { hourlyIncomeVnd: 52_083, costPerTimeVnd: 15_625, costPerYearVnd: 15_625 },
    ],
    [
      // 3 168 / 2112 = 1.5 → 2 (half up); 3 h × 2 = 6.
      'half a đồng rounds up',
      { annualIncomePerCapitaVnd: 3_168, activities: [{ name: 'a', hours: 3 }] },
      { hourlyIncomeVnd: 2, costPerTimeVnd: 6, costPerYearVnd: 6 },
    ],
    [
      // No activity: only the fee; × 3 × 4 = 12 × 8 000 = 96 000.
      'fees only',
      { annualIncomePerCapitaVnd: 95_000_000, feesVnd: 8_000, subjectsPerYear: 4, timesPerYear: 3 },
      { hourlyIncomeVnd: 44_981, costPerTimeVnd: 8_000, costPerYearVnd: 96_000 },
    ],
  ])('%s', (_name, over, expected) => {
    expect(complianceCost(input(over))).toEqual(expected);
  });

  it('derives the hourly income from 12 × 22 × 8 = 2 112 hours a year', () => {
    expect(hourlyIncome(2_112)).toBe(1);
    expect(hourlyIncome(1_055)).toBe(0); // 0.4995 → 0
    expect(hourlyIncome(1_056)).toBe(1); // 0.5 → 1
  });

  it('refuses an annual cost beyond exact integers (2^53 đồng) instead of rounding it', () => {
    const huge = { feesVnd: 1_000_000_000_000, subjectsPerYear: 100_000_000, timesPerYear: 10_000 };
    expect(() => complianceCost(input(huge))).toThrow(expect.objectContaining({ code: 'REVIEW_COST_TOO_LARGE' }));
    const largestExact = { feesVnd: 900_719_925, subjectsPerYear: 10_000_000, timesPerYear: 1 };
    expect(complianceCost(input(largestExact)).costPerYearVnd).toBe(9_007_199_250_000_000);
  });
});

describe('savings (Art. 27.1.c)', () => {
  it.each<[number, number, number, number]>([
    // The fee removed from the second case: 159 696 − 94 696 = 65 000; 65 000 / 159 696 = 40.702…%.
    [159_696, 94_696, 65_000, 40.7],
    [643_747_000, 321_873_500, 321_873_500, 50],
    [1_000, 1_000, 0, 0],
    [3, 2, 1, 33.33],
    [0, 0, 0, 0],
  ])('%i → %i saves %i (%f %%)', (before, after, savingsVnd, savingsPercent) => {
    expect(savings(before, after)).toEqual({ savingsVnd, savingsPercent });
  });
});
