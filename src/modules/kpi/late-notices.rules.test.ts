import { describe, expect, it } from 'vitest';
import { type LateLine, lateListLines, monthlyLateListDue, vietnamDayText } from './late-notices.rules.js';
import { parsePeriod } from './periods.rules.js';

/** An instant from Vietnam wall-clock text. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('monthly late list: due from the 21st, on working days at the digest time, until the month ends', () => {
  it.each([
    // [Vietnam time, digest time, working day, due month]
    ['2026-12-20T23:59', '07:30', true, null], // the month closes at the end of the 20th
    ['2026-12-21T07:29', '07:30', true, null], // the 21st, before the digest time
    ['2026-12-21T07:30', '07:30', true, '2026-12'],
    ['2026-12-21T16:00', '07:30', true, '2026-12'],
    ['2026-12-21T09:00', '07:30', false, null], // a holiday or weekend: wait for a working day
    ['2026-12-22T06:00', '07:30', true, null], // catching up, still at the digest time
    ['2026-12-22T07:30', '07:30', true, '2026-12'],
    ['2026-12-31T23:59', '07:30', true, '2026-12'], // the last day it may go
    ['2027-01-01T08:00', '07:30', true, null], // a new calendar month: the published list took over
    ['2027-01-05T08:00', '07:30', true, null],
    ['2027-01-21T08:00', '07:30', true, '2027-01'], // January's reporting month: 21 Dec → 20 Jan
    ['2026-02-21T08:00', '08:15', true, null],
    ['2026-02-21T08:15', '08:15', true, '2026-02'],
    ['2026-02-28T10:00', '08:15', true, '2026-02'],
  ] as const)('%s (digest %s, working %s) → %s', (local, time, working, month) => {
    expect(monthlyLateListDue(vn(local), time, working)).toBe(month);
  });

  it('the month it names is the reporting month that closed on the 20th before', () => {
    const month = monthlyLateListDue(vn('2026-12-21T08:00'), '07:30', true)!;
    expect(parsePeriod(month)).toMatchObject({ from: '2026-11-21', to: '2026-12-20' });
  });

  it('uses Vietnam time, not UTC: 00:30 on the 21st in UTC is 07:30 in Vietnam', () => {
    expect(monthlyLateListDue(new Date('2026-12-21T00:29:00Z'), '07:30', true)).toBeNull();
    expect(monthlyLateListDue(new Date('2026-12-21T00:30:00Z'), '07:30', true)).toBe('2026-12');
    // 20 Dec 17:00 UTC is already the 21st in Vietnam, but before 07:30.
    expect(monthlyLateListDue(new Date('2026-12-20T17:00:00Z'), '07:30', true)).toBeNull();
  });
});

describe('the lines of a unit late list', () => {
  const line = (over: Partial<LateLine>): LateLine => ({
    code: 'X',
    legalDueAt: vn('2026-12-01T17:00'),
    completedAt: null,
    officialName: null,
    hasApology: false,
    ...over,
  });
  it.each([
    [
      'finished late, with its official and an apology letter',
      [
        line({
          code: 'A-1',
          completedAt: vn('2026-12-03T09:00'),
          officialName: 'Trần Văn Bảy',
          hasApology: true,
        }),
      ],
      '- A-1 · 01/12/2026 → 03/12/2026 · Trần Văn Bảy · ✉',
    ],
    ['still open, nobody named', [line({ code: 'B-2' })], '- B-2 · 01/12/2026 → …'],
    ['no legal due time', [line({ code: 'C-3', legalDueAt: null })], '- C-3 · ? → …'],
    [
      'a due time late in the evening is the Vietnam date',
      [line({ code: 'D-4', legalDueAt: new Date('2026-11-30T18:00:00Z') })],
      '- D-4 · 01/12/2026 → …',
    ],
    ['nothing late', [], ''],
  ])('%s', (_name, items, text) => {
    expect(lateListLines(items)).toBe(text);
  });

  it('past the maximum, the rest are counted on one line', () => {
    const items = Array.from({ length: 7 }, (_, i) => line({ code: `K-${i + 1}` }));
    expect(lateListLines(items, 5).split('\n')).toEqual([
      '- K-1 · 01/12/2026 → …',
      '- K-2 · 01/12/2026 → …',
      '- K-3 · 01/12/2026 → …',
      '- K-4 · 01/12/2026 → …',
      '- K-5 · 01/12/2026 → …',
      '+2',
    ]);
    expect(lateListLines(items, 7).split('\n')).toHaveLength(7);
  });

  it('dates read as dd/mm/yyyy in Vietnam time', () => {
    expect(vietnamDayText(new Date('2026-12-31T17:00:00Z'))).toBe('01/01/2027');
  });
});
