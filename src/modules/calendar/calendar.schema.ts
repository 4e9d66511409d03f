import { z } from 'zod';
import { IsoDate } from '../../kernel/schemas.js';
import { CALENDAR_DAY_KINDS, CALENDAR_SOURCES } from './calendar.tables.js';

/** ISO-8601 date-time with seconds optional and an explicit offset (Z or ±HH:MM). */
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const OFFSET_MESSAGE = 'Thời điểm phải theo ISO-8601 và ghi rõ múi giờ, ví dụ 2026-02-13T16:00:00+07:00.';

/**
 * An instant from the query string. An offset is required: "16:00" alone could be Vietnam time or
 * the server's. A "+" written unencoded in a URL arrives as a space; it is put back.
 */
export const InstantQuery = z
  .string()
  .transform((v) => v.replace(/ (\d{2}:\d{2})$/, '+$1'))
  .refine((v) => DATE_TIME_WITH_OFFSET.test(v) && !Number.isNaN(Date.parse(v)), OFFSET_MESSAGE)
  .transform((v) => new Date(v))
  .meta({ description: 'ISO-8601 with offset, e.g. 2026-02-13T16:00:00+07:00', example: '2026-02-13T16:00:00+07:00' });

export const DueQuery = z
  .object({
    from: InstantQuery,
    workingDays: z.coerce
      .number()
      .min(0)
      .max(3650)
      .multipleOf(0.5, 'Số ngày làm việc phải là bội số của 0,5.')
      .optional()
      .describe('Working days, in steps of 0.5'),
    workingHours: z.coerce.number().min(0).max(30000).optional().describe('Working hours (inside office hours only)'),
  })
  .refine((q) => (q.workingDays === undefined) !== (q.workingHours === undefined), {
    message: 'Cần đúng một trong hai tham số workingDays hoặc workingHours.',
    path: ['workingDays'],
  });

export const DueReply = z
  .object({ due: z.string().describe('ISO-8601 in Vietnam time, e.g. 2026-02-23T16:00:00+07:00') })
  .meta({ id: 'CalendarDue' });

export const BetweenQuery = z.object({ from: InstantQuery, to: InstantQuery });
export const BetweenReply = z
  .object({
    minutes: z.number().describe('Working minutes inside office hours between from and to (negative if to < from)'),
    workingDays: z.number().describe('minutes / working minutes per day'),
  })
  .meta({ id: 'CalendarBetween' });

export const YearParams = z.object({ year: z.coerce.number().int().describe('1900–2100') });

export const CalendarDaySchema = z
  .object({
    date: IsoDate,
    kind: z.enum(CALENDAR_DAY_KINDS).describe('holiday = ngày nghỉ; makeUpWorkday = ngày làm bù'),
    name: z.string(),
    source: z.enum(CALENDAR_SOURCES).describe('official = công bố; proposed = đề xuất theo quy tắc'),
  })
  .meta({ id: 'CalendarDay' });

export const CalendarYearReply = z
  .object({ year: z.number().int(), days: z.array(CalendarDaySchema).describe('Sorted by date') })
  .meta({ id: 'CalendarYear' });

export const PutCalendarYearBody = z.object({
  days: z
    .array(
      z.object({
        date: IsoDate,
        kind: z.enum(CALENDAR_DAY_KINDS),
        name: z.string().trim().min(1).max(200),
        source: z.enum(CALENDAR_SOURCES).optional().describe('Default official'),
      }),
    )
    .max(366),
});
