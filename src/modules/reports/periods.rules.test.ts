import { describe, expect, it } from 'vitest';
import { isClosed, isLate, periodsOfYear, statutoryPeriod } from './periods.rules.js';

describe('statutory report periods (Decree 09/2019/NĐ-CP Art. 12; Circular 01/2020/TT-VPCP)', () => {
  it.each([
    // id, from, to, submitBy, unitsSubmitBy, label
    ['2026-Q1', '2025-12-15', '2026-03-14', '2026-03-20', '2026-03-19', 'Quý I năm 2026'],
    ['2026-Q2', '2026-03-15', '2026-06-14', '2026-06-20', '2026-06-19', 'Quý II năm 2026'],
    ['2026-Q3', '2026-06-15', '2026-09-14', '2026-09-20', '2026-09-19', 'Quý III năm 2026'],
    ['2026-Q4', '2026-09-15', '2026-12-14', '2026-12-20', '2026-12-19', 'Quý IV năm 2026'],
    ['2026-H1', '2025-12-15', '2026-06-14', '2026-06-20', '2026-06-19', '6 tháng đầu năm 2026'],
    ['2026-Y', '2025-12-15', '2026-12-14', '2026-12-20', '2026-12-19', 'Năm 2026'],
    ['2028-Q1', '2027-12-15', '2028-03-14', '2028-03-20', '2028-03-19', 'Quý I năm 2028'],
  ])('%s runs %s → %s, due %s (units %s)', (id, from, to, submitBy, unitsSubmitBy, label) => {
    const p = statutoryPeriod(id)!;
    expect({ from: p.from, to: p.to, submitBy: p.submitBy, unitsSubmitBy: p.unitsSubmitBy, label: p.label }).toEqual({
      from,
      to,
      submitBy,
      unitsSubmitBy,
      label,
    });
  });

  it('covers whole Vietnam days: 00:00 UTC+7 of the first day to 00:00 after the last', () => {
    const p = statutoryPeriod('2026-Q2')!;
    expect(p.start.toISOString()).toBe('2026-03-14T17:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-06-14T17:00:00.000Z');
  });

  it.each(['2026-Q5', '2026-Q0', '2026-H2', '2026', '2026-q1', '1999-Q1', '2019-Y', 'abc', '', '2026-Q1 '])(
    'names no period: %j',
    (id) => expect(statutoryPeriod(id)).toBeNull(),
  );

  it('lists a year in closing order, and the quarters tile the year without gap or overlap', () => {
    const list = periodsOfYear(2027);
    expect(list.map((p) => p.id)).toEqual(['2027-Q1', '2027-Q2', '2027-H1', '2027-Q3', '2027-Q4', '2027-Y']);
    const quarters = list.filter((p) => p.kind === 'quarter');
    const year = list.find((p) => p.kind === 'year')!;
    expect(quarters[0]!.start).toEqual(year.start);
    expect(quarters[3]!.end).toEqual(year.end);
    for (let i = 1; i < 4; i++) expect(quarters[i]!.start).toEqual(quarters[i - 1]!.end);
  });

  it.each([
    ['2026-Q1', '2026-03-14', false, false],
    ['2026-Q1', '2026-03-15', true, false],
    ['2026-Q1', '2026-03-20', true, false],
    ['2026-Q1', '2026-03-21', true, true],
  ])('%s on %s: closed %s, late %s', (id, today, closed, late) => {
    const p = statutoryPeriod(id)!;
    expect(isClosed(p, today)).toBe(closed);
    expect(isLate(p, today)).toBe(late);
  });
});
