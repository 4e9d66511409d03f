import { AppError } from '../../kernel/errors.js';
import { requireActor } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { authorize } from '../access/policy.js';
import { addWorkingTime, workingTimeBetween } from './calendar.rules.js';
import {
  BetweenQuery,
  BetweenReply,
  CalendarYearReply,
  DueQuery,
  DueReply,
  PutCalendarYearBody,
  YearParams,
} from './calendar.schema.js';
import { getCalendarYear, loadWorkingCalendar, putCalendarYear } from './calendar.service.js';
import { LUNAR_MAX_YEAR } from './lunar.js';
import { formatVietnamTime, vietnamDateOf, yearOf } from './dates.js';

const tags = ['Lịch làm việc (calendar)'];

/** Years a computation of `workingDays` from `year` can reach (~250 working days a year; generous). */
function yearsReached(year: number, workingDays: number): { from: number; to: number } {
  return { from: year, to: Math.min(year + Math.ceil(workingDays / 200), LUNAR_MAX_YEAR) };
}

/** Past the end of the supported range (2100) the answer is "out of range", not a server fault. */
function beyondRange<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof AppError && err.code === 'CALENDAR_YEAR_NOT_LOADED')
      throw new AppError('CALENDAR_YEAR_OUT_OF_RANGE', err.details);
    throw err;
  }
}

export function calendarRoutes(app: App, { db, env }: Deps): void {
  app.get(
    '/api/calendar/due',
    {
      config: { access: { public: 'the working-day calendar is public' } },
      schema: {
        tags,
        summary: 'Hạn xử lý: the deadline N working days or hours after a moment (public)',
        querystring: DueQuery,
        response: { 200: DueReply, ...errorResponses(400, 422) },
      },
    },
    async (request) => {
      const { from, workingDays, workingHours } = request.query;
      const hoursPerDay = env.WORKING_PERIODS.reduce((sum, p) => sum + p.end - p.start, 0) / 60;
      const span = workingDays ?? workingHours! / hoursPerDay;
      const cal = await loadWorkingCalendar(db, env, yearsReached(yearOf(vietnamDateOf(from)), span));
      const due = beyondRange(() =>
        workingDays !== undefined
          ? addWorkingTime(cal, from, workingDays, 'workingDays')
          : addWorkingTime(cal, from, workingHours!, 'workingHours'),
      );
      return { due: formatVietnamTime(due) };
    },
  );

  app.get(
    '/api/calendar/between',
    {
      config: { access: { public: 'the working-day calendar is public' } },
      schema: {
        tags,
        summary: 'Working time between two moments (public)',
        querystring: BetweenQuery,
        response: { 200: BetweenReply, ...errorResponses(400, 422) },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const years = [yearOf(vietnamDateOf(from)), yearOf(vietnamDateOf(to))];
      const cal = await loadWorkingCalendar(db, env, { from: Math.min(...years), to: Math.max(...years) });
      return beyondRange(() => workingTimeBetween(cal, from, to));
    },
  );

  app.get(
    '/api/calendar/:year',
    {
      config: { access: { public: 'the working-day calendar is public' } },
      schema: {
        tags,
        summary: "A year's holidays and make-up working days (public)",
        params: YearParams,
        response: { 200: CalendarYearReply, ...errorResponses(400, 422) },
      },
    },
    async (request) => {
      const { year, days } = await getCalendarYear(db, request.params.year);
      return { year, days };
    },
  );

  app.put(
    '/api/calendar/:year',
    {
      config: { access: { action: 'calendar.manage', scope: 'anywhere' } },
      schema: {
        tags,
        summary: "Replace a year's holidays and make-up working days (system administrator; audited)",
        params: YearParams,
        body: PutCalendarYearBody,
        response: { 200: CalendarYearReply, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'calendar.manage');
      const { year, days } = await db.transaction((tx) =>
        putCalendarYear(tx, request.ctx, request.params.year, request.body.days),
      );
      return { year, days };
    },
  );
}
