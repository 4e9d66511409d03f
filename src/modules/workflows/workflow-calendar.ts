/** The workflows module's view of the calendar: the working-day length and day counters. */
import type { Queryable } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import { workingDaysBetweenDates } from '../calendar/calendar.rules.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { calendarDaysBetween, type DayKind, type DaysBetween } from './compliance.rules.js';

/** Working minutes of one working day from the configured periods (450 for 07:30–11:30, 13:30–17:00). */
export function minutesPerWorkingDay(env: Env): number {
  return env.WORKING_PERIODS.reduce((sum, p) => sum + (p.end - p.start), 0);
}

/**
 * A day counter of the given kind covering `dates`. Working days load the calendar for the
 * years involved plus the next (a deadline late in December falls in January).
 */
export async function dayCounter(db: Queryable, env: Env, kind: DayKind, dates: string[]): Promise<DaysBetween> {
  if (kind === 'calendar' || dates.length === 0) return calendarDaysBetween;
  const years = dates.map((d) => Number(d.slice(0, 4)));
  const calendar = await loadWorkingCalendar(db, env, { from: Math.min(...years), to: Math.max(...years) + 1 });
  return (from, to) => workingDaysBetweenDates(calendar, from, to);
}
