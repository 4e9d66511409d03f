import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.js';

export const CALENDAR_DAY_KINDS = ['holiday', 'makeUpWorkday'] as const; // ngày nghỉ lễ / ngày làm bù
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
export const CALENDAR_SOURCES = ['official', 'proposed'] as const; // đã công bố / đề xuất theo quy tắc
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

/**
 * A year whose calendar an administrator has saved. Once a year is here, its days come only from
 * `calendar_days` (an empty list is a valid, saved answer); otherwise they come from the shipped
 * official schedule or, failing that, from the rules' proposal.
 */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** The exceptions to "Monday–Friday work": holidays and announced make-up working days. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    year: integer('year')
      .notNull()
      .references(() => calendarYears.year, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').$type<CalendarDayKind>().notNull(),
    name: text('name').notNull(),
    source: text('source').$type<CalendarSource>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.date] }),
    check('calendar_days_kind_check', sql`${t.kind} in ('holiday', 'makeUpWorkday')`),
    check('calendar_days_source_check', sql`${t.source} in ('official', 'proposed')`),
    check('calendar_days_year_check', sql`extract(year from ${t.date}) = ${t.year}`),
  ],
);
