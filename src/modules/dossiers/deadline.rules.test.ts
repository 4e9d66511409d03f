import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../calendar/calendar.rules.js';
import {
  apologyDue,
  apologyReminderText,
  dossierOutcome,
  dossierTimeState,
  dueOutcome,
  dueSoonFrom,
  dueSoonWindowMinutes,
  timeState,
} from './deadline.rules.js';

// 2026-11-25 16:00 Vietnam time = 09:00 UTC.
const due = new Date('2026-11-25T09:00:00Z');
const at = (iso: string) => new Date(iso);

describe('dueOutcome', () => {
  it.each([
    ['the day before (Vietnam), late evening', '2026-11-24T16:59:59Z', 'early'],
    ['the due day from 00:00 Vietnam time', '2026-11-24T17:00:00Z', 'onTime'],
    ['the due instant itself', '2026-11-25T09:00:00Z', 'onTime'],
    ['one second after', '2026-11-25T09:00:01Z', 'late'],
  ])('%s → %s', (_what, finished, expected) => {
    expect(dueOutcome(at(finished), due)).toBe(expected);
  });
});

describe('dossierOutcome', () => {
  it('measures against the legal due time', () => {
    expect(dossierOutcome(at('2026-11-20T02:00:00Z'), due, 0)).toBe('early');
    expect(dossierOutcome(at('2026-11-26T02:00:00Z'), due, 1)).toBe('late');
  });
  it('counts a second supplement request as late whatever the dates', () => {
    expect(dossierOutcome(at('2026-11-20T02:00:00Z'), due, 2)).toBe('late');
  });
  it('has no outcome for a dossier never received', () => {
    expect(dossierOutcome(at('2026-11-20T02:00:00Z'), null, 0)).toBeNull();
  });
});

describe('timeState', () => {
  const now = at('2026-11-24T02:00:00Z');
  const dueSoonBy = at('2026-11-25T02:00:00Z');
  it.each([
    ['passed', '2026-11-24T01:59:59Z', 'overdue'],
    ['now', '2026-11-24T02:00:00Z', 'dueSoon'],
    ['at the due-soon limit', '2026-11-25T02:00:00Z', 'dueSoon'],
    ['after it', '2026-11-25T02:00:01Z', 'withinTime'],
  ])('%s → %s', (_what, dueAt, expected) => {
    expect(timeState(at(dueAt), now, dueSoonBy)).toBe(expected);
  });
});

describe('dueSoonWindowMinutes', () => {
  // One working day = 450 minutes (07:30–11:30, 13:30–17:00).
  it.each([
    ['4 working hours: the last 48 minutes', 240, 450, 48],
    ['2 working days: the last 180 minutes', 900, 450, 180],
    ['10 working days: capped at one working day', 4500, 450, 450],
    ['exactly 5 working days: 20 % equals the cap', 2250, 450, 450],
    ['nothing allotted', 0, 450, 0],
    ['cap 0 (warnings off)', 4500, 0, 0],
  ])('%s', (_what, allotted, cap, expected) => {
    expect(dueSoonWindowMinutes(allotted, cap)).toBe(expected);
  });
});

describe('dueSoonFrom', () => {
  const calendar = buildWorkingCalendar(
    [
      { start: 450, end: 690 },
      { start: 810, end: 1020 },
    ],
    [],
    { from: 2026, to: 2026 },
  );
  it.each([
    // Received Monday 23/11 08:00 Vietnam time (01:00 UTC).
    [
      '4 working hours from 08:00, due 14:00 → from 11:12 (48 working minutes, lunch skipped)',
      '2026-11-23T01:00:00Z',
      '2026-11-23T07:00:00Z',
      1,
      '2026-11-23T04:12:00Z',
    ],
    [
      '4 working hours received Friday 16:00, due Monday 10:30 → from Monday 09:42',
      '2026-11-27T09:00:00Z',
      '2026-11-30T03:30:00Z',
      1,
      '2026-11-30T02:42:00Z',
    ],
    [
      '10 working days → the last working day',
      '2026-11-23T01:00:00Z',
      '2026-12-07T01:00:00Z',
      1,
      '2026-12-04T01:00:00Z',
    ],
    ['cap 0 → at the appointment itself', '2026-11-23T01:00:00Z', '2026-12-07T01:00:00Z', 0, '2026-12-07T01:00:00Z'],
  ])('%s', (_what, start, dueAt, cap, expected) => {
    expect(dueSoonFrom(calendar, at(start), at(dueAt), cap).toISOString()).toBe(at(expected).toISOString());
  });
});

describe('dossierTimeState', () => {
  const appointmentAt = at('2026-11-23T07:00:00Z'); // Monday 14:00; due soon from 13:12 as stored (any instant will do here)
  const running = { appointmentAt, dueSoonFrom: at('2026-11-23T06:12:00Z'), pausedSince: null };
  it.each([
    ['just received (08:00)', running, '2026-11-23T01:00:00Z', 'withinTime'],
    ['one minute before the window', running, '2026-11-23T06:11:00Z', 'withinTime'],
    ['in the last 20 %', running, '2026-11-23T06:12:00Z', 'dueSoon'],
    ['at the appointment', running, '2026-11-23T07:00:00Z', 'dueSoon'],
    ['after it', running, '2026-11-23T07:00:01Z', 'overdue'],
    [
      'waiting for a supplement, in the window',
      { ...running, pausedSince: at('2026-11-23T06:00:00Z') },
      '2026-11-23T06:30:00Z',
      'withinTime',
    ],
    [
      'waiting, appointment passed',
      { ...running, pausedSince: at('2026-11-23T06:00:00Z') },
      '2026-11-23T07:30:00Z',
      'overdue',
    ],
  ])('%s → %s', (_what, facts, now, expected) => {
    expect(dossierTimeState(facts, at(now))).toBe(expected);
  });
});

describe('apologyDue', () => {
  const now = at('2026-11-24T02:00:00Z');
  const soon = at('2026-11-24T09:00:00Z');
  const base = {
    finished: false,
    pausedSince: null,
    appointmentAt: soon,
    dueSoonFrom: at('2026-11-23T09:00:00Z'),
    lastExtendedTo: null,
  };
  it('is due for a running dossier due soon or overdue without a letter', () => {
    expect(apologyDue(base, now)).toBe(true);
    expect(apologyDue({ ...base, appointmentAt: at('2026-11-20T09:00:00Z') }, now)).toBe(true);
  });
  it('is not due while there is time, when finished, or while the applicant is awaited', () => {
    expect(apologyDue({ ...base, dueSoonFrom: at('2026-11-24T08:00:00Z') }, now)).toBe(false);
    expect(apologyDue({ ...base, finished: true }, now)).toBe(false);
    expect(apologyDue({ ...base, pausedSince: at('2026-11-23T10:00:00Z') }, now)).toBe(false);
    expect(apologyDue({ ...base, appointmentAt: null }, now)).toBe(false);
  });
  it('is settled by a letter that set the current appointment, and due again when that one nears', () => {
    expect(apologyDue({ ...base, lastExtendedTo: soon }, now)).toBe(false);
    expect(apologyDue({ ...base, lastExtendedTo: at('2026-11-20T09:00:00Z') }, now)).toBe(true);
  });
});

describe('apologyReminderText', () => {
  const appointment = at('2026-11-24T09:00:00Z'); // 16:00 Vietnam time
  it('names the code and the appointment in Vietnam time, near or passed', () => {
    expect(apologyReminderText('000.00.10.H01-261124-0001', appointment, at('2026-11-24T02:00:00Z'))).toBe(
      'MotCua: hồ sơ 000.00.10.H01-261124-0001 sắp đến hạn hẹn trả (16:00 24/11/2026) và chưa có văn bản xin lỗi, hẹn lại ngày trả kết quả (mẫu 04).',
    );
    expect(apologyReminderText('X', appointment, at('2026-11-24T09:00:00Z'))).toContain('sắp đến hạn hẹn trả');
    expect(apologyReminderText('X', appointment, at('2026-11-24T09:00:01Z'))).toContain(
      'X đã quá hạn hẹn trả (16:00 24/11/2026)',
    );
  });
  it('crosses midnight in Vietnam time, not UTC', () => {
    expect(apologyReminderText('X', at('2026-12-31T17:30:00Z'), at('2026-12-30T00:00:00Z'))).toContain(
      '(00:30 01/01/2027)',
    );
  });
});
