import { describe, expect, it } from 'vitest';
import {
  checkScores,
  type Criterion,
  criterionForForm,
  DEFAULT_CRITERIA,
  dossierRates,
  isBadLevel,
  rateOf,
  ratesBy,
  ratingSatisfied,
  signRatingToken,
  verifyRatingToken,
} from './satisfaction.rules.js';

describe('levels', () => {
  it.each([
    [5, 1, true],
    [5, 2, true],
    [5, 3, false],
    [5, 5, false],
    [3, 1, true],
    [3, 2, false],
    [3, 3, false],
  ] as const)('scale %i level %i bad: %s', (scale, level, bad) => {
    expect(isBadLevel(level, scale)).toBe(bad);
  });
});

describe('scores', () => {
  const criteria: Criterion[] = [
    { key: 'overall', label: 'Chung', scale: 5 },
    { key: 'attitude', label: 'Thái độ', scale: 3 },
  ];
  it('needs every criterion once, on its scale, and nothing else', () => {
    expect(checkScores(criteria, { overall: 4, attitude: 3 })).toEqual([]);
    expect(checkScores(criteria, { overall: 4 })).toEqual([{ code: 'CRITERION_MISSING', key: 'attitude' }]);
    expect(checkScores(criteria, { overall: 6, attitude: 0 })).toEqual([
      { code: 'LEVEL_OUT_OF_SCALE', key: 'overall' },
      { code: 'LEVEL_OUT_OF_SCALE', key: 'attitude' },
    ]);
    expect(checkScores(criteria, { overall: 4, attitude: 4 })).toEqual([
      { code: 'LEVEL_OUT_OF_SCALE', key: 'attitude' },
    ]);
    expect(checkScores(criteria, { overall: 4, attitude: 2, speed: 5 })).toEqual([
      { code: 'CRITERION_UNKNOWN', key: 'speed' },
    ]);
  });
  it('is satisfied when no criterion is bad', () => {
    expect(ratingSatisfied(criteria, { overall: 3, attitude: 2 })).toBe(true);
    expect(ratingSatisfied(criteria, { overall: 5, attitude: 1 })).toBe(false);
    expect(ratingSatisfied(criteria, { overall: 2, attitude: 3 })).toBe(false);
  });
  it('defaults to the issue’s four criteria on five levels', () => {
    expect(DEFAULT_CRITERIA.map((c) => [c.key, c.scale])).toEqual([
      ['overall', 5],
      ['waitingTime', 5],
      ['attitude', 5],
      ['resultOnTime', 5],
    ]);
  });
  it('gives the forms both labels and both level scales; no English label stays null (the form shows the Vietnamese)', () => {
    expect(criterionForForm({ key: 'attitude', label: 'Thái độ', labelEn: 'Attitude', scale: 3 })).toEqual({
      key: 'attitude',
      label: 'Thái độ',
      labelEn: 'Attitude',
      scale: 3,
      levels: ['Không hài lòng', 'Bình thường', 'Hài lòng'],
      levelsEn: ['Dissatisfied', 'Neutral', 'Satisfied'],
    });
    const plain = criterionForForm({ key: 'overall', label: 'Chung', scale: 5 });
    expect(plain.labelEn).toBeNull();
    expect(plain.levelsEn).toHaveLength(5);
    expect(plain.levels).toHaveLength(5);
  });
});

describe('rates', () => {
  const rows = [
    { dossierId: 'd1', unit: 'u1', officers: ['o1', 'o2'], satisfied: true },
    { dossierId: 'd1', unit: 'u1', officers: ['o1', 'o1'], satisfied: false },
    { dossierId: 'd2', unit: 'u2', officers: ['o2', null], satisfied: true },
    { dossierId: 'd3', unit: 'u2', officers: [null, null], satisfied: true },
  ];
  it('counts satisfied over all', () => {
    expect(rateOf(rows)).toEqual({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(rateOf([])).toEqual({ numerator: 0, denominator: 0, rate: null });
  });
  it('groups by unit and by each officer a rating names (once per rating)', () => {
    expect(Object.fromEntries(ratesBy(rows, (r) => [r.unit]))).toEqual({
      u1: { numerator: 1, denominator: 2, rate: 0.5 },
      u2: { numerator: 2, denominator: 2, rate: 1 },
    });
    expect(Object.fromEntries(ratesBy(rows, (r) => r.officers))).toEqual({
      o1: { numerator: 1, denominator: 2, rate: 0.5 },
      o2: { numerator: 2, denominator: 2, rate: 1 },
    });
  });
  it('per dossier: one unhappy rating makes the dossier unsatisfied', () => {
    expect(dossierRates(rows)).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
  });
});

describe('rating link tokens', () => {
  const secret = 'x'.repeat(40);
  const now = new Date('2026-11-23T00:00:00Z');
  const token = signRatingToken(secret, '000.00.02.H91-261123-0001', new Date('2026-12-23T00:00:00Z'));
  it('verifies for its dossier until it expires', () => {
    expect(verifyRatingToken(secret, '000.00.02.H91-261123-0001', token, now)).toBe(true);
    expect(verifyRatingToken(secret, '000.00.02.H91-261123-0002', token, now)).toBe(false);
    expect(verifyRatingToken('y'.repeat(40), '000.00.02.H91-261123-0001', token, now)).toBe(false);
    expect(verifyRatingToken(secret, '000.00.02.H91-261123-0001', token, new Date('2026-12-24T00:00:00Z'))).toBe(false);
  });
  it('refuses a changed expiry or garbage', () => {
    const [, mac] = token.split('.');
    expect(verifyRatingToken(secret, '000.00.02.H91-261123-0001', `9999999999.${mac}`, now)).toBe(false);
    expect(verifyRatingToken(secret, '000.00.02.H91-261123-0001', 'nonsense', now)).toBe(false);
  });
});
