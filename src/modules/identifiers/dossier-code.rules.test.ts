import { describe, expect, it } from 'vitest';
import { formatDossierCode, parseDossierCode } from './dossier-code.rules.js';

const UNIT = '000.00.53.H48';

describe('formatDossierCode', () => {
  it.each([
    ['the docs/domain/DOMAIN.md §4 example', UNIT, '2022-09-21', 99, '000.00.53.H48-220921-0099'],
    ['first of the day', UNIT, '2025-07-01', 1, '000.00.53.H48-250701-0001'],
    ['last 4-digit sequence', UNIT, '2025-07-01', 9999, '000.00.53.H48-250701-9999'],
    ['widens to 5 digits, never wraps', UNIT, '2025-07-01', 10000, '000.00.53.H48-250701-10000'],
    ['largest sequence', UNIT, '2025-07-01', 99999, '000.00.53.H48-250701-99999'],
    ['first day of the century', '000.00.00.H91', '2000-01-01', 7, '000.00.00.H91-000101-0007'],
    ['last day of the century', '123.45.67.G01', '2099-12-31', 123, '123.45.67.G01-991231-0123'],
  ])('%s', (_, unit, date, seq, code) => {
    expect(formatDossierCode(unit, date, seq)).toBe(code);
  });

  it.each([
    ['sequence 0', UNIT, '2025-07-01', 0],
    ['negative sequence', UNIT, '2025-07-01', -1],
    ['fractional sequence', UNIT, '2025-07-01', 1.5],
    ['NaN sequence', UNIT, '2025-07-01', Number.NaN],
    ['sequence past 99999', UNIT, '2025-07-01', 100000],
    ['unit code without the dotted groups', 'H48', '2025-07-01', 1],
    ['lower-case unit letter', '000.00.53.h48', '2025-07-01', 1],
    ['unit code with a trailing space', `${UNIT} `, '2025-07-01', 1],
    ['impossible date', UNIT, '2022-02-30', 1],
    ['1900s date (yy would be ambiguous)', UNIT, '1999-12-31', 1],
    ['2100s date', UNIT, '2100-01-01', 1],
    ['date in yy-MM-dd', UNIT, '22-09-21', 1],
  ])('refuses %s', (_, unit, date, seq) => {
    expect(() => formatDossierCode(unit, date, seq)).toThrow(RangeError);
  });
});

describe('parseDossierCode', () => {
  it.each([
    [
      '000.00.53.H48-220921-0099',
      { code: '000.00.53.H48-220921-0099', unitCode: UNIT, date: '2022-09-21', sequence: 99 },
    ],
    [
      '000.00.53.H48-250701-10000',
      { code: '000.00.53.H48-250701-10000', unitCode: UNIT, date: '2025-07-01', sequence: 10000 },
    ],
    [
      '000.00.53.H48-240229-0001',
      { code: '000.00.53.H48-240229-0001', unitCode: UNIT, date: '2024-02-29', sequence: 1 },
    ],
    // typed by a citizen on the public lookup
    [
      '  000.00.53.h48-220921-0099 ',
      { code: '000.00.53.H48-220921-0099', unitCode: UNIT, date: '2022-09-21', sequence: 99 },
    ],
  ])('%s', (input, parts) => {
    expect(parseDossierCode(input)).toEqual(parts);
  });

  it.each([
    ['empty', ''],
    ['not a code', 'abc'],
    ['3-digit sequence', '000.00.53.H48-220921-099'],
    ['5 digits with a leading zero (would alias 0099)', '000.00.53.H48-220921-00099'],
    ['6-digit sequence', '000.00.53.H48-220921-123456'],
    ['sequence 0000', '000.00.53.H48-220921-0000'],
    ['30 February', '000.00.53.H48-220230-0001'],
    ['month 13', '000.00.53.H48-221321-0001'],
    ['missing dash', '000.00.53.H48-2209210099'],
    ['dash in the unit code', '000.00.53-H48-220921-0099'],
    ['unit code without its letter', '000.00.53.048-220921-0099'],
    ['8-digit date', '000.00.53.H48-20220921-0099'],
  ])('%s → null', (_, input) => {
    expect(parseDossierCode(input)).toBeNull();
  });

  it.each([
    [UNIT, '2022-09-21', 99],
    [UNIT, '2099-12-31', 9999],
    ['000.00.00.H91', '2025-07-01', 54321],
  ])('round-trips %s %s #%i', (unit, date, seq) => {
    expect(parseDossierCode(formatDossierCode(unit, date, seq))).toMatchObject({ unitCode: unit, date, sequence: seq });
  });
});
