/**
 * Reporting periods as Vietnam dates, and the UTC instants they cover. Pure.
 *
 * - A **week** is Monday to Sunday (ISO 8601 weeks: week 1 holds the year's first Thursday).
 * - A **reporting month** M runs from the 21st of M−1 to the 20th of M (seed 002: "thời gian chốt
 *   số liệu báo cáo từ ngày 21 tháng trước đến ngày 20 tháng sau"); January starts on 21 December.
 * - A **quarter** and a **year** are made of reporting months (Q1 = 21 Dec → 20 Mar; the year =
 *   21 Dec → 20 Dec), so the months of a quarter add up to the quarter exactly — a rollup of
 *   months can then reproduce the quarter.
 * - Any range from..to (both included).
 * Instants are half-open [00:00 of `from`, 00:00 after `to`) in Asia/Ho_Chi_Minh (UTC+7).
 */
import { addDays, dateOfIndex, dayIndex, weekdayOfIndex } from '../calendar/dates.js';
import { periodBounds } from '../dossiers/tracking-book.rules.js';

/** The day of the month a reporting month starts on (the previous month's 21st). */
export const REPORTING_CUTOFF_DAY = 21;
/** The longest period an index covers: a leap year, both ends included. */
export const MAX_PERIOD_DAYS = 366;

export interface Period {
  /** Vietnam dates YYYY-MM-DD, both included. */
  from: string;
  to: string;
  /** [start, end): 00:00 Vietnam time of `from` and of the day after `to`, as instants. */
  start: Date;
  end: Date;
}

export function rangePeriod(from: string, to: string): Period {
  return { from, to, ...periodBounds(from, to) };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** ISO week `week` of ISO year `year`: Monday to Sunday. */
export function weekPeriod(year: number, week: number): Period {
  const jan4 = dayIndex(`${year}-01-04`);
  const monday1 = jan4 - ((weekdayOfIndex(jan4) + 6) % 7);
  const monday = monday1 + (week - 1) * 7;
  return rangePeriod(dateOfIndex(monday), dateOfIndex(monday + 6));
}

/** The ISO week holding a date, as [year, week]. */
export function isoWeekOf(date: string): [number, number] {
  const d = dayIndex(date);
  const thursday = d - ((weekdayOfIndex(d) + 6) % 7) + 3; // the week's Thursday decides its year
  const year = Number(dateOfIndex(thursday).slice(0, 4));
  return [year, Math.floor((thursday - dayIndex(`${year}-01-01`)) / 7) + 1];
}

/** Reporting month `month` (1–12) of `year`: 21st of the month before → 20th of the month. */
export function reportingMonth(year: number, month: number): Period {
  const prevYear = month === 1 ? year - 1 : year;
  const prevMonth = month === 1 ? 12 : month - 1;
  const from = `${prevYear}-${pad2(prevMonth)}-${pad2(REPORTING_CUTOFF_DAY)}`;
  return rangePeriod(from, addDays(`${year}-${pad2(month)}-${pad2(REPORTING_CUTOFF_DAY)}`, -1));
}

/** Reporting quarter q (1–4): its three reporting months. */
export function reportingQuarter(year: number, quarter: number): Period {
  return rangePeriod(reportingMonth(year, quarter * 3 - 2).from, reportingMonth(year, quarter * 3).to);
}

/** Reporting year: its twelve reporting months (21 Dec of the year before → 20 Dec). */
export function reportingYear(year: number): Period {
  return rangePeriod(reportingMonth(year, 1).from, reportingMonth(year, 12).to);
}

/** The reporting month a date falls in, as YYYY-MM (21 Dec 2025 → 2026-01). */
export function reportingMonthOf(date: string): string {
  let y = Number(date.slice(0, 4));
  let m = Number(date.slice(5, 7));
  if (Number(date.slice(8, 10)) >= REPORTING_CUTOFF_DAY) {
    m += 1;
    if (m === 13) [y, m] = [y + 1, 1];
  }
  return `${y}-${pad2(m)}`;
}

/**
 * The years a period may name: the one-stop mechanism dates from Decision 181/2003/QĐ-TTg, so no
 * dossier is older than 2003; 2099 bounds the far side. Outside them a date has no calendar here.
 */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/**
 * A named period: `2026-W09` (ISO week), `2026-03` (reporting month), `2026-Q1` (reporting
 * quarter), `2026` (reporting year). Null when the text names none.
 */
export function parsePeriod(text: string): Period | null {
  const year = Number(text.slice(0, 4));
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) return null;
  let m = /^(\d{4})-W(\d{2})$/.exec(text);
  if (m) {
    const [year, week] = [Number(m[1]), Number(m[2])];
    // Week 53 exists only in long years: its Thursday must still be in that ISO year.
    if (week < 1 || week > 53 || isoWeekOf(weekPeriod(year, week).from)[0] !== year) return null;
    return weekPeriod(year, week);
  }
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? reportingMonth(Number(m[1]), Number(m[2])) : null;
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) return reportingQuarter(Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(text);
  return m ? reportingYear(Number(m[1])) : null;
}

export type PeriodProblem = 'KPI_PERIOD_REVERSED' | 'KPI_PERIOD_TOO_LONG';

/** Why from..to cannot be a period (the dates are valid YYYY-MM-DD, checked by the schema), or null. */
export function periodProblem(from: string, to: string): PeriodProblem | null {
  const days = dayIndex(to) - dayIndex(from) + 1;
  if (days < 1) return 'KPI_PERIOD_REVERSED';
  return days > MAX_PERIOD_DAYS ? 'KPI_PERIOD_TOO_LONG' : null;
}

/** The period a request names: `period`, or `from` and `to`; an error code when neither (or both). */
export function resolvePeriod(q: {
  from?: string | undefined;
  to?: string | undefined;
  period?: string | undefined;
}): Period | PeriodProblem | 'KPI_PERIOD_INVALID' {
  if (q.period !== undefined) {
    if (q.from !== undefined || q.to !== undefined) return 'KPI_PERIOD_INVALID';
    return parsePeriod(q.period) ?? 'KPI_PERIOD_INVALID';
  }
  if (q.from === undefined || q.to === undefined) return 'KPI_PERIOD_INVALID';
  return periodProblem(q.from, q.to) ?? rangePeriod(q.from, q.to);
}
