/**
 * The Vietnamese lunar conversion pinned to published dates (Vietnamese tables, not Chinese ones).
 * Sources: docs/domain/DOMAIN.md §7 (Tết 2024–2030, Hùng Kings 2024–2026); Wikipedia "Vietnamese calendar"
 * (Tết 1968 = 29 Jan in the North, 1985 = 21 Jan, a month before China's 20 Feb); the Vietnamese
 * government's note on 2007/2030/2053 (viet-jo.com, 2006: 17 Feb 2007, 2 Feb 2030, 18 Feb 2053,
 * each a day before China). 1900 and 2000 agree with every table.
 */
import { describe, expect, it } from 'vitest';
import { hungKingsDate, lunarNewYearEve, lunarToSolar, solarToLunar, tetDate } from './lunar.js';

describe('Tết Nguyên đán (Vietnam, UTC+7)', () => {
  it.each([
    [1900, '1900-01-31'],
    [1968, '1968-01-29'], // China: 30 Jan
    [1985, '1985-01-21'], // China: 20 Feb
    [2000, '2000-02-05'],
    [2007, '2007-02-17'], // China: 18 Feb
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2030, '2030-02-02'], // China: 3 Feb
    [2053, '2053-02-18'], // China: 19 Feb
  ])('%s → %s', (year, date) => {
    expect(tetDate(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 1, day: 1, leap: false });
  });

  it('the eve is the last day of the old year (29 or 30 tháng Chạp)', () => {
    expect(lunarNewYearEve(2025)).toBe('2025-01-28');
    expect(solarToLunar('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(lunarNewYearEve(2026)).toBe('2026-02-16');
    expect(solarToLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('%s → %s', (year, date) => {
    expect(hungKingsDate(year)).toBe(date);
  });
});

describe('leap months (tháng nhuận)', () => {
  it('2023 has a leap 2nd month from 22 Mar; 2020 a leap 4th month from 23 May', () => {
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })).toBe('2023-03-22');
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(lunarToSolar({ year: 2020, month: 4, day: 1, leap: true })).toBe('2020-05-23');
  });

  it('refuses a leap month the year does not have', () => {
    expect(() => lunarToSolar({ year: 2024, month: 2, day: 1, leap: true })).toThrow(
      expect.objectContaining({ code: 'CALENDAR_LUNAR_DATE_INVALID' }) as unknown as Error,
    );
  });
});

describe('range and round trips', () => {
  it('refuses years outside 1900–2100', () => {
    for (const year of [1899, 2101]) {
      expect(() => tetDate(year)).toThrow(
        expect.objectContaining({ code: 'CALENDAR_YEAR_OUT_OF_RANGE' }) as unknown as Error,
      );
    }
    expect(() => solarToLunar('2101-01-01')).toThrow(
      expect.objectContaining({ code: 'CALENDAR_YEAR_OUT_OF_RANGE' }) as unknown as Error,
    );
  });

  it('solar → lunar → solar is the identity on the 1st and 15th of every month, 1900–2100', () => {
    for (let y = 1900; y <= 2100; y += 1) {
      for (let m = 1; m <= 12; m += 1) {
        for (const d of [1, 15]) {
          const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const lunar = solarToLunar(date);
          if (lunar.year < 1900) continue; // January 1900 is still lunar year 1899
          expect(lunarToSolar(lunar)).toBe(date);
        }
      }
    }
  });
});
