/**
 * Chi phí tuân thủ thủ tục hành chính (compliance cost of an administrative procedure), as the
 * Government Office's guidance computes it: Circular 02/2017/TT-VPCP of 31/10/2017 on the
 * practice of procedure control (hướng dẫn nghiệp vụ kiểm soát TTHC), Article 27 and its cost
 * form (biểu mẫu tính chi phí tuân thủ, the appendix of forms of that Circular), in force with
 * Decree 63/2010/NĐ-CP as amended by Decree 92/2017/NĐ-CP:
 *
 * - Art. 27.3.a: cost of one performance = the cost of the work the rules require to obtain the
 *   result + fees, charges and other costs the rules set. The work is valued as its time × the
 *   average hourly income; hired services and other costs (copies, travel, posting) are added.
 * - Art. 27.3.b: annual cost = cost of one performance × times per year × subjects per year.
 * - Hourly income from the stated average income per head per year: ÷ 12 months ÷ 22 working days
 *   ÷ 8 hours (the form's derivation: a month of 22 working days of 8 hours).
 * - Art. 27.1.c: the benefit of a simplification is the current cost minus the cost after it;
 *   its share of the current cost is the savings %.
 * - Art. 27.2: no opportunity cost; where sources differ, the lower average figure.
 *
 * Money is whole đồng: the hourly income is rounded to the đồng (half up) as the form writes it,
 * the time cost is computed from that written figure and rounded to the đồng, so a reviewer
 * re-doing the form by hand gets the same numbers; fees and costs are whole đồng already.
 */
import { AppError } from '../../kernel/errors.js';

/** 12 months × 22 working days × 8 hours. */
export const WORKING_HOURS_PER_YEAR = 12 * 22 * 8;

export interface CostInput {
  annualIncomePerCapitaVnd: number;
  activities: { name: string; hours: number }[];
  feesVnd: number;
  chargesVnd: number;
  serviceCostsVnd: number;
  otherCostsVnd: number;
  subjectsPerYear: number;
  timesPerYear: number;
}

export interface Cost {
  hourlyIncomeVnd: number;
  costPerTimeVnd: number;
  costPerYearVnd: number;
}

/** Half up to the nearest integer (positive amounts only). */
const roundHalfUp = (x: number) => Math.floor(x + 0.5);

export function hourlyIncome(annualIncomePerCapitaVnd: number): number {
  return roundHalfUp(annualIncomePerCapitaVnd / WORKING_HOURS_PER_YEAR);
}

export function complianceCost(input: CostInput): Cost {
  const hourlyIncomeVnd = hourlyIncome(input.annualIncomePerCapitaVnd);
  // Hours to the hundredth (0.25 h = 15 minutes) as integers, so 0.1 + 0.2 stays 0.3.
  const hundredths = input.activities.reduce((sum, a) => sum + Math.round(a.hours * 100), 0);
  const timeCost = roundHalfUp((hundredths * hourlyIncomeVnd) / 100);
  const costPerTimeVnd = timeCost + input.feesVnd + input.chargesVnd + input.serviceCostsVnd + input.otherCostsVnd;
  const costPerYearVnd = costPerTimeVnd * input.timesPerYear * input.subjectsPerYear;
  // Beyond 2^53 an amount is no longer an exact integer of đồng: refused rather than rounded.
  if (!Number.isSafeInteger(costPerYearVnd)) throw new AppError('REVIEW_COST_TOO_LARGE', { costPerTimeVnd });
  return { hourlyIncomeVnd, costPerTimeVnd, costPerYearVnd };
}

/** The benefit of a simplification (Art. 27.1.c) and its share of the current cost, in % to two decimals. */
export function savings(beforeVnd: number, afterVnd: number): { savingsVnd: number; savingsPercent: number } {
  const savingsVnd = beforeVnd - afterVnd;
  if (beforeVnd <= 0) return { savingsVnd, savingsPercent: 0 };
  return { savingsVnd, savingsPercent: Math.round((savingsVnd * 10000) / beforeVnd) / 100 };
}
