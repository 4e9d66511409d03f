import { describe, expect, it } from 'vitest';
import { BIRTH_PROVINCE_CODES, checkPersonalId } from './personal-id.rules.js';

const today = '2025-10-01';
const codes = (r: ReturnType<typeof checkPersonalId>) => (r.ok ? r.warnings.map((w) => w.code) : r.error.code);

describe('checkPersonalId: the hard rule (exactly 12 digits)', () => {
  it.each([
    ['empty', '', 'PERSONAL_ID_EMPTY'],
    ['only spaces', '   ', 'PERSONAL_ID_EMPTY'],
    ['a letter', '00109901234A', 'PERSONAL_ID_NOT_DIGITS'],
    ['spaces inside', '001 099 012 345', 'PERSONAL_ID_NOT_DIGITS'],
    ['full-width digit (IME input)', '０01099012345', 'PERSONAL_ID_NOT_DIGITS'],
    ['a sign', '-01099012345', 'PERSONAL_ID_NOT_DIGITS'],
    ['11 digits', '00109901234', 'PERSONAL_ID_LENGTH'],
    ['13 digits', '0010990123456', 'PERSONAL_ID_LENGTH'],
    ['old 9-digit CMND', '123456789', 'PERSONAL_ID_LENGTH'],
  ])('%s → %s', (_, input, code) => {
    const r = checkPersonalId(input, { today });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(/định danh/);
    }
  });

  it('says how many digits it got, and what a 9-digit number is', () => {
    const r = checkPersonalId('123456789', { today });
    expect(r.ok || r.error.message).toBe(
      'Số định danh cá nhân phải gồm đúng 12 chữ số (đang có 9). Số CMND 9 số không phải số định danh cá nhân.',
    );
  });

  it('trims surrounding whitespace', () => {
    const r = checkPersonalId('  001099012345 \n', { today });
    expect(r.ok && r.value).toBe('001099012345');
  });
});

describe('checkPersonalId: parts', () => {
  it.each([
    // id, province, name, sex, year — worked out from the digit table in Decree 137/2015 art. 13
    ['001099012345', '001', 'Hà Nội', 'male', 1999],
    ['079301000123', '079', 'Hồ Chí Minh', 'female', 2001],
    ['038185000001', '038', 'Thanh Hóa', 'female', 1985],
    ['096200000001', '096', 'Cà Mau', 'male', 2000],
    ['048000999999', '048', 'Đà Nẵng', 'male', 1900],
  ])('%s → %s %s, %s, %i', (id, provinceCode, provinceName, sex, birthYear) => {
    const r = checkPersonalId(id, { today });
    expect(r.ok && r.parts).toEqual({ provinceCode, provinceName, sex, birthYear });
  });

  it.each([
    // century/sex digit d in 001 d 45 000123
    ['0', 'male', 1945],
    ['1', 'female', 1945],
    ['2', 'male', 2045],
    ['3', 'female', 2045],
    ['4', 'male', 2145],
    ['5', 'female', 2145],
    ['6', 'male', 2245],
    ['7', 'female', 2245],
    ['8', 'male', 1845],
    ['9', 'female', 1845],
  ])('century/sex digit %s → %s, %i', (digit, sex, birthYear) => {
    const r = checkPersonalId(`001${digit}45000123`, { today });
    expect(r.ok && { sex: r.parts.sex, birthYear: r.parts.birthYear }).toEqual({ sex, birthYear });
  });

  it('knows the 63 province codes of Circular 07/2016, all between 001 and 096', () => {
    const list = Object.keys(BIRTH_PROVINCE_CODES);
    expect(list).toHaveLength(63);
    expect(list.every((c) => /^0\d\d$/.test(c) && c >= '001' && c <= '096')).toBe(true);
  });
});

describe('checkPersonalId: soft checks give warnings, never errors', () => {
  it.each([
    ['a known province, consistent', '001099012345', {}, []],
    ['003 is no province code (the list skips it)', '003099012345', {}, ['PERSONAL_ID_PROVINCE_UNKNOWN']],
    ['097 is past the last code (Cà Mau 096)', '097099012345', {}, ['PERSONAL_ID_PROVINCE_UNKNOWN']],
    ['000', '000099012345', {}, ['PERSONAL_ID_PROVINCE_UNKNOWN']],
    ['date of birth in the same year', '001099012345', { dateOfBirth: '1999-05-20' }, []],
    ['date of birth a year off', '001099012345', { dateOfBirth: '1998-12-31' }, ['PERSONAL_ID_BIRTH_YEAR_MISMATCH']],
    [
      'same two digits, other century',
      '001099012345',
      { dateOfBirth: '2099-01-01' },
      ['PERSONAL_ID_BIRTH_YEAR_MISMATCH'],
    ],
    ['an impossible date of birth is not compared', '001099012345', { dateOfBirth: '1998-02-30' }, []],
    ['sex agrees', '001099012345', { sex: 'male' as const }, []],
    ['sex disagrees', '001099012345', { sex: 'female' as const }, ['PERSONAL_ID_SEX_MISMATCH']],
    ['born this year', '001225000001', {}, []],
    ['born next year', '001226000001', {}, ['PERSONAL_ID_BIRTH_YEAR_IN_FUTURE']],
    ['the 2100s', '001400000001', {}, ['PERSONAL_ID_BIRTH_YEAR_IN_FUTURE']],
    [
      'several at once, in a stable order',
      '099401000001',
      { dateOfBirth: '2001-01-01', sex: 'female' as const },
      [
        'PERSONAL_ID_PROVINCE_UNKNOWN',
        'PERSONAL_ID_BIRTH_YEAR_IN_FUTURE',
        'PERSONAL_ID_BIRTH_YEAR_MISMATCH',
        'PERSONAL_ID_SEX_MISMATCH',
      ],
    ],
  ])('%s', (_, id, options, expected) => {
    const r = checkPersonalId(id, { today, ...options });
    expect(r.ok).toBe(true);
    expect(codes(r)).toEqual(expected);
  });

  it('explains a mismatch in Vietnamese with both years', () => {
    const r = checkPersonalId('001099012345', { today, dateOfBirth: '1998-12-31' });
    expect(r.ok && r.warnings[0]!.message).toBe('Số định danh cho năm sinh 1999 nhưng ngày sinh khai là năm 1998.');
  });
});
