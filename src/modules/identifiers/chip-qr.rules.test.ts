import { describe, expect, it } from 'vitest';
import { parseChipQr } from './chip-qr.rules.js';

const today = '2025-10-01';
const ADDRESS = 'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội';

/** A card's QR text with one or more fields replaced. */
function qr(
  over: Partial<Record<'id' | 'oldId' | 'name' | 'birth' | 'sex' | 'address' | 'issued', string>> = {},
): string {
  const f = {
    id: '001099012345',
    oldId: '123456789',
    name: 'Nguyễn Văn An',
    birth: '20051999',
    sex: 'Nam',
    address: ADDRESS,
    issued: '15082021',
    ...over,
  };
  return [f.id, f.oldId, f.name, f.birth, f.sex, f.address, f.issued].join('|');
}

describe('parseChipQr: readable cards', () => {
  it('parses every field', () => {
    expect(parseChipQr(qr(), { today })).toEqual({
      ok: true,
      value: {
        idNumber: '001099012345',
        oldIdNumber: '123456789',
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '1999-05-20',
        sex: 'male',
        address: ADDRESS,
        issuedOn: '2021-08-15',
      },
      warnings: [],
    });
  });

  it('turns an empty old id into null', () => {
    const r = parseChipQr('079301000123||Trần Thị Bình|01012001|Nữ|Quận 1, TP. Hồ Chí Minh|10102022', { today });
    expect(r.ok && r.value).toEqual({
      idNumber: '079301000123',
      oldIdNumber: null,
      fullName: 'Trần Thị Bình',
      dateOfBirth: '2001-01-01',
      sex: 'female',
      address: 'Quận 1, TP. Hồ Chí Minh',
      issuedOn: '2022-10-10',
    });
  });

  it('normalises decomposed Unicode (NFD from some scanners) to NFC', () => {
    const r = parseChipQr(
      qr({ name: 'Nguyễn Văn An'.normalize('NFD'), address: ADDRESS.normalize('NFD') }).normalize('NFD'),
      { today },
    );
    expect('Nguyễn Văn An'.normalize('NFC')).toBe('Nguyễn Văn An'); // the expectation itself is NFC
    expect(r.ok && [r.value.fullName, r.value.address]).toEqual(['Nguyễn Văn An', ADDRESS]);
    expect(r.ok && r.value.fullName.length).toBe(13);
  });

  it('trims every field and collapses runs of spaces in the name and address', () => {
    const r = parseChipQr(
      ` 001099012345 | 123456789 |  Nguyễn  Văn An | 20051999 | Nam | Số 1  Tràng Tiền, Hoàn Kiếm, Hà Nội | 15082021 \r\n`,
      { today },
    );
    expect(r.ok && r.value).toMatchObject({
      idNumber: '001099012345',
      oldIdNumber: '123456789',
      fullName: 'Nguyễn Văn An',
      address: ADDRESS,
      issuedOn: '2021-08-15',
    });
  });

  it.each([
    ['Nam', 'male'],
    ['nam', 'male'],
    ['NAM', 'male'],
    ['Nữ', 'female'],
    ['NỮ', 'female'],
    ['Nữ'.normalize('NFD'), 'female'],
    ['Nu', 'female'],
    ['nu', 'female'],
  ])('sex word %s → %s', (sex, expected) => {
    const r = parseChipQr(qr({ sex }), { today });
    expect(r.ok && r.value.sex).toBe(expected);
  });

  it.each([
    ['a 12-digit old id', { oldId: '001099012345' }],
    ['29 Feb of a leap year', { id: '001200012345', birth: '29022000' }],
    ['issued on the day of birth', { issued: '20051999' }],
    ['issued today', { issued: '01102025' }],
  ])('accepts %s', (_, over) => {
    expect(parseChipQr(qr(over), { today }).ok).toBe(true);
  });

  it('warns (does not refuse) when the identifier disagrees with the card', () => {
    const r = parseChipQr(qr({ birth: '20051998', sex: 'Nữ' }), { today });
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual([
      'PERSONAL_ID_BIRTH_YEAR_MISMATCH',
      'PERSONAL_ID_SEX_MISMATCH',
    ]);
  });
});

describe('parseChipQr: malformed text names the bad field', () => {
  it.each([
    ['empty text', '', 'text', 'CHIP_QR_EMPTY'],
    ['blank text', ' \n ', 'text', 'CHIP_QR_EMPTY'],
    ['6 fields', '001099012345|123456789|Nguyễn Văn An|20051999|Nam|15082021', 'text', 'CHIP_QR_PART_COUNT'],
    ['8 fields (trailing bar)', `${qr()}|`, 'text', 'CHIP_QR_PART_COUNT'],
    ['no separators', 'Nguyễn Văn An', 'text', 'CHIP_QR_PART_COUNT'],
    ['missing id', qr({ id: '' }), 'idNumber', 'PERSONAL_ID_EMPTY'],
    ['id with a letter', qr({ id: '00109901234O' }), 'idNumber', 'PERSONAL_ID_NOT_DIGITS'],
    ['id of 11 digits', qr({ id: '00109901234' }), 'idNumber', 'PERSONAL_ID_LENGTH'],
    ['old id of 5 digits', qr({ oldId: '12345' }), 'oldIdNumber', 'CHIP_QR_OLD_ID_FORMAT'],
    ['old id with letters', qr({ oldId: 'B12345678' }), 'oldIdNumber', 'CHIP_QR_OLD_ID_FORMAT'],
    ['empty name', qr({ name: '' }), 'fullName', 'CHIP_QR_NAME_EMPTY'],
    ['blank name', qr({ name: '   ' }), 'fullName', 'CHIP_QR_NAME_EMPTY'],
    ['birth date of 7 digits', qr({ birth: '2005199' }), 'dateOfBirth', 'CHIP_QR_DATE_FORMAT'],
    ['birth date in ISO form', qr({ birth: '1999-05-20' }), 'dateOfBirth', 'CHIP_QR_DATE_FORMAT'],
    ['birth date with slashes', qr({ birth: '20/05/1999' }), 'dateOfBirth', 'CHIP_QR_DATE_FORMAT'],
    ['31 February', qr({ birth: '31021999' }), 'dateOfBirth', 'CHIP_QR_DATE_INVALID'],
    ['29 February of a common year', qr({ birth: '29021999' }), 'dateOfBirth', 'CHIP_QR_DATE_INVALID'],
    ['month 13', qr({ birth: '20131999' }), 'dateOfBirth', 'CHIP_QR_DATE_INVALID'],
    ['day 00', qr({ birth: '00051999' }), 'dateOfBirth', 'CHIP_QR_DATE_INVALID'],
    ['born tomorrow', qr({ birth: '02102025' }), 'dateOfBirth', 'CHIP_QR_DATE_IN_FUTURE'],
    ['English sex word', qr({ sex: 'Male' }), 'sex', 'CHIP_QR_SEX_UNKNOWN'],
    ['empty sex', qr({ sex: '' }), 'sex', 'CHIP_QR_SEX_UNKNOWN'],
    ['sex as a letter', qr({ sex: 'M' }), 'sex', 'CHIP_QR_SEX_UNKNOWN'],
    ['31 April issue date', qr({ issued: '31042021' }), 'issuedOn', 'CHIP_QR_DATE_INVALID'],
    ['issue date of 6 digits', qr({ issued: '150821' }), 'issuedOn', 'CHIP_QR_DATE_FORMAT'],
    ['issued tomorrow', qr({ issued: '02102025' }), 'issuedOn', 'CHIP_QR_DATE_IN_FUTURE'],
    ['issued the day before birth', qr({ issued: '19051999' }), 'issuedOn', 'CHIP_QR_ISSUED_BEFORE_BIRTH'],
  ])('%s → %s %s', (_, text, field, code) => {
    const r = parseChipQr(text, { today });
    expect(r.ok ? 'ok' : { field: r.error.field, code: r.error.code }).toEqual({ field, code });
  });

  it.each([
    [qr({ birth: '31021999' }), 'Ngày sinh: ngày 31/02/1999 không tồn tại.'],
    [qr({ issued: '19051999' }), 'Ngày cấp: ngày cấp trước ngày sinh.'],
    [qr({ sex: 'Male' }), 'Giới tính: phải là "Nam" hoặc "Nữ", nhận được "Male".'],
    [`${qr()}|`, 'Mã QR: phải có 7 trường ngăn cách bởi dấu "|", nhận được 8.'],
    [qr({ id: '00109901234' }), 'Số định danh cá nhân phải gồm đúng 12 chữ số (đang có 11).'],
  ])('says what is wrong in Vietnamese: %s', (text, message) => {
    const r = parseChipQr(text, { today });
    expect(r.ok || r.error.message).toBe(message);
  });
});
