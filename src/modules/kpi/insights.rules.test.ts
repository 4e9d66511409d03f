import { describe, expect, it } from 'vitest';
import { assess, monthContaining, perOfficerYear, previousPeriod, rank, weekContaining } from './insights.rules.js';
import { parsePeriod, rangePeriod } from './periods.rules.js';

const span = (p: { from: string; to: string }) => `${p.from}..${p.to}`;

describe('previousPeriod', () => {
  it.each([
    ['2026-W09', '2026-02-16..2026-02-22'],
    ['2026-W01', '2025-12-22..2025-12-28'],
    ['2026-03', '2026-01-21..2026-02-20'],
    ['2026-01', '2025-11-21..2025-12-20'],
    ['2026-Q1', '2025-09-21..2025-12-20'],
    ['2026-Q3', '2026-03-21..2026-06-20'],
    ['2026', '2024-12-21..2025-12-20'],
  ])('%s → %s', (name, expected) => {
    expect(span(previousPeriod(parsePeriod(name)!, name))).toBe(expected);
  });

  it('a range: the same number of days just before it', () => {
    expect(span(previousPeriod(rangePeriod('2026-03-01', '2026-03-31')))).toBe('2026-01-29..2026-02-28');
    expect(span(previousPeriod(rangePeriod('2026-01-01', '2026-01-01')))).toBe('2025-12-31..2025-12-31');
  });
});

describe('the week and reporting month holding a day', () => {
  it.each([
    ['2026-03-20', '2026-03-16..2026-03-22', '2026-02-21..2026-03-20'],
    ['2026-03-21', '2026-03-16..2026-03-22', '2026-03-21..2026-04-20'],
    ['2026-01-01', '2025-12-29..2026-01-04', '2025-12-21..2026-01-20'],
  ])('%s', (day, week, month) => {
    expect(span(weekContaining(day))).toBe(week);
    expect(span(monthContaining(day))).toBe(month);
  });
});

describe('assess', () => {
  const atLeast = { direction: 'atLeast' as const };
  const atMost = { direction: 'atMost' as const };
  it.each([
    ['reached', atLeast, 0.6, 0.7, 0.5, { gap: 0.1, met: true, trend: 'better', change: 0.2 }],
    ['short, worse', atLeast, 0.6, 0.4, 0.5, { gap: -0.2, met: false, trend: 'worse', change: -0.1 }],
    ['exactly the target, unchanged', atLeast, 1, 1, 1, { gap: 0, met: true, trend: 'same', change: 0 }],
    [
      'waiting over the limit, shorter than before',
      atMost,
      30,
      35,
      40,
      { gap: 5, met: false, trend: 'better', change: -5 },
    ],
    [
      'waiting under the limit, longer than before',
      atMost,
      30,
      25,
      20,
      { gap: -5, met: true, trend: 'worse', change: 5 },
    ],
    ['no previous figure', atLeast, 0.5, 0.5, null, { gap: 0, met: true, trend: 'unknown', change: null }],
    ['no actual', atLeast, 0.5, null, 0.5, { gap: null, met: null, trend: 'unknown', change: null }],
  ] as const)('%s', (_name, def, target, actual, previous, expected) => {
    expect(assess(def, target, actual, previous)).toEqual(expected);
  });
});

describe('rank', () => {
  it('highest first; equal totals share a place and are listed by name', () => {
    const ranked = rank([
      { unitId: 'a', name: 'Sở Y tế', total: 80 },
      { unitId: 'b', name: 'Sở Tư pháp', total: 92.5 },
      { unitId: 'c', name: 'Sở Công Thương', total: 80 },
      { unitId: 'd', name: 'Sở Xây dựng', total: 70 },
    ]);
    expect(ranked.map((r) => [r.unitId, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 2],
      ['d', 4],
    ]);
  });
  it('an empty list', () => expect(rank([])).toEqual([]));
});

describe('perOfficerYear', () => {
  it('scales to 365 days and is null without officers', () => {
    expect(perOfficerYear(660, 1, rangePeriod('2026-01-01', '2026-01-30'))).toBe(8030);
    expect(perOfficerYear(7920, 2, rangePeriod('2026-01-01', '2026-12-31'))).toBe(3960);
    expect(perOfficerYear(10, 0, rangePeriod('2026-01-01', '2026-01-30'))).toBeNull();
  });
});
