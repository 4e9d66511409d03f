import { describe, expect, it } from 'vitest';
import { daysAdded, validateYearDays } from './days.rules.js';

describe('validateYearDays', () => {
  it.each([
    [[{ date: '2026-02-16', kind: 'holiday' }], [], 'a weekday holiday'],
    [[{ date: '2026-01-10', kind: 'makeUpWorkday' }], [], 'a make-up Saturday'],
    [[{ date: '2026-04-26', kind: 'holiday' }], [], 'a holiday on a Sunday (shown, harmless)'],
    [[{ date: '2027-01-01', kind: 'holiday' }], ['outside_year'], 'next year'],
    [[{ date: '2026-02-30', kind: 'holiday' }], ['invalid_date'], 'no such date'],
    [[{ date: '2026-01-12', kind: 'makeUpWorkday' }], ['make_up_not_weekend'], 'a make-up Monday'],
    [
      [
        { date: '2026-05-01', kind: 'holiday' },
        { date: '2026-05-01', kind: 'holiday' },
      ],
      ['duplicate'],
      'twice the same',
    ],
    [
      [
        { date: '2026-01-10', kind: 'makeUpWorkday' },
        { date: '2026-01-10', kind: 'holiday' },
      ],
      ['holiday_on_make_up_day'],
      'holiday on a make-up day',
    ],
  ] as [{ date: string; kind: 'holiday' | 'makeUpWorkday' }[], string[], string][])(
    '%j → %j (%s)',
    (days, problems) => {
      expect(validateYearDays(2026, days).map((p) => p.problem)).toEqual(problems);
    },
  );
});

describe('daysAdded', () => {
  it('compares date, kind and name', () => {
    const a = { date: '2026-01-01', kind: 'holiday' as const, name: 'Tết Dương lịch' };
    const renamed = { ...a, name: 'Tết Dương lịch 2026' };
    expect(daysAdded([a], [a])).toEqual([]);
    expect(daysAdded([a], [renamed])).toEqual([renamed]);
    expect(daysAdded([renamed], [a])).toEqual([a]);
  });
});
