/**
 * Deadline arithmetic, table-driven. Every expected value was worked out by hand from the
 * calendar (weekday facts checked against a printed calendar), never by running this code.
 * Default periods 07:30–11:30, 13:30–17:00 (7 h 30 = 450 working minutes; half a day = 3 h 45).
 *
 * Reference weeks used below:
 *   Mar 2025: Mon 3 … Fri 7, Sat 8, Sun 9, Mon 10, Tue 11 (no holidays).
 *   Tết 2025: 1/1 Wed off; Sat 25/1 – Sun 2/2 off (holidays Mon 27 – Fri 31 Jan).
 *   Apr–May 2025: Mon 7/4 Hùng Kings; Sat 26/4 worked (make-up); Wed 30/4, Thu 1/5, Fri 2/5 off.
 *   Sep 2025: Mon 1/9, Tue 2/9 off.
 *   Jan 2026: Thu 1/1, Fri 2/1 off; Sat 10/1 worked (make-up).
 *   Tết 2026: Sat 14/2 – Sun 22/2 off (holidays Mon 16 – Fri 20 Feb).
 *   Apr–May 2026: Sun 26/4 Hùng Kings → Mon 27/4 off; Thu 30/4, Fri 1/5 off.
 *   Aug–Sep 2026: Sat 22/8 worked (make-up); Mon 31/8, Tue 1/9, Wed 2/9 off.
 *   1/1/2027 (Fri) off (added by hand for the year-end cases).
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/errors.js';
import {
  type WorkingTimeUnit,
  addWorkingDaysToDate,
  addWorkingTime,
  buildWorkingCalendar,
  isWorkingDay,
  onWorkingDay,
  workingDaysBetweenDates,
  workingTimeBetween,
} from './calendar.rules.js';
import { OFFICIAL_SCHEDULES } from './official-schedules.js';
import { type WorkingPeriod, parseWorkingPeriods } from '../../kernel/working-periods.js';

const periodsOf = (text: string): WorkingPeriod[] => {
  const parsed = parseWorkingPeriods(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.periods;
};

const PERIODS = periodsOf('07:30-11:30,13:30-17:00');
const cal = buildWorkingCalendar(PERIODS, [
  ...OFFICIAL_SCHEDULES[2025]!,
  ...OFFICIAL_SCHEDULES[2026]!,
  { date: '2027-01-01', kind: 'holiday' },
]);

/** Vietnam wall-clock time "YYYY-MM-DDTHH:MM" → the instant. */
const vn = (local: string) => new Date(`${local}:00+07:00`);

type Case = [start: string, amount: number, unit: WorkingTimeUnit, expected: string, why: string];

const addCases: Case[] = [
  // Ordinary weeks and weekends
  ['2025-03-03T09:00', 1, 'workingDays', '2025-03-04T09:00', 'Mon → Tue, same clock time'],
  ['2025-03-07T09:00', 1, 'workingDays', '2025-03-10T09:00', 'Fri → Mon over the weekend'],
  ['2025-03-07T16:59', 1, 'workingDays', '2025-03-10T16:59', 'last minute of Friday'],
  ['2025-03-03T09:00', 5, 'workingDays', '2025-03-10T09:00', 'a whole week'],
  ['2025-03-03T09:00', 0, 'workingDays', '2025-03-03T09:00', 'zero inside working time'],
  ['2025-03-03T07:30', 1, 'workingDays', '2025-03-04T07:30', 'start exactly at 07:30 is inside'],
  ['2025-03-03T13:30', 2, 'workingDays', '2025-03-05T13:30', 'afternoon start'],
  // Starts outside working time
  ['2025-03-08T10:00', 1, 'workingDays', '2025-03-11T07:30', 'Saturday → Mon 07:30, +1 → Tue 07:30'],
  ['2025-03-09T10:00', 0, 'workingDays', '2025-03-10T07:30', 'Sunday, zero → Monday 07:30'],
  ['2025-03-03T06:00', 1, 'workingDays', '2025-03-04T07:30', 'before 07:30 → 07:30'],
  ['2025-03-03T12:00', 1, 'workingDays', '2025-03-04T13:30', 'at lunch → 13:30'],
  ['2025-03-03T11:30', 1, 'workingDays', '2025-03-04T13:30', 'exactly at a period end (11:30) → 13:30'],
  ['2025-03-03T17:00', 1, 'workingDays', '2025-03-05T07:30', 'exactly 17:00 → Tue 07:30, +1 → Wed 07:30'],
  ['2025-03-07T17:30', 1, 'workingDays', '2025-03-11T07:30', 'Friday evening → Mon 07:30, +1 → Tue'],
  ['2025-03-03T23:59', 0, 'workingDays', '2025-03-04T07:30', 'late night, zero → next morning'],
  // Half days (225 working minutes)
  ['2025-03-03T07:30', 0.5, 'workingDays', '2025-03-03T11:15', 'half a day from 07:30 = 3 h 45 → 11:15'],
  ['2025-03-03T13:30', 0.5, 'workingDays', '2025-03-04T07:45', '13:30 + 210 min to 17:00, 15 min next morning'],
  ['2025-03-03T09:00', 0.5, 'workingDays', '2025-03-03T14:45', '150 min before lunch, 75 after'],
  ['2025-03-03T09:00', 1.5, 'workingDays', '2025-03-04T14:45', 'one day, then half'],
  ['2025-03-07T15:00', 0.5, 'workingDays', '2025-03-10T09:15', 'Friday 120 min, Monday 105 min'],
  ['2025-03-03T10:00', 0.5, 'workingDays', '2025-03-03T15:45', '90 min before lunch, 135 after'],
  ['2025-03-03T12:00', 0.5, 'workingDays', '2025-03-04T07:45', 'lunch start → 13:30, then as above'],
  // Working hours across lunch and nights
  ['2025-03-03T10:30', 1, 'workingHours', '2025-03-03T11:30', 'ends exactly at 11:30: stays there'],
  ['2025-03-03T11:00', 1, 'workingHours', '2025-03-03T14:00', '30 min + lunch + 30 min'],
  ['2025-03-03T16:00', 2, 'workingHours', '2025-03-04T08:30', 'across the night'],
  ['2025-03-03T07:30', 4, 'workingHours', '2025-03-03T11:30', 'the whole morning'],
  ['2025-03-03T07:30', 7.5, 'workingHours', '2025-03-03T17:00', 'the whole day ends at 17:00'],
  ['2025-03-03T07:30', 8, 'workingHours', '2025-03-04T08:00', 'a day and half an hour'],
  ['2025-03-07T16:30', 1, 'workingHours', '2025-03-10T08:00', 'Friday → Monday'],
  ['2025-03-03T12:15', 0.25, 'workingHours', '2025-03-03T13:45', 'lunch start → 13:30 + 15 min'],
  ['2025-03-03T18:00', 0, 'workingHours', '2025-03-04T07:30', 'evening, zero → next morning'],
  ['2025-03-03T09:00', 16, 'workingHours', '2025-03-05T10:00', '6 h Mon + 7.5 h Tue + 2.5 h Wed'],
  ['2025-03-03T07:30', 0.5, 'workingHours', '2025-03-03T08:00', 'half an hour'],
  // Calendar days: same clock time, no normalisation
  ['2025-03-03T09:00', 1, 'days', '2025-03-04T09:00', 'one calendar day'],
  ['2025-03-07T09:00', 3, 'days', '2025-03-10T09:00', 'weekend counted'],
  ['2025-03-08T22:00', 2, 'days', '2025-03-10T22:00', 'Saturday night start kept'],
  ['2026-02-13T16:00', 10, 'days', '2026-02-23T16:00', 'Tết counted'],
  // Tết 2025 and New Year 2025
  ['2025-01-24T10:00', 1, 'workingDays', '2025-02-03T10:00', 'Fri before Tết → Mon after'],
  ['2025-01-28T09:00', 0, 'workingDays', '2025-02-03T07:30', 'on a Tết holiday, zero → first morning after'],
  ['2025-01-28T09:00', 1, 'workingDays', '2025-02-04T07:30', 'on a Tết holiday, +1'],
  ['2025-01-23T14:00', 2, 'workingDays', '2025-02-03T14:00', 'Thu → Fri → (Tết) → Mon'],
  ['2025-01-24T16:00', 2, 'workingHours', '2025-02-03T08:30', 'hours across Tết'],
  ['2024-12-31T16:00', 1, 'workingDays', '2025-01-02T16:00', 'over New Year 2025 (Wed 1/1 off)'],
  ['2024-12-31T15:00', 0.5, 'workingDays', '2025-01-02T09:15', 'half a day over New Year: 120 + 105 min'],
  // Hùng Kings 2025, 30/4–1/5 2025 with the make-up Saturday 26/4, Quốc khánh 2025
  ['2025-04-04T09:00', 1, 'workingDays', '2025-04-08T09:00', 'Fri → (Mon 7/4 Hùng Kings) → Tue'],
  ['2025-04-25T10:00', 1, 'workingDays', '2025-04-26T10:00', 'make-up Saturday 26/4 is a working day'],
  ['2025-04-26T10:00', 0, 'workingDays', '2025-04-26T10:00', 'inside working time on the make-up Saturday'],
  ['2025-04-26T10:00', 1, 'workingDays', '2025-04-28T10:00', 'make-up Saturday → Monday'],
  ['2025-04-29T10:00', 1, 'workingDays', '2025-05-05T10:00', 'Tue → (30/4, 1/5, 2/5, weekend) → Mon 5/5'],
  ['2025-04-25T16:00', 2, 'workingHours', '2025-04-26T08:30', 'hours into the make-up Saturday'],
  ['2025-04-26T16:30', 1, 'workingHours', '2025-04-28T08:00', 'hours from the make-up Saturday to Monday'],
  ['2025-08-29T10:00', 1, 'workingDays', '2025-09-03T10:00', 'Fri → (weekend, 1/9, 2/9) → Wed'],
  // New Year 2026 (Fri 2/1 swapped with Sat 10/1)
  ['2025-12-31T10:00', 1, 'workingDays', '2026-01-05T10:00', 'Wed 31/12 → (1/1, 2/1, weekend) → Mon 5/1'],
  ['2026-01-09T10:00', 1, 'workingDays', '2026-01-10T10:00', 'Fri → make-up Sat 10/1'],
  ['2026-01-09T10:00', 2, 'workingDays', '2026-01-12T10:00', 'Fri → Sat 10/1 → Mon 12/1'],
  ['2026-01-10T17:00', 0, 'workingDays', '2026-01-12T07:30', 'end of the make-up Saturday → Monday morning'],
  ['2025-12-30T10:00', 10, 'workingDays', '2026-01-14T10:00', 'ten working days over New Year'],
  ['2025-12-31T16:00', 1, 'workingHours', '2025-12-31T17:00', 'ends exactly at 17:00 on 31/12'],
  // Tết 2026
  ['2026-02-13T16:00', 1, 'workingDays', '2026-02-23T16:00', 'Fri 13/2 → (weekend, Tết, weekend) → Mon 23/2'],
  ['2026-02-13T16:00', 1, 'workingHours', '2026-02-13T17:00', 'one hour ends at 17:00 before Tết'],
  ['2026-02-13T16:00', 2, 'workingHours', '2026-02-23T08:30', 'two hours across Tết'],
  ['2026-02-17T10:00', 0, 'workingDays', '2026-02-23T07:30', 'on mùng 1, zero → Mon 23/2 07:30'],
  ['2026-02-17T10:00', 1, 'workingDays', '2026-02-24T07:30', 'on mùng 1, +1'],
  ['2026-02-12T09:00', 3, 'workingDays', '2026-02-24T09:00', 'Thu → Fri 13, Mon 23, Tue 24'],
  ['2026-02-13T15:00', 0.5, 'workingDays', '2026-02-23T09:15', 'half a day across Tết: 120 + 105 min'],
  ['2026-02-12T13:30', 15, 'workingHours', '2026-02-23T11:30', '3.5 h Thu + 7.5 h Fri + 4 h Mon, ends at 11:30'],
  // Hùng Kings 2026 on Sunday 26/4 → Monday 27/4 off; 30/4–1/5
  ['2026-04-24T10:00', 1, 'workingDays', '2026-04-28T10:00', 'Fri → (weekend, Mon 27/4 nghỉ bù) → Tue'],
  ['2026-04-27T08:00', 0, 'workingDays', '2026-04-28T07:30', 'on the compensatory Monday, zero → Tue'],
  ['2026-04-24T10:00', 3, 'workingDays', '2026-05-04T10:00', 'Tue 28, Wed 29, (30/4, 1/5, weekend), Mon 4/5'],
  ['2026-04-29T16:00', 4, 'workingHours', '2026-05-04T10:30', '1 h Wed, then 3 h on Mon 4/5'],
  // Quốc khánh 2026 (Sat 22/8 make-up; Mon 31/8 – Wed 2/9 off)
  ['2026-08-21T10:00', 1, 'workingDays', '2026-08-22T10:00', 'Fri → make-up Sat 22/8'],
  ['2026-08-28T10:00', 1, 'workingDays', '2026-09-03T10:00', 'Fri → (weekend, 31/8, 1/9, 2/9) → Thu 3/9'],
  ['2026-08-29T10:00', 0, 'workingDays', '2026-09-03T07:30', 'ordinary Saturday before the break, zero → Thu 3/9'],
  // Year end 2026 → 2027 (Fri 1/1/2027 off)
  ['2026-12-31T16:00', 1, 'workingDays', '2027-01-04T16:00', 'Thu 31/12 → (1/1, weekend) → Mon 4/1/2027'],
  ['2026-12-31T16:30', 1, 'workingHours', '2027-01-04T08:00', '30 min on 31/12, 30 min on 4/1/2027'],
];

describe('addWorkingTime', () => {
  it.each(addCases)('%s + %s %s → %s (%s)', (start, amount, unit, expected) => {
    expect(addWorkingTime(cal, vn(start), amount, unit).toISOString()).toBe(vn(expected).toISOString());
  });

  it('takes the start instant whatever its offset (09:00Z = 16:00 in Vietnam)', () => {
    const due = addWorkingTime(cal, new Date('2026-02-13T09:00:00Z'), 1, 'workingDays');
    expect(due.toISOString()).toBe('2026-02-23T09:00:00.000Z');
  });

  it('with a single period 08:00–12:00 half a day is 2 hours', () => {
    const morning = buildWorkingCalendar(periodsOf('08:00-12:00'), []);
    expect(addWorkingTime(morning, vn('2025-03-03T10:00'), 0.5, 'workingDays').toISOString()).toBe(
      vn('2025-03-03T12:00').toISOString(),
    );
    expect(addWorkingTime(morning, vn('2025-03-03T10:00'), 1, 'workingDays').toISOString()).toBe(
      vn('2025-03-04T10:00').toISOString(),
    );
    expect(addWorkingTime(morning, vn('2025-03-03T13:00'), 0, 'workingDays').toISOString()).toBe(
      vn('2025-03-04T08:00').toISOString(),
    );
  });

  it.each([
    [-1, 'workingDays'],
    [0.3, 'workingDays'],
    [Number.NaN, 'workingHours'],
    [Number.POSITIVE_INFINITY, 'workingHours'],
    [1.5, 'days'],
    [-2, 'days'],
  ] as [number, WorkingTimeUnit][])('refuses %s %s with CALENDAR_AMOUNT_INVALID', (amount, unit) => {
    expect(() => addWorkingTime(cal, vn('2025-03-03T09:00'), amount, unit)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_AMOUNT_INVALID' }) as unknown as Error,
    );
  });

  it('refuses to compute beyond the loaded years rather than miss a holiday', () => {
    const only2026 = buildWorkingCalendar(PERIODS, OFFICIAL_SCHEDULES[2026]!, { from: 2026, to: 2026 });
    expect(addWorkingTime(only2026, vn('2026-12-30T10:00'), 1, 'workingDays').toISOString()).toBe(
      vn('2026-12-31T10:00').toISOString(),
    );
    const err = (() => {
      try {
        addWorkingTime(only2026, vn('2026-12-31T16:00'), 1, 'workingDays');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CALENDAR_YEAR_NOT_LOADED');
  });
});

type BetweenCase = [a: string, b: string, minutes: number, workingDays: number, why: string];
const betweenCases: BetweenCase[] = [
  ['2025-03-03T07:30', '2025-03-03T17:00', 450, 1, 'a whole day'],
  ['2025-03-03T11:00', '2025-03-03T13:45', 45, 0.1, 'lunch does not count'],
  ['2025-03-07T16:00', '2025-03-10T08:30', 120, 120 / 450, 'the weekend does not count'],
  ['2026-02-13T16:00', '2026-02-23T16:00', 450, 1, 'Tết does not count'],
  ['2026-02-23T16:00', '2026-02-13T16:00', -450, -1, 'b before a: negative'],
  ['2025-03-03T09:00', '2025-03-03T09:00', 0, 0, 'same instant'],
  ['2025-03-08T00:00', '2025-03-09T23:59', 0, 0, 'a weekend'],
  ['2025-04-26T00:00', '2025-04-27T00:00', 450, 1, 'the make-up Saturday counts'],
  ['2025-03-03T12:00', '2025-03-03T13:00', 0, 0, 'inside lunch'],
  ['2025-03-03T09:00', '2025-03-04T09:00', 450, 1, 'same clock time next day'],
  ['2025-12-31T07:30', '2026-01-06T07:30', 900, 2, '31/12 and 5/1 across New Year'],
];

describe('workingTimeBetween', () => {
  it.each(betweenCases)('%s → %s = %s min (%s)', (a, b, minutes, workingDays) => {
    const r = workingTimeBetween(cal, vn(a), vn(b));
    expect(r.minutes).toBe(minutes);
    expect(r.workingDays).toBeCloseTo(workingDays, 10);
  });
});

describe('addWorkingDaysToDate', () => {
  it.each([
    ['2026-02-13', 1, '2026-02-23', 'across Tết 2026'],
    ['2026-02-13', 0, '2026-02-13', 'zero'],
    ['2026-02-14', 0, '2026-02-14', 'zero keeps even a rest day'],
    ['2025-04-25', 1, '2025-04-26', 'make-up Saturday'],
    ['2025-04-25', 2, '2025-04-28', 'after the make-up Saturday'],
    ['2026-04-24', 1, '2026-04-28', 'Hùng Kings moved to Monday 27/4'],
    ['2025-12-31', 1, '2026-01-05', 'over New Year 2026'],
    ['2026-08-28', 5, '2026-09-09', 'Thu 3, Fri 4, Mon 7, Tue 8, Wed 9 Sep'],
    ['2026-02-15', 1, '2026-02-23', 'from a Sunday'],
  ] as [string, number, string, string][])('%s + %s → %s (%s)', (date, n, expected) => {
    expect(addWorkingDaysToDate(cal, date, n)).toBe(expected);
  });

  it('refuses fractions and negatives', () => {
    expect(() => addWorkingDaysToDate(cal, '2026-02-13', 1.5)).toThrow(AppError);
    expect(() => addWorkingDaysToDate(cal, '2026-02-13', -1)).toThrow(AppError);
  });
});

describe('workingDaysBetweenDates (from < d ≤ to)', () => {
  it.each([
    ['2026-02-13', '2026-02-23', 1, 'across Tết'],
    ['2026-02-23', '2026-02-13', -1, 'reversed'],
    ['2026-02-13', '2026-02-13', 0, 'same day'],
    ['2026-02-13', '2026-02-22', 0, 'all of Tết and both weekends'],
    ['2025-04-25', '2025-05-05', 4, 'Sat 26/4, Mon 28, Tue 29, Mon 5/5'],
    ['2025-12-31', '2026-01-12', 7, '5–9 Jan, make-up Sat 10/1, Mon 12/1'],
    ['2026-04-01', '2026-04-30', 19, 'April 2026 without 27/4 and 30/4'],
    ['2025-03-01', '2025-03-31', 21, 'March 2025'],
    ['2026-03-03', '2026-03-10', 5, 'a decision five working days before'],
  ] as [string, string, number, string][])('%s → %s = %s (%s)', (from, to, expected) => {
    expect(workingDaysBetweenDates(cal, from, to)).toBe(expected);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-01-10', true, 'make-up Saturday'],
    ['2026-01-03', false, 'Saturday'],
    ['2026-04-26', false, 'Hùng Kings on Sunday'],
    ['2026-04-27', false, 'compensatory Monday'],
    ['2026-04-28', true, 'Tuesday'],
    ['2025-05-02', false, 'swapped Friday'],
    ['2025-04-26', true, 'make-up Saturday 2025'],
    ['2026-11-24', true, '24/11 is not (yet) a holiday'],
    ['2026-02-16', false, '29 tháng Chạp'],
    ['2025-01-01', false, 'New Year'],
  ] as [string, boolean, string][])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(cal, date)).toBe(expected);
  });
});

describe('onWorkingDay (Bộ luật Dân sự 2015 art. 148(5))', () => {
  it.each([
    ['2026-12-12T09:00', '2026-12-14T09:00', 'Saturday → Monday, same clock time'],
    ['2026-12-13T16:45', '2026-12-14T16:45', 'Sunday → Monday'],
    ['2026-02-18T10:00', '2026-02-23T10:00', 'Tết (mùng 2) → the first working day after'],
    ['2026-01-10T08:00', '2026-01-10T08:00', 'make-up Saturday is a working day: kept'],
    ['2026-12-17T14:15', '2026-12-17T14:15', 'a weekday: kept'],
  ])('%s → %s (%s)', (at, expected) => {
    expect(onWorkingDay(cal, vn(at)).toISOString()).toBe(vn(expected).toISOString());
  });
});

describe('parseWorkingPeriods', () => {
  it('parses the default and refuses nonsense', () => {
    expect(parseWorkingPeriods('07:30-11:30,13:30-17:00')).toEqual({
      periods: [
        { start: 450, end: 690 },
        { start: 810, end: 1020 },
      ],
    });
    expect(parseWorkingPeriods('08:00-24:00')).toEqual({ periods: [{ start: 480, end: 1440 }] });
    for (const bad of [
      '',
      '7:30-11:30',
      '11:30-07:30',
      '07:30-11:30,11:00-17:00',
      '07:30-11:30,11:30-17:00',
      '25:00-26:00',
    ]) {
      expect(parseWorkingPeriods(bad)).toHaveProperty('error');
    }
  });
});
