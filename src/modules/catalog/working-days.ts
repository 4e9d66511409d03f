/** The catalog's view of the calendar: a working-day counter over the years some dates span. */
import type { Queryable } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import { workingDaysBetweenDates } from '../calendar/calendar.rules.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import type { WorkingDayCounter } from './decisions.query.js';

export function workingDayCounter(db: Queryable, env: Env): WorkingDayCounter {
  return async (dates) => {
    if (dates.length === 0) return () => 0;
    const years = dates.map((d) => Number(d.slice(0, 4)));
    const calendar = await loadWorkingCalendar(db, env, { from: Math.min(...years), to: Math.max(...years) });
    return (from, to) => workingDaysBetweenDates(calendar, from, to);
  };
}
