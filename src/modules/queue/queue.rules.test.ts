import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar, isWorkingDay } from '../calendar/calendar.rules.js';
import { parseWorkingPeriods } from '../../kernel/working-periods.js';
import {
  averageMinutes,
  bookingQrText,
  callerPhone,
  cancelProblem,
  checkInProblem,
  compareTickets,
  counterTransition,
  COUNTER_ACTIONS,
  dueForReminder,
  isNoShow,
  minutesBetween,
  newBookingCode,
  nextInQueue,
  orderQueue,
  parseBookingCode,
  planSlots,
  priorityRank,
  type QueuedTicket,
  skippedDays,
  type TemplateEntry,
  templateProblems,
  ticketLabel,
  TICKET_STATUSES,
} from './queue.rules.js';

const periods = (parseWorkingPeriods('07:30-11:30,13:30-17:00') as { periods: { start: number; end: number }[] })
  .periods;
const fields = new Set(['hotich', 'chungthuc']);
const entry = (over: Partial<TemplateEntry> = {}): TemplateEntry => ({
  fieldCode: 'hotich',
  weekdays: [1, 2, 3, 4, 5],
  start: '08:00',
  end: '09:00',
  minutes: 30,
  capacity: 10,
  ...over,
});
const at = (iso: string) => new Date(iso);

describe('templateProblems', () => {
  it('accepts slots inside one working period', () => {
    expect(
      templateProblems(
        [entry(), entry({ start: '13:30', end: '17:00', minutes: 30 }), entry({ fieldCode: 'chungthuc' })],
        periods,
        fields,
      ),
    ).toEqual([]);
  });
  it.each([
    [{ start: '07:00', end: '08:00' }, 'OUTSIDE_WORKING_HOURS'],
    [{ start: '11:00', end: '14:00', minutes: 30 }, 'OUTSIDE_WORKING_HOURS'],
    [{ start: '17:00', end: '17:30' }, 'OUTSIDE_WORKING_HOURS'],
    [{ start: '09:00', end: '08:00' }, 'TIME_INVALID'],
    [{ start: '8:00' }, 'TIME_INVALID'],
    [{ minutes: 25 }, 'SLOT_LENGTH_INVALID'],
    [{ minutes: 4, end: '08:04', start: '08:00' }, 'SLOT_LENGTH_INVALID'],
    [{ capacity: 0 }, 'CAPACITY_INVALID'],
    [{ capacity: 501 }, 'CAPACITY_INVALID'],
    [{ weekdays: [] }, 'WEEKDAYS_INVALID'],
    [{ weekdays: [0] }, 'WEEKDAYS_INVALID'],
    [{ weekdays: [8] }, 'WEEKDAYS_INVALID'],
    [{ fieldCode: 'datdai' }, 'UNKNOWN_FIELD'],
  ] as [Partial<TemplateEntry>, string][])('%j → %s', (over, code) => {
    expect(templateProblems([entry(over)], periods, fields).map((p) => p.code)).toContain(code);
  });
  it('refuses overlapping lines of one field on one weekday, not of another field or day', () => {
    expect(
      templateProblems([entry(), entry({ start: '08:30', end: '10:30' })], periods, fields).map((p) => p.code),
    ).toEqual(['OVERLAP']);
    expect(templateProblems([entry(), entry({ start: '09:00', end: '10:00' })], periods, fields)).toEqual([]);
    expect(templateProblems([entry(), entry({ fieldCode: 'chungthuc' })], periods, fields)).toEqual([]);
    expect(templateProblems([entry({ weekdays: [1] }), entry({ weekdays: [2] })], periods, fields)).toEqual([]);
  });
});

describe('planSlots', () => {
  // 30/4 a holiday, Saturday 9/5 a make-up working day (as the calendar module would say).
  const cal = buildWorkingCalendar(periods, [
    { date: '2026-04-30', kind: 'holiday' },
    { date: '2026-05-09', kind: 'makeUpWorkday' },
  ]);
  const days = (dates: string[]) => dates.map((date) => ({ date, working: isWorkingDay(cal, date) }));

  it('cuts each line into slots, in Vietnam time, on working days only', () => {
    // Wed 29/4 worked, Thu 30/4 holiday, Sat 2/5 and Sun 3/5 weekend.
    const slots = planSlots([entry()], days(['2026-04-29', '2026-04-30', '2026-05-02', '2026-05-03']));
    expect(slots.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString(), s.capacity])).toEqual([
      ['2026-04-29T01:00:00.000Z', '2026-04-29T01:30:00.000Z', 10],
      ['2026-04-29T01:30:00.000Z', '2026-04-29T02:00:00.000Z', 10],
    ]);
  });
  it('honours weekdays; a make-up Saturday follows Monday', () => {
    const monOnly = entry({ weekdays: [1], minutes: 60 });
    const friOnly = entry({ weekdays: [5], minutes: 60, fieldCode: 'chungthuc' });
    const slots = planSlots([monOnly, friOnly], days(['2026-05-04', '2026-05-08', '2026-05-09']));
    expect(slots.map((s) => `${s.fieldCode}@${s.startsAt.toISOString()}`)).toEqual([
      'hotich@2026-05-04T01:00:00.000Z',
      'chungthuc@2026-05-08T01:00:00.000Z',
      'hotich@2026-05-09T01:00:00.000Z',
    ]);
  });
  it('a weekend line yields nothing on an ordinary weekend day (not worked)', () => {
    expect(planSlots([entry({ weekdays: [6, 7] })], days(['2026-05-02', '2026-05-03']))).toEqual([]);
  });
  it('names the days it skipped: a holiday by its name, else the weekend; worked days are not listed', () => {
    const holidays = [
      { date: '2026-04-30', kind: 'holiday', name: 'Ngày Giải phóng miền Nam' },
      { date: '2026-05-09', kind: 'makeUpWorkday', name: 'Làm bù' },
      { date: '2026-05-03', kind: 'holiday', name: 'Nghỉ bù' },
    ];
    expect(skippedDays(days(['2026-04-29', '2026-04-30', '2026-05-02', '2026-05-03', '2026-05-09']), holidays)).toEqual(
      [
        { date: '2026-04-30', reason: 'holiday', name: 'Ngày Giải phóng miền Nam' },
        { date: '2026-05-02', reason: 'weekend', name: null },
        { date: '2026-05-03', reason: 'holiday', name: 'Nghỉ bù' },
      ],
    );
  });
});

describe('callerPhone', () => {
  it('keeps the digits only, so one number written two ways is one caller', () => {
    expect(callerPhone('0912 345.678')).toBe('0912345678');
    expect(callerPhone('0912-345-678')).toBe(callerPhone('0912345678'));
    expect(callerPhone('+84 912 345 678')).toBe('84912345678');
  });
});

describe('queue priority', () => {
  const flags = [false, true];
  const kinds = flags.flatMap((booked) =>
    flags.flatMap((elderly) => flags.map((disabled) => ({ booked, elderly, disabled }))),
  );

  it('ranks elderly and disabled first, then appointments, then walk-ins — every combination', () => {
    for (const k of kinds) {
      const expected = k.elderly || k.disabled ? 0 : k.booked ? 1 : 2;
      expect(priorityRank(k), JSON.stringify(k)).toBe(expected);
    }
  });

  it('orders every pair of kinds and check-in orders consistently (rank, then time, then number)', () => {
    const base = at('2026-05-04T01:00:00Z').getTime();
    let n = 0;
    const tickets: QueuedTicket[] = kinds.flatMap((k) =>
      [0, 5, 5].map((min) => ({ ...k, number: ++n, checkedInAt: new Date(base + min * 60_000) })),
    );
    for (const a of tickets) {
      for (const b of tickets) {
        const c = compareTickets(a, b);
        const ra = priorityRank(a);
        const rb = priorityRank(b);
        const expected =
          ra !== rb
            ? ra - rb
            : a.checkedInAt.getTime() !== b.checkedInAt.getTime()
              ? a.checkedInAt.getTime() - b.checkedInAt.getTime()
              : a.number - b.number;
        expect(Math.sign(c), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(Math.sign(expected));
        expect(Math.sign(compareTickets(b, a)) || 0).toBe(-Math.sign(c) || 0);
      }
    }
    const ordered = orderQueue(tickets);
    expect(nextInQueue(tickets)).toBe(ordered[0]);
    expect(ordered.map(priorityRank)).toEqual([...ordered.map(priorityRank)].sort());
  });

  it('a later elderly walk-in goes before an earlier appointment, which goes before an earlier walk-in', () => {
    const walkIn = {
      number: 1,
      checkedInAt: at('2026-05-04T01:00:00Z'),
      booked: false,
      elderly: false,
      disabled: false,
    };
    const booked = {
      number: 2,
      checkedInAt: at('2026-05-04T01:05:00Z'),
      booked: true,
      elderly: false,
      disabled: false,
    };
    const elderly = {
      number: 3,
      checkedInAt: at('2026-05-04T01:10:00Z'),
      booked: false,
      elderly: true,
      disabled: false,
    };
    expect(orderQueue([walkIn, booked, elderly]).map((t) => t.number)).toEqual([3, 2, 1]);
    expect(nextInQueue([])).toBeNull();
  });
});

describe('counter actions', () => {
  it('act only on a called ticket', () => {
    for (const status of TICKET_STATUSES) {
      for (const action of COUNTER_ACTIONS) {
        const expected = status !== 'called' ? null : { recall: 'called', skip: 'skipped', finish: 'done' }[action];
        expect(counterTransition(status, action), `${status} ${action}`).toBe(expected);
      }
    }
  });
  it('labels tickets with three digits', () => {
    expect([ticketLabel(7), ticketLabel(42), ticketLabel(1234)]).toEqual(['007', '042', '1234']);
  });
});

describe('booking codes', () => {
  it('are LH- and eight unambiguous characters', () => {
    for (let i = 0; i < 200; i += 1) expect(newBookingCode()).toMatch(/^LH-[2-9A-HJKMNP-Z]{8}$/);
    expect(newBookingCode(() => 0)).toBe('LH-22222222');
  });
  it.each([
    ['LH-ABCD2345', 'LH-ABCD2345'],
    ['lh-abcd2345', 'LH-ABCD2345'],
    ['  abcd2345 ', 'LH-ABCD2345'],
    ['LHABCD2345', 'LH-ABCD2345'],
    [bookingQrText('LH-XYZW7890'.replace('0', '9')), 'LH-XYZW7899'],
    ['LH-ABCD1234', null], // 1 is not in the alphabet
    ['LH-ABC', null],
    ['', null],
  ])('parses %j', (text, code) => {
    expect(parseBookingCode(text)).toBe(code);
  });
});

describe('booking windows', () => {
  const slot = { startsAt: at('2026-05-04T01:00:00Z'), endsAt: at('2026-05-04T01:30:00Z') };
  it.each([
    ['booked', '2026-05-03T23:59:00Z', 'BOOKING_TOO_EARLY'],
    ['booked', '2026-05-04T00:00:00Z', null],
    ['booked', '2026-05-04T01:45:00Z', null],
    ['booked', '2026-05-04T01:45:01Z', 'BOOKING_EXPIRED'],
    ['cancelled', '2026-05-04T01:00:00Z', 'BOOKING_CANCELLED'],
    ['checkedIn', '2026-05-04T01:00:00Z', 'BOOKING_ALREADY_CHECKED_IN'],
    ['noShow', '2026-05-04T01:00:00Z', 'BOOKING_EXPIRED'],
  ] as const)('check-in of a %s booking at %s → %s (grace 15 min)', (status, now, problem) => {
    expect(checkInProblem(status, slot, at(now), 15)).toBe(problem);
  });
  it('cancels only a booked appointment before its slot starts', () => {
    expect(cancelProblem('booked', slot, at('2026-05-04T00:59:59Z'))).toBeNull();
    expect(cancelProblem('booked', slot, at('2026-05-04T01:00:00Z'))).toBe('BOOKING_NOT_CANCELLABLE');
    expect(cancelProblem('checkedIn', slot, at('2026-05-03T00:00:00Z'))).toBe('BOOKING_NOT_CANCELLABLE');
  });
  it('reminds once, within the lead time before the slot', () => {
    const b = { status: 'booked' as const, remindedAt: null };
    expect(dueForReminder(b, slot, at('2026-05-03T01:00:00Z'), 24)).toBe(true);
    expect(dueForReminder(b, slot, at('2026-05-03T00:59:59Z'), 24)).toBe(false);
    expect(dueForReminder(b, slot, at('2026-05-04T01:00:00Z'), 24)).toBe(false);
    expect(dueForReminder({ ...b, remindedAt: at('2026-05-03T02:00:00Z') }, slot, at('2026-05-03T03:00:00Z'), 24)).toBe(
      false,
    );
    expect(dueForReminder({ ...b, status: 'cancelled' }, slot, at('2026-05-03T03:00:00Z'), 24)).toBe(false);
  });
  it('records a no-show only after the slot end plus grace, and only for bookings never checked in', () => {
    expect(isNoShow('booked', slot, at('2026-05-04T01:45:00Z'), 15)).toBe(false);
    expect(isNoShow('booked', slot, at('2026-05-04T01:45:01Z'), 15)).toBe(true);
    expect(isNoShow('checkedIn', slot, at('2026-05-05T00:00:00Z'), 15)).toBe(false);
    expect(isNoShow('cancelled', slot, at('2026-05-05T00:00:00Z'), 15)).toBe(false);
  });
});

describe('times', () => {
  it('measures minutes and averages the known ones', () => {
    expect(minutesBetween(at('2026-05-04T01:00:00Z'), at('2026-05-04T01:12:30Z'))).toBe(12.5);
    expect(minutesBetween(at('2026-05-04T01:00:00Z'), null)).toBeNull();
    expect(averageMinutes(3 * 600 + 300, 3)).toBe(11.7);
    expect(averageMinutes(0, 0)).toBeNull();
  });
});
