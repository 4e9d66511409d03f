/**
 * The periods of the statutory reports on receiving and settling procedures (báo cáo định kỳ),
 * as pure functions of their names. Sources (all *(verify)*: kept as the constants below, so a
 * change of regime is one edit, and each constant says where it comes from):
 *
 * - Circular 01/2020/TT-VPCP (chế độ báo cáo định kỳ của Văn phòng Chính phủ): the reports on
 *   procedure control and on the one-stop mechanism are **quarterly, six-month and annual**.
 * - Decree 09/2019/NĐ-CP Art. 12 (thời gian chốt số liệu báo cáo định kỳ), which that circular
 *   applies: a quarter runs from the **15th of the month before** it to the **14th of its last
 *   month**; the six-month report from the 15th of the month before the period (15 December) to
 *   the 14th of its sixth month (14 June); the annual report from 15 December of the year before
 *   to 14 December. There is no "second half" report: the annual one covers it.
 * - Deadline (thời hạn gửi báo cáo): the province sends to the Government's reporting system by
 *   the **20th of the period's last month** (Decree 09/2019 Art. 8 on deadlines; seed 004 item 32:
 *   "Trước ngày 20 của tháng cuối quý"); the province's own units send to the provincial office
 *   by the **19th** (seed 002, Plan 712/KH-UBND: "chậm nhất là ngày 19 của tháng cuối quý").
 *
 * The monthly figures of Decision 240/QĐ-TTg (21st → 20th) are the kpi module's reporting months,
 * not a statutory report period here.
 */
import { type Period, rangePeriod } from '../kpi/periods.rules.js';

/** Decree 09/2019/NĐ-CP Art. 12: figures are closed on the 14th; a period starts on the 15th. */
export const CUTOFF_START_DAY = 15;
/** Decree 09/2019/NĐ-CP: reports reach the Government by the 20th of the period's last month. */
export const SUBMIT_BY_DAY = 20;
/** Seed 002 (Plan 712/KH-UBND): the province's units report to the provincial office by the 19th. */
export const UNITS_SUBMIT_BY_DAY = 19;

export type StatutoryKind = 'quarter' | 'half' | 'year';

export interface StatutoryPeriod extends Period {
  /** `2026-Q1` … `2026-Q4`, `2026-H1` (six months), `2026-Y` (annual). */
  id: string;
  kind: StatutoryKind;
  year: number;
  /** Vietnamese name: "Quý I năm 2026", "6 tháng đầu năm 2026", "Năm 2026". */
  label: string;
  /** The last day the province may submit (YYYY-MM-DD, Vietnam date). */
  submitBy: string;
  /** The last day the province's units report to the provincial office. */
  unitsSubmitBy: string;
}

const FIRST_YEAR = 2020; // Circular 01/2020/TT-VPCP took effect in 2020
const LAST_YEAR = 2099;
const ROMAN = ['I', 'II', 'III', 'IV'];
const pad2 = (n: number) => String(n).padStart(2, '0');
const day = (year: number, month: number, d: number) => `${year}-${pad2(month)}-${pad2(d)}`;

/** From the 15th of the month before `firstMonth` to the 14th of `lastMonth` (months may be ≤ 0). */
function span(year: number, firstMonth: number, lastMonth: number): { from: string; to: string } {
  const before = firstMonth - 1;
  const from = before >= 1 ? day(year, before, CUTOFF_START_DAY) : day(year - 1, 12 + before, CUTOFF_START_DAY);
  return { from, to: day(year, lastMonth, CUTOFF_START_DAY - 1) };
}

function build(id: string, kind: StatutoryKind, year: number, firstMonth: number, lastMonth: number, label: string) {
  const { from, to } = span(year, firstMonth, lastMonth);
  return {
    id,
    kind,
    year,
    label,
    ...rangePeriod(from, to),
    submitBy: day(year, lastMonth, SUBMIT_BY_DAY),
    unitsSubmitBy: day(year, lastMonth, UNITS_SUBMIT_BY_DAY),
  } satisfies StatutoryPeriod;
}

/** The statutory period a name denotes, or null when it names none. */
export function statutoryPeriod(id: string): StatutoryPeriod | null {
  const m = /^(\d{4})-(Q[1-4]|H1|Y)$/.exec(id);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  const part = m[2]!;
  if (part === 'Y') return build(id, 'year', year, 1, 12, `Năm ${year}`);
  if (part === 'H1') return build(id, 'half', year, 1, 6, `6 tháng đầu năm ${year}`);
  const q = Number(part.slice(1));
  return build(id, 'quarter', year, q * 3 - 2, q * 3, `Quý ${ROMAN[q - 1]} năm ${year}`);
}

/** A year's statutory periods in the order they close: Q1, Q2, H1, Q3, Q4, Y. */
export function periodsOfYear(year: number): StatutoryPeriod[] {
  return ['Q1', 'Q2', 'H1', 'Q3', 'Q4', 'Y']
    .map((p) => statutoryPeriod(`${year}-${p}`))
    .filter((p): p is StatutoryPeriod => p !== null);
}

/** Whether the period's figures are closed on `today` (a Vietnam date): a draft can be prepared. */
export function isClosed(period: StatutoryPeriod, today: string): boolean {
  return today > period.to;
}

/** Whether a submission on `date` (a Vietnam date) is late for the period. */
export function isLate(period: StatutoryPeriod, date: string): boolean {
  return date > period.submitBy;
}
