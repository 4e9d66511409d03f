import { describe, expect, it } from 'vitest';
import {
  duePublications,
  indexKindOf,
  maskDossierCode,
  previousReportingMonth,
  previousWeek,
} from './publications.rules.js';

describe('duePublications', () => {
  it.each([
    // today, day, what is due
    ['2026-12-04', 5, ['index-week 2026-W48']],
    ['2026-12-05', 5, ['index-week 2026-W48', 'late-list 2026-11', 'index-month 2026-11']],
    ['2026-12-31', 5, ['index-week 2026-W52', 'late-list 2026-11', 'index-month 2026-11']],
    ['2027-01-05', 5, ['index-week 2026-W53', 'late-list 2026-12', 'index-month 2026-12']],
    ['2026-03-01', 1, ['index-week 2026-W08', 'late-list 2026-02', 'index-month 2026-02']],
    ['2026-03-27', 28, ['index-week 2026-W12']],
  ])('%s with the day %i', (today, day, expected) => {
    expect(duePublications(today, day).map((d) => `${d.kind} ${d.period}`)).toEqual(expected);
  });
});

describe('periods', () => {
  it.each([
    ['2026-01-10', '2025-12'],
    ['2026-12-05', '2026-11'],
  ])('previousReportingMonth(%s) = %s', (date, month) => expect(previousReportingMonth(date)).toBe(month));

  it.each([
    ['2026-12-07', '2026-W49'], // a Monday: the week that ended yesterday
    ['2026-12-06', '2026-W48'], // a Sunday: its own week is not over
    ['2026-01-01', '2025-W52'],
  ])('previousWeek(%s) = %s', (date, week) => expect(previousWeek(date)).toBe(week));

  it.each([
    ['2026-W48', 'index-week', '2026-11-23', '2026-11-29'],
    ['2026-11', 'index-month', '2026-10-21', '2026-11-20'],
    ['2026-Q1', null, null, null],
    ['2026-13', null, null, null],
    ['2026', null, null, null],
  ])('indexKindOf(%s)', (text, kind, from, to) => {
    const k = indexKindOf(text);
    expect(k?.kind ?? null).toBe(kind);
    expect(k?.period.from ?? null).toBe(from);
    expect(k?.period.to ?? null).toBe(to);
  });
});

describe('maskDossierCode', () => {
  it.each([
    ['G15.20-261206-0001', '••••••••••••••0001'],
    ['LATE-APOLOGY', '••••••••LOGY'],
    ['ABCDEF', '•••DEF'],
    ['AB', '•B'],
    ['', ''],
  ])('%s → %s', (code, masked) => {
    expect(maskDossierCode(code)).toBe(masked);
    expect(maskDossierCode(code)).toHaveLength(code.length);
  });
});
