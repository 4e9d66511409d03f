/**
 * The occurrences of a recurring task ("Hàng quý", "02 lần/năm", "Ngày 05 hàng tháng"): each one is
 * due like a period of the timeframe rules — at the end of its week, month, quarter, half-year or
 * year ("Hàng quý" → 31/3, 30/6, 30/9, 31/12), the same calendar periods a one-off "Quý I/2025"
 * is due by — or on the day of the month the plan names. A task carries its current occurrence as
 * its due date, so the due-soon and overdue rules (progress.rules.ts) apply to each occurrence
 * unchanged; the deadline run moves it to the next one (deadlines.service.ts).
 */
import { addDays } from './progress.rules.js';

export const RECURRENCES = ['weekly', 'monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

const MONTHS: Record<Exclude<Recurrence, 'weekly'>, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

const pad2 = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** Day `day` of a month (its last day when `day` is null or beyond it); months may run past 12 or below 1. */
function dayOf(year: number, month: number, day: number | null): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const last = daysIn(y, m);
  return `${y}-${pad2(m)}-${pad2(day === null ? last : Math.min(day, last))}`;
}

/**
 * The first occurrence in `year`: the end of its first week (the Sunday of the Monday–Sunday week
 * holding 1 January) or of its first month, quarter, half-year or year; with `day`, that day of
 * the first period's last month.
 */
export function firstDue(recurrence: Recurrence, year: number, day: number | null = null): string {
  if (recurrence === 'weekly') {
    const weekday = new Date(Date.UTC(year, 0, 1)).getUTCDay(); // 0 = Sunday
    return addDays(`${year}-01-01`, (7 - weekday) % 7);
  }
  return dayOf(year, MONTHS[recurrence], day);
}

/**
 * The occurrence `steps` after (or, negative, before) `dueOn`: a week later, or the same place in
 * the period `steps` periods on — the period's last day if `dueOn` is its month's last day, else
 * the same day of the month.
 */
export function shiftDue(recurrence: Recurrence, dueOn: string, steps: number): string {
  if (recurrence === 'weekly') return addDays(dueOn, 7 * steps);
  const [y, m, d] = dueOn.split('-').map(Number) as [number, number, number];
  return dayOf(y, m + MONTHS[recurrence] * steps, d === daysIn(y, m) ? null : d);
}

/** The first occurrence on or after `day`, counting on from `dueOn`. */
export function dueOnOrAfter(recurrence: Recurrence, dueOn: string, day: string): string {
  let next = dueOn;
  while (next < day) next = shiftDue(recurrence, next, 1);
  return next;
}
