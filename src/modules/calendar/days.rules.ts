/** Validation of a year's list of exceptions before it is saved. Pure. */
import type { CalendarDay } from './calendar.rules.js';
import { dayIndex, isWeekendIndex } from './dates.js';

export interface DayProblem {
  date: string;
  problem: 'invalid_date' | 'outside_year' | 'duplicate' | 'holiday_on_make_up_day' | 'make_up_not_weekend';
  message: string;
}

/**
 * Problems with a year's days: every date a real date inside the year, at most once (so a holiday
 * cannot also be a make-up working day), and make-up working days only on a Saturday or Sunday
 * (a make-up day turns a rest day into a working day; on a weekday it would mean nothing).
 */
export function validateYearDays(year: number, days: readonly Pick<CalendarDay, 'date' | 'kind'>[]): DayProblem[] {
  const problems: DayProblem[] = [];
  const seen = new Map<string, CalendarDay['kind']>();
  for (const day of days) {
    const index = dayIndex(day.date);
    if (Number.isNaN(index)) {
      problems.push({ date: day.date, problem: 'invalid_date', message: 'Ngày không hợp lệ.' });
      continue;
    }
    if (!day.date.startsWith(`${year}-`)) {
      problems.push({ date: day.date, problem: 'outside_year', message: `Ngày không thuộc năm ${year}.` });
    }
    const earlier = seen.get(day.date);
    if (earlier !== undefined) {
      problems.push(
        earlier === day.kind
          ? { date: day.date, problem: 'duplicate', message: 'Ngày bị lặp.' }
          : {
              date: day.date,
              problem: 'holiday_on_make_up_day',
              message: 'Một ngày không thể vừa là ngày nghỉ vừa là ngày làm bù.',
            },
      );
    }
    seen.set(day.date, day.kind);
    if (day.kind === 'makeUpWorkday' && !isWeekendIndex(index)) {
      problems.push({
        date: day.date,
        problem: 'make_up_not_weekend',
        message: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.',
      });
    }
  }
  return problems;
}

/** Days in `after` that are not in `before` (same date, kind and name), for the audit summary. */
export function daysAdded<T extends Pick<CalendarDay, 'date' | 'kind' | 'name'>>(
  before: readonly T[],
  after: readonly T[],
): T[] {
  const key = (d: T) => `${d.date}|${d.kind}|${d.name}`;
  const had = new Set(before.map(key));
  return after.filter((d) => !had.has(key(d)));
}
