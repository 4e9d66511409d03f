import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../calendar/calendar.rules.js';
import { OFFICIAL_SCHEDULES } from '../calendar/official-schedules.js';
import { appointmentFor, componentProblems, countingStart } from './intake.rules.js';

const FORM = '00000000-0000-4000-8000-000000000001';
const ID_CARD = '00000000-0000-4000-8000-000000000002';
const required = [
  { id: FORM, name: 'Tờ khai', kind: 'original', mandatory: true },
  { id: ID_CARD, name: 'Căn cước (xuất trình)', kind: 'copy', mandatory: true },
] as Parameters<typeof componentProblems>[0];
const file = 'f0000000-0000-4000-8000-000000000001';

describe('componentProblems', () => {
  it.each([
    [
      'files for both',
      [
        { componentId: FORM, fileIds: [file] },
        { componentId: ID_CARD, fileIds: [file] },
      ],
      [],
    ],
    [
      'a paper checked against its original instead of a file',
      [
        { componentId: FORM, fileIds: [file] },
        { componentId: ID_CARD, fileIds: [], originalChecked: true },
      ],
      [],
    ],
    [
      'neither file nor check',
      [
        { componentId: FORM, fileIds: [file] },
        { componentId: ID_CARD, fileIds: [] },
      ],
      ['noFiles'],
    ],
    [
      'an original (to hand in) only shown',
      [
        { componentId: FORM, fileIds: [], originalChecked: true },
        { componentId: ID_CARD, fileIds: [file] },
      ],
      ['notCheckable'],
    ],
    ['a mandatory one left out', [{ componentId: FORM, fileIds: [file] }], ['missing']],
  ])('%s', (_what, provided, expected) => {
    expect(componentProblems(required, provided).map((p) => p.problem)).toEqual(expected);
  });
});

describe('appointmentFor: the time limit runs from the next working time (intake outside office hours)', () => {
  // 07:30–11:30, 13:30–17:00 Vietnam time; Tuesday 08/12/2026 declared a holiday for the table.
  const calendar = buildWorkingCalendar(
    [
      { start: 450, end: 690 },
      { start: 810, end: 1020 },
    ],
    [{ date: '2026-12-08', kind: 'holiday' }],
  );
  type Unit = Parameters<typeof appointmentFor>[2]['unit'];
  it.each<[string, string, number, Unit, string]>([
    // Monday 07/12/2026; instants in UTC (Vietnam = UTC+7).
    ['04:26 Monday, 10 days: from 07:30 that day', '2026-12-06T21:26:00Z', 10, 'days', '2026-12-17T00:30:00Z'],
    ['09:00 Monday, 10 days: from receipt', '2026-12-07T02:00:00Z', 10, 'days', '2026-12-17T02:00:00Z'],
    ['12:00 Monday (lunch), 10 days: from 13:30', '2026-12-07T05:00:00Z', 10, 'days', '2026-12-17T06:30:00Z'],
    [
      '17:00 Monday (closing), 10 days: from the next working day 07:30; Saturday 19/12 → Monday 21/12',
      '2026-12-07T10:00:00Z',
      10,
      'days',
      '2026-12-21T00:30:00Z',
    ],
    [
      '22:00 Monday, 10 days: Tuesday a holiday, from Wednesday 07:30; Saturday 19/12 → Monday 21/12',
      '2026-12-07T15:00:00Z',
      10,
      'days',
      '2026-12-21T00:30:00Z',
    ],
    ['Saturday 10:00, 10 days: from Monday 07:30', '2026-12-05T03:00:00Z', 10, 'days', '2026-12-17T00:30:00Z'],
    ['Friday 20:00, 1 month: from Monday 07/12 07:30', '2026-12-04T13:00:00Z', 1, 'months', '2027-01-07T00:30:00Z'],
    [
      '04:26 Monday, 1 working day: Wednesday 07:30 (unchanged)',
      '2026-12-06T21:26:00Z',
      1,
      'workingDays',
      '2026-12-09T00:30:00Z',
    ],
    [
      '18:00 Monday, 4 working hours: Wednesday 11:30 (unchanged)',
      '2026-12-07T11:00:00Z',
      4,
      'workingHours',
      '2026-12-09T04:30:00Z',
    ],
  ])('%s', (_what, receivedAt, value, unit, expected) => {
    expect(appointmentFor(calendar, new Date(receivedAt), { value, unit }).toISOString()).toBe(
      new Date(expected).toISOString(),
    );
  });

  it('in office hours the count starts at receipt itself', () => {
    const at = new Date('2026-12-07T08:59:00Z'); // 15:59 Monday
    expect(countingStart(calendar, at).toISOString()).toBe(at.toISOString());
  });
});

// Bộ luật Dân sự 2015 art. 148(5): a period in calendar days (or months) whose last day is a rest
// day or a holiday ends on the next working day; the appointment keeps its clock time.
describe('appointmentFor: a limit in calendar days or months never ends on a rest day', () => {
  const calendar = buildWorkingCalendar(
    [
      { start: 450, end: 690 },
      { start: 810, end: 1020 },
    ],
    [...OFFICIAL_SCHEDULES[2026]!, { date: '2027-01-01', kind: 'holiday' }],
  );
  const vn = (local: string) => new Date(`${local}:00+07:00`);
  type Unit = Parameters<typeof appointmentFor>[2]['unit'];
  it.each<[string, string, number, Unit, string]>([
    [
      'Mon 07/12 09:00 + 5 days ends on Saturday 12/12 → Monday 14/12',
      '2026-12-07T09:00',
      5,
      'days',
      '2026-12-14T09:00',
    ],
    ['Mon 07/12 09:00 + 6 days ends on Sunday 13/12 → Monday 14/12', '2026-12-07T09:00', 6, 'days', '2026-12-14T09:00'],
    ['Mon 07/12 14:15 + 10 days ends on Thursday 17/12: kept', '2026-12-07T14:15', 10, 'days', '2026-12-17T14:15'],
    [
      'Fri 06/02 09:00 + 10 days ends on Mon 16/02 (Tết) → Mon 23/02',
      '2026-02-06T09:00',
      10,
      'days',
      '2026-02-23T09:00',
    ],
    [
      'Tue 22/12 10:00 + 10 days ends on Fri 01/01 (New Year) → Mon 04/01',
      '2026-12-22T10:00',
      10,
      'days',
      '2027-01-04T10:00',
    ],
    [
      'Wed 14/10 09:00 + 1 month ends on Saturday 14/11 → Monday 16/11',
      '2026-10-14T09:00',
      1,
      'months',
      '2026-11-16T09:00',
    ],
    [
      'Sat 05/12 10:00 + 5 days: from Monday 07:30, ends on Saturday → Monday 14/12 07:30',
      '2026-12-05T10:00',
      5,
      'days',
      '2026-12-14T07:30',
    ],
    [
      'Mon 07/12 09:00 + 5 working days: never on a rest day (unchanged)',
      '2026-12-07T09:00',
      5,
      'workingDays',
      '2026-12-14T09:00',
    ],
  ])('%s', (_what, receivedAt, value, unit, expected) => {
    expect(appointmentFor(calendar, vn(receivedAt), { value, unit }).toISOString()).toBe(vn(expected).toISOString());
  });
});
