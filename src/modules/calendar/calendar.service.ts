/**
 * The calendar's data: which days of a year are holidays or make-up working days, and the
 * WorkingCalendar every deadline is computed with.
 *
 * A year's days come from, in order: the database (an administrator saved the year), the shipped
 * official schedule (official-schedules.ts), or the rules' proposal (proposal.rules.ts).
 *
 * No cache of database rows: loading is one small indexed query, so a PUT is visible to the very
 * next request in every API process (staleness bound: none). Proposals are pure functions of the
 * year and are memoised per process.
 */
import { asc, between, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import type { Env } from '../../kernel/env.js';
import { AppError } from '../../kernel/errors.js';
import { forgetMemo, referenceMemo } from '../../kernel/request-memo.js';
import { recordChange } from '../audit/record-change.js';
import { type CalendarDay, type WorkingCalendar, buildWorkingCalendar } from './calendar.rules.js';
import { calendarDays, calendarYears } from './calendar.tables.js';
import { daysAdded, validateYearDays } from './days.rules.js';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from './lunar.js';
import { officialSchedule } from './official-schedules.js';
import { DEFAULT_PROPOSAL_OPTIONS, proposeYear } from './proposal.rules.js';

/** Where a year's days came from. */
export type CalendarYearOrigin = 'saved' | 'official' | 'proposed';

export interface CalendarYear {
  year: number;
  days: CalendarDay[];
  origin: CalendarYearOrigin;
}

export function assertCalendarYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new AppError('CALENDAR_YEAR_OUT_OF_RANGE', { year });
  }
}

const byDate = (a: CalendarDay, b: CalendarDay) => a.date.localeCompare(b.date);

const proposals = new Map<number, CalendarDay[]>();
function proposal(year: number): CalendarDay[] {
  let days = proposals.get(year);
  if (!days) {
    days = proposeYear(year, DEFAULT_PROPOSAL_OPTIONS);
    proposals.set(year, days);
  }
  return days;
}

/** The days of every year in [from, to] (both checked to be in range), in one query. */
async function resolveYears(db: Queryable, from: number, to: number): Promise<Map<number, CalendarYear>> {
  assertCalendarYear(from);
  assertCalendarYear(to);
  const rows = await db
    .select({
      year: calendarYears.year,
      date: calendarDays.date,
      kind: calendarDays.kind,
      name: calendarDays.name,
      source: calendarDays.source,
    })
    .from(calendarYears)
    .leftJoin(calendarDays, eq(calendarDays.year, calendarYears.year))
    .where(between(calendarYears.year, from, to))
    .orderBy(asc(calendarYears.year), asc(calendarDays.date));
  const result = new Map<number, CalendarYear>();
  for (const row of rows) {
    let entry = result.get(row.year);
    if (!entry) {
      entry = { year: row.year, days: [], origin: 'saved' };
      result.set(row.year, entry);
    }
    // A saved year with no days at all comes back as one row of nulls (left join).
    if (row.date !== null && row.kind !== null && row.name !== null && row.source !== null) {
      entry.days.push({ date: row.date, kind: row.kind, name: row.name, source: row.source });
    }
  }
  for (let year = from; year <= to; year += 1) {
    if (result.has(year)) continue;
    const official = officialSchedule(year);
    result.set(
      year,
      official
        ? { year, days: [...official].sort(byDate), origin: 'official' }
        : { year, days: [...proposal(year)], origin: 'proposed' },
    );
  }
  return result;
}

export async function getCalendarYear(db: Queryable, year: number): Promise<CalendarYear> {
  return (await resolveYears(db, year, year)).get(year)!;
}

/**
 * The working calendar for computations over `years` (inclusive). The year after `to` is loaded
 * too (when ≤ 2100), so a deadline that starts late in December can run into January; anything
 * further throws CALENDAR_YEAR_NOT_LOADED rather than ignore holidays — load wider.
 */
const CALENDAR_MEMO = 'calendar.working:';

export async function loadWorkingCalendar(
  db: Queryable,
  env: Env,
  years: { from: number; to: number },
): Promise<WorkingCalendar> {
  const from = Math.min(years.from, years.to);
  const to = Math.min(Math.max(years.from, years.to) + 1, LUNAR_MAX_YEAR);
  assertCalendarYear(from);
  assertCalendarYear(Math.max(years.from, years.to));
  // Once per request (an action and the answer after it judge deadlines on the same calendar), and
  // across requests until a calendar changes.
  return referenceMemo(db, `${CALENDAR_MEMO}${from}-${to}`, async () => {
    const resolved = await resolveYears(db, from, to);
    const days = [...resolved.values()].flatMap((y) => y.days);
    return buildWorkingCalendar(env.WORKING_PERIODS, days, { from, to });
  });
}

export interface CalendarDayInput {
  date: string;
  kind: CalendarDay['kind'];
  name: string;
  source?: CalendarDay['source'] | undefined;
}

/**
 * Replaces a year's days (administrator). The list is validated whole; the audit record lists
 * the days added and removed relative to what the year showed before (saved, official or
 * proposed), and an outbox event carries the new list.
 */
export async function putCalendarYear(
  tx: Tx,
  ctx: RequestContext,
  year: number,
  input: readonly CalendarDayInput[],
): Promise<CalendarYear> {
  assertCalendarYear(year);
  const problems = validateYearDays(year, input);
  if (problems.length > 0) throw new AppError('CALENDAR_DAYS_INVALID', { problems });
  // Days an administrator saves default to "official": they come from an announcement.
  const days: CalendarDay[] = input
    .map((d) => ({ date: d.date, kind: d.kind, name: d.name, source: d.source ?? 'official' }))
    .sort(byDate);
  const before = await getCalendarYear(tx, year);

  const now = new Date();
  const updatedBy = ctx.actor?.userId ?? null;
  await tx
    .insert(calendarYears)
    .values({ year, updatedAt: now, updatedBy })
    .onConflictDoUpdate({ target: calendarYears.year, set: { updatedAt: now, updatedBy } });
  await tx.delete(calendarDays).where(eq(calendarDays.year, year));
  if (days.length > 0) await tx.insert(calendarDays).values(days.map((d) => ({ ...d, year })));
  forgetMemo(CALENDAR_MEMO);

  await recordChange(tx, ctx, {
    action: 'calendar.update',
    targetType: 'calendar_year',
    targetId: String(year),
    before: { origin: before.origin, removed: daysAdded(days, before.days) },
    after: { origin: 'saved', added: daysAdded(before.days, days) },
    event: { year, days },
  });
  return { year, days, origin: 'saved' };
}
