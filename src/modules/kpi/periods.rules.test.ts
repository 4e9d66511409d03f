import { describe, expect, it } from 'vitest';
import {
  isoWeekOf,
  MAX_PERIOD_DAYS,
  parsePeriod,
  periodProblem,
  rangePeriod,
  reportingMonth,
  reportingMonthOf,
  reportingQuarter,
  reportingYear,
  resolvePeriod,
  weekPeriod,
} from './periods.rules.js';

const span = (p: { from: string; to: string }) => [p.from, p.to];

describe('reporting month: 21st of the month before → 20th', () => {
  it.each([
    [2026, 1, '2025-12-21', '2026-01-20'],
    [2026, 2, '2026-01-21', '2026-02-20'],
    [2026, 3, '2026-02-21', '2026-03-20'],
    [2024, 3, '2024-02-21', '2024-03-20'],
    [2026, 12, '2026-11-21', '2026-12-20'],
  ])('%i-%i → %s .. %s', (y, m, from, to) => {
    expect(span(reportingMonth(y, m))).toEqual([from, to]);
  });

  it('starts at 00:00 Vietnam time (17:00 UTC the day before) and ends at 00:00 after the 20th', () => {
    const p = reportingMonth(2026, 3);
    expect(p.start.toISOString()).toBe('2026-02-20T17:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-03-20T17:00:00.000Z');
  });

  it.each([
    ['2026-03-20', '2026-03'],
    ['2026-03-21', '2026-04'],
    ['2025-12-21', '2026-01'],
    ['2025-12-20', '2025-12'],
    ['2026-01-01', '2026-01'],
  ])('%s falls in reporting month %s', (date, month) => {
    expect(reportingMonthOf(date)).toBe(month);
  });

  it('consecutive months tile the year with no gap or overlap', () => {
    for (let m = 1; m < 12; m += 1) {
      expect(reportingMonth(2026, m).end.getTime()).toBe(reportingMonth(2026, m + 1).start.getTime());
    }
    expect(reportingMonth(2025, 12).end.getTime()).toBe(reportingMonth(2026, 1).start.getTime());
  });
});

describe('quarters and years are made of reporting months', () => {
  it.each([
    [1, '2025-12-21', '2026-03-20'],
    [2, '2026-03-21', '2026-06-20'],
    [3, '2026-06-21', '2026-09-20'],
    [4, '2026-09-21', '2026-12-20'],
  ])('Q%i 2026 → %s .. %s', (q, from, to) => {
    expect(span(reportingQuarter(2026, q))).toEqual([from, to]);
  });

  it('the year runs 21 Dec → 20 Dec and fits the longest period (366 days in a leap year)', () => {
    expect(span(reportingYear(2026))).toEqual(['2025-12-21', '2026-12-20']);
    expect(periodProblem(reportingYear(2024).from, reportingYear(2024).to)).toBeNull(); // 366 days
    expect(periodProblem(reportingYear(2026).from, reportingYear(2026).to)).toBeNull();
  });
});

describe('ISO weeks (Monday → Sunday)', () => {
  it.each([
    [2026, 1, '2025-12-29', '2026-01-04'],
    [2026, 9, '2026-02-23', '2026-03-01'],
    [2026, 53, '2026-12-28', '2027-01-03'],
    [2021, 1, '2021-01-04', '2021-01-10'],
    [2020, 53, '2020-12-28', '2021-01-03'],
  ])('%i-W%i → %s .. %s', (y, w, from, to) => {
    expect(span(weekPeriod(y, w))).toEqual([from, to]);
  });

  it.each([
    ['2026-01-01', [2026, 1]],
    ['2025-12-29', [2026, 1]],
    ['2021-01-03', [2020, 53]],
    ['2027-01-03', [2026, 53]],
    ['2026-03-01', [2026, 9]],
  ] as const)('%s is in ISO week %j', (date, week) => {
    expect(isoWeekOf(date)).toEqual(week);
  });
});

describe('parsePeriod and resolvePeriod', () => {
  it.each([
    ['2026-W09', '2026-02-23', '2026-03-01'],
    ['2026-03', '2026-02-21', '2026-03-20'],
    ['2026-Q1', '2025-12-21', '2026-03-20'],
    ['2026', '2025-12-21', '2026-12-20'],
  ])('%s → %s .. %s', (text, from, to) => {
    expect(span(parsePeriod(text)!)).toEqual([from, to]);
  });

  it.each([
    '2026-13',
    '2026-00',
    '2025-W53',
    '2026-W00',
    '2026-Q5',
    '26-03',
    'tháng 3',
    '',
    '0123-Q3',
    '1999',
    '2100-01',
  ])('%j names no period', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });

  it('takes from/to or period, not both, not half', () => {
    expect(span(resolvePeriod({ from: '2026-03-01', to: '2026-03-31' }) as { from: string; to: string })).toEqual([
      '2026-03-01',
      '2026-03-31',
    ]);
    expect(resolvePeriod({ from: '2026-03-01' })).toBe('KPI_PERIOD_INVALID');
    expect(resolvePeriod({ period: '2026-03', from: '2026-03-01' })).toBe('KPI_PERIOD_INVALID');
    expect(resolvePeriod({ period: 'x' })).toBe('KPI_PERIOD_INVALID');
    expect(resolvePeriod({})).toBe('KPI_PERIOD_INVALID');
    expect(resolvePeriod({ from: '2026-03-02', to: '2026-03-01' })).toBe('KPI_PERIOD_REVERSED');
    expect(resolvePeriod({ from: '2025-01-01', to: '2026-01-02' })).toBe('KPI_PERIOD_TOO_LONG');
  });

  it('a single day is a period of 24 hours; the limit is inclusive', () => {
    const p = rangePeriod('2026-03-05', '2026-03-05');
    expect(p.end.getTime() - p.start.getTime()).toBe(86_400_000);
    expect(periodProblem('2024-01-01', '2024-12-31')).toBeNull();
    expect(MAX_PERIOD_DAYS).toBe(366);
    expect(periodProblem('2025-01-01', '2026-01-02')).toBe('KPI_PERIOD_TOO_LONG'); // 367 days
    expect(periodProblem('2025-01-01', '2026-01-01')).toBeNull(); // 366;
  });
});
