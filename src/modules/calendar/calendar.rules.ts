/**
 * Deadline arithmetic over working time (tính thời hạn theo ngày/giờ làm việc). Pure: no database,
 * no clock. A `WorkingCalendar` is built once (buildWorkingCalendar, or loadWorkingCalendar in
 * calendar.service.ts) and passed in.
 *
 * Working time = the working periods (e.g. 07:30–11:30, 13:30–17:00, Vietnam time) of working
 * days. A working day is Monday–Friday that is not a holiday (ngày nghỉ lễ, tết, nghỉ bù), or an
 * announced make-up working day (ngày làm bù, a Saturday declared a working day).
 *
 * Conventions (the words, made precise):
 * - Periods are half-open [start, end). An instant exactly at a period end (11:30, 17:00) is
 *   outside working time; it is the same *working* instant as the next period start (13:30, or
 *   07:30 of the next working day): no working minute lies between them.
 * - A start outside working time (before 07:30, at lunch, at or after 17:00, on a rest day or a
 *   holiday) first moves to the start of the next working period. Amount 0 returns that start.
 * - N working days later = the same clock time on the N-th following working day (the normalized
 *   start's clock time is always inside a period, and every working day has the same periods).
 * - Working days come in steps of 0.5 (the law speaks of whole and half days); the half is half
 *   of a day's working minutes counted through the periods: 0.5 day from 07:30 with
 *   07:30–11:30/13:30–17:00 (7 h 30) = 3 h 45 of work → 11:15. Other fractions are refused
 *   (CALENDAR_AMOUNT_INVALID) rather than silently rounded; use working hours for finer steps.
 * - Working hours count only inside periods (across lunch and nights). A result that ends exactly
 *   at a period end stays there (4 working hours from 07:30 → 11:30, not 13:30): the work is done
 *   at 11:30.
 * - `days` are calendar days: the same clock time n × 24 h later (Vietnam has no DST); whole n.
 */
import { AppError } from '../../kernel/errors.js';
import type { CalendarDayKind, CalendarSource } from './calendar.tables.js';
import {
  DAY_MS,
  MINUTE_MS,
  dateOfIndex,
  dayIndex,
  fromVietnamLocalMs,
  toVietnamLocalMs,
  weekdayOfIndex,
} from './dates.js';
import type { WorkingPeriod } from '../../kernel/working-periods.js';

export type { WorkingPeriod } from '../../kernel/working-periods.js';

/** An exception to "Monday–Friday work": a holiday or a make-up working day. */
export interface CalendarDay {
  date: string; // YYYY-MM-DD
  kind: CalendarDayKind;
  name: string;
  source: CalendarSource;
}

export type WorkingTimeUnit = 'workingDays' | 'workingHours' | 'days';

export interface WorkingCalendar {
  readonly periods: readonly WorkingPeriod[];
  /** Working minutes of one working day (450 for 07:30–11:30, 13:30–17:00). */
  readonly minutesPerDay: number;
  /** Day indexes (days since 1970-01-01) of holidays and of make-up working days. */
  readonly holidays: ReadonlySet<number>;
  readonly makeUpWorkdays: ReadonlySet<number>;
  /**
   * The years whose days were loaded. A computation that needs a day outside them throws
   * CALENDAR_YEAR_NOT_LOADED instead of guessing (a missed holiday would be a wrong deadline).
   * null: no limit (days outside the list are plain Monday–Friday weeks).
   */
  readonly years: { readonly from: number; readonly to: number } | null;
  /** Same bounds as day indexes, precomputed for the hot path. */
  readonly firstDay: number;
  readonly lastDay: number;
}

/**
 * Builds a calendar from the working periods and the exceptions. `years` bounds the days the
 * list is known to cover (loadWorkingCalendar sets it); omit it in tests and tools.
 */
export function buildWorkingCalendar(
  periods: readonly WorkingPeriod[],
  days: readonly Pick<CalendarDay, 'date' | 'kind'>[],
  years: { from: number; to: number } | null = null,
): WorkingCalendar {
  if (periods.length === 0)
    throw new AppError('CALENDAR_DAYS_INVALID', { periods: 'empty' }, 'Cần ít nhất một khoảng giờ làm việc.');
  const holidays = new Set<number>();
  const makeUpWorkdays = new Set<number>();
  for (const day of days) {
    const index = dayIndex(day.date);
    if (Number.isNaN(index)) throw new AppError('CALENDAR_DAYS_INVALID', { date: day.date });
    (day.kind === 'holiday' ? holidays : makeUpWorkdays).add(index);
  }
  return {
    periods: periods.map((p) => ({ ...p })),
    minutesPerDay: periods.reduce((sum, p) => sum + (p.end - p.start), 0),
    holidays,
    makeUpWorkdays,
    years: years ? { ...years } : null,
    firstDay: years ? dayIndex(`${String(years.from).padStart(4, '0')}-01-01`) : Number.NEGATIVE_INFINITY,
    lastDay: years ? dayIndex(`${String(years.to).padStart(4, '0')}-12-31`) : Number.POSITIVE_INFINITY,
  };
}

// ---------------------------------------------------------------------------------------------
// Days

/** A search for the next working day gives up after this many days (a calendar of only holidays). */
const MAX_NON_WORKING_RUN = 400;

function isWorkingDayIndex(cal: WorkingCalendar, index: number): boolean {
  if (index < cal.firstDay || index > cal.lastDay) {
    throw new AppError('CALENDAR_YEAR_NOT_LOADED', { date: dateOfIndex(index), years: cal.years });
  }
  if (cal.holidays.has(index)) return false;
  if (cal.makeUpWorkdays.has(index)) return true;
  const wd = weekdayOfIndex(index);
  return wd >= 1 && wd <= 5;
}

function nextWorkingDayIndex(cal: WorkingCalendar, index: number): number {
  for (let d = index + 1, n = 0; n < MAX_NON_WORKING_RUN; d += 1, n += 1) {
    if (isWorkingDayIndex(cal, d)) return d;
  }
  throw new AppError(
    'CALENDAR_DAYS_INVALID',
    { after: dateOfIndex(index) },
    'Không có ngày làm việc nào trong hơn một năm.',
  );
}

function parseDate(date: string, field: string): number {
  const index = dayIndex(date);
  if (Number.isNaN(index)) throw new AppError('VALIDATION_FAILED', { [field]: date }, 'Ngày phải có dạng YYYY-MM-DD.');
  return index;
}

export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  return isWorkingDayIndex(cal, parseDate(date, 'date'));
}

/**
 * Where a period counted in calendar days or months ends: the instant itself on a working day,
 * else the same clock time on the next working day. Bộ luật Dân sự 2015 (Luật 91/2015/QH13)
 * art. 148(5): when the last day of a period is a weekly rest day or a holiday, the period ends
 * on the working day after it (at its end; the appointment keeps its office hour instead, as
 * every appointment does — docs/domain/DOMAIN.md §7).
 */
export function onWorkingDay(cal: WorkingCalendar, at: Date): Date {
  const local = toVietnamLocalMs(at);
  const day = Math.floor(local / DAY_MS);
  if (isWorkingDayIndex(cal, day)) return at;
  return fromVietnamLocalMs(nextWorkingDayIndex(cal, day) * DAY_MS + (local - day * DAY_MS));
}

/** The n-th working day after `date` (n whole, ≥ 0; n = 0 returns `date` itself, working or not). */
export function addWorkingDaysToDate(cal: WorkingCalendar, date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new AppError('CALENDAR_AMOUNT_INVALID', { n });
  let index = parseDate(date, 'date');
  for (let i = 0; i < n; i += 1) index = nextWorkingDayIndex(cal, index);
  return dateOfIndex(index);
}

/**
 * Number of working days d with from < d ≤ to ("within N working days after the decision").
 * When to < from the answer is minus the count of working days d with to < d ≤ from; from = to
 * gives 0.
 */
export function workingDaysBetweenDates(cal: WorkingCalendar, from: string, to: string): number {
  const a = parseDate(from, 'from');
  const b = parseDate(to, 'to');
  if (b < a) return -workingDaysBetweenDates(cal, to, from);
  let count = 0;
  for (let d = a + 1; d <= b; d += 1) if (isWorkingDayIndex(cal, d)) count += 1;
  return count;
}

// ---------------------------------------------------------------------------------------------
// Instants (local milliseconds: Vietnam wall-clock time since 1970-01-01T00:00)

/** Moves a local instant to working time: itself if inside a period, else the next period start. */
function normalize(cal: WorkingCalendar, local: number): number {
  const day = Math.floor(local / DAY_MS);
  const ms = local - day * DAY_MS;
  if (isWorkingDayIndex(cal, day)) {
    for (const p of cal.periods) {
      if (ms < p.end * MINUTE_MS) return day * DAY_MS + Math.max(ms, p.start * MINUTE_MS);
    }
  }
  return nextWorkingDayIndex(cal, day) * DAY_MS + cal.periods[0]!.start * MINUTE_MS;
}

/** Adds working milliseconds to a normalized local instant, period by period. */
function addWorkingMs(cal: WorkingCalendar, local: number, amount: number): number {
  let t = local;
  let left = amount;
  for (;;) {
    const day = Math.floor(t / DAY_MS);
    const ms = t - day * DAY_MS;
    const period = cal.periods.find((p) => ms >= p.start * MINUTE_MS && ms < p.end * MINUTE_MS)!;
    const available = period.end * MINUTE_MS - ms;
    if (left <= available) return t + left;
    left -= available;
    t = normalize(cal, day * DAY_MS + period.end * MINUTE_MS);
  }
}

function assertAmount(amount: number, unit: WorkingTimeUnit): void {
  const ok =
    Number.isFinite(amount) &&
    amount >= 0 &&
    (unit === 'workingHours' || (unit === 'workingDays' ? Number.isInteger(amount * 2) : Number.isInteger(amount)));
  if (!ok) throw new AppError('CALENDAR_AMOUNT_INVALID', { amount, unit });
}

/** The deadline `amount` units after `start` (see the conventions at the top of this file). */
export function addWorkingTime(cal: WorkingCalendar, start: Date, amount: number, unit: WorkingTimeUnit): Date {
  assertAmount(amount, unit);
  if (Number.isNaN(start.getTime())) throw new AppError('VALIDATION_FAILED', { start: 'invalid date' });
  if (unit === 'days') return new Date(start.getTime() + amount * DAY_MS);
  let t = normalize(cal, toVietnamLocalMs(start));
  if (unit === 'workingHours') return fromVietnamLocalMs(addWorkingMs(cal, t, Math.round(amount * 3_600_000)));
  const whole = Math.floor(amount);
  let day = Math.floor(t / DAY_MS);
  const clock = t - day * DAY_MS;
  for (let i = 0; i < whole; i += 1) day = nextWorkingDayIndex(cal, day);
  t = day * DAY_MS + clock;
  if (amount > whole) t = addWorkingMs(cal, t, (cal.minutesPerDay * MINUTE_MS) / 2);
  return fromVietnamLocalMs(t);
}

/**
 * Working time between two instants: the minutes inside working periods of working days in
 * [a, b], and the same in working days (minutes / minutesPerDay, fractional). When b is before a
 * both are negative (minus the working time from b to a); a = b gives 0. Used for pauses
 * (suspended dossiers) and per-step lateness.
 */
export function workingTimeBetween(cal: WorkingCalendar, a: Date, b: Date): { minutes: number; workingDays: number } {
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) throw new AppError('VALIDATION_FAILED', { a, b });
  if (b.getTime() < a.getTime()) {
    const r = workingTimeBetween(cal, b, a);
    return { minutes: -r.minutes, workingDays: -r.workingDays };
  }
  const from = toVietnamLocalMs(a);
  const to = toVietnamLocalMs(b);
  let total = 0;
  for (let day = Math.floor(from / DAY_MS); day * DAY_MS < to; day += 1) {
    if (!isWorkingDayIndex(cal, day)) continue;
    for (const p of cal.periods) {
      const s = Math.max(from, day * DAY_MS + p.start * MINUTE_MS);
      const e = Math.min(to, day * DAY_MS + p.end * MINUTE_MS);
      if (e > s) total += e - s;
    }
  }
  const minutes = total / MINUTE_MS;
  return { minutes, workingDays: minutes / cal.minutesPerDay };
}
