/**
 * The proposal for years without a schedule. Expected days worked out by hand from the rule in
 * proposal.rules.ts; the Tết windows are the ones officially decided for 2021–2026, which the
 * rule was made to reproduce.
 */
import { describe, expect, it } from 'vitest';
import { OFFICIAL_SCHEDULES } from './official-schedules.js';
import { proposeNationalDayExtra, proposeTetDays, proposeYear } from './proposal.rules.js';

describe('Tết days', () => {
  it.each([
    [2021, ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16']], // Wed–Tue, 7 days off
    [2022, ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04']], // Mon–Fri, 9 days
    [2023, ['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26']], // Fri–Thu, 7 days
    [2024, ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14']], // Thu–Wed, 7 days
    [2025, ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']],
    [2026, ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']],
  ])('%s as officially decided', (year, days) => {
    expect(proposeTetDays(year)).toEqual(days);
  });
});

describe('Quốc khánh: 2/9 with 1/9 or 3/9', () => {
  it.each([
    [2024, '2024-09-03'], // 2/9 Mon: 1/9 is Sunday → Tue 3/9 (as decided in 2024)
    [2025, '2025-09-01'], // 2/9 Tue → Mon 1/9 (as decided)
    [2026, '2026-09-01'], // 2/9 Wed → tie, 1/9 (as decided)
    [2027, '2027-09-03'], // 2/9 Thu → Fri 3/9
    [2028, '2028-09-01'], // 2/9 Sat → Fri 1/9
    [2029, '2029-09-03'], // 2/9 Sun → Mon 3/9
  ])('%s → %s', (year, extra) => {
    expect(proposeNationalDayExtra(year)).toBe(extra);
  });
});

describe('proposeYear', () => {
  it('2027: Sat 1/5 moves to Mon 3/5; Tết Thu 4/2 – Wed 10/2 around Sat 6/2', () => {
    expect(proposeYear(2027).map((d) => [d.date, d.kind, d.source])).toEqual([
      ['2027-01-01', 'holiday', 'proposed'],
      ['2027-02-04', 'holiday', 'proposed'],
      ['2027-02-05', 'holiday', 'proposed'],
      ['2027-02-08', 'holiday', 'proposed'],
      ['2027-02-09', 'holiday', 'proposed'],
      ['2027-02-10', 'holiday', 'proposed'],
      ['2027-04-16', 'holiday', 'proposed'], // 10/3 Đinh Mùi, a Friday
      ['2027-04-30', 'holiday', 'proposed'],
      ['2027-05-01', 'holiday', 'proposed'],
      ['2027-05-03', 'holiday', 'proposed'],
      ['2027-09-02', 'holiday', 'proposed'],
      ['2027-09-03', 'holiday', 'proposed'],
    ]);
    expect(proposeYear(2027).find((d) => d.date === '2027-05-03')!.name).toContain('Nghỉ bù');
  });

  it('2026: Hùng Kings on Sunday 26/4 moves to Monday 27/4, as the official schedule says', () => {
    const days = proposeYear(2026).map((d) => d.date);
    expect(days).toContain('2026-04-26');
    expect(days).toContain('2026-04-27');
    const official = OFFICIAL_SCHEDULES[2026]!.map((d) => d.date);
    expect(official).toContain('2026-04-27');
  });

  it('2022: 30/4 Sat and 1/5 Sun move to Mon 2/5 and Tue 3/5 (as decided in 2022)', () => {
    const days = proposeYear(2022).map((d) => d.date);
    expect(days.filter((d) => d >= '2022-04-30' && d <= '2022-05-03')).toEqual([
      '2022-04-30',
      '2022-05-01',
      '2022-05-02',
      '2022-05-03',
    ]);
  });

  it('2028: 1/1 Sat → Mon 3/1; 2/9 Sat → Mon 4/9 with Fri 1/9', () => {
    const days = proposeYear(2028).map((d) => d.date);
    expect(days).toContain('2028-01-03');
    expect(days.filter((d) => d >= '2028-09-01' && d <= '2028-09-05')).toEqual([
      '2028-09-01',
      '2028-09-02',
      '2028-09-04',
    ]);
  });

  it('24/11 only when the flag says so, and only from that year', () => {
    expect(proposeYear(2026).some((d) => d.date === '2026-11-24')).toBe(false);
    expect(proposeYear(2026, { cultureDayFromYear: 2026 }).some((d) => d.date === '2026-11-24')).toBe(true);
    expect(proposeYear(2025, { cultureDayFromYear: 2026 }).some((d) => d.date === '2025-11-24')).toBe(false);
    // 24/11/2029 is a Saturday → Monday 26/11.
    expect(proposeYear(2029, { cultureDayFromYear: 2026 }).map((d) => d.date)).toContain('2029-11-26');
  });

  it('every proposed day is a holiday inside its year, sorted, without duplicates, 1900–2100', () => {
    for (let year = 1900; year <= 2100; year += 1) {
      const dates = proposeYear(year).map((d) => d.date);
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
    }
  });
});
