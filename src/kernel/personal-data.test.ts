import { describe, expect, it } from 'vitest';
import { maskPersonName, maskPersonalFields, maskPersonalId, maskPhone } from './personal-data.js';

describe('maskPersonName: first letter of each word, one star per further letter', () => {
  it.each([
    // Nguyễn has 6 letters (N-g-u-y-ễ-n), Văn 3, An 2
    ['Nguyễn Văn An', 'N***** V** A*'],
    ['Nguyễn Văn A', 'N***** V** A'], // a one-letter word stays as it is
    ['Trần Thị Bình', 'T*** T** B***'],
    ['Đặng Thùy Trâm', 'Đ*** T*** T***'],
    ['Ông Ích Khiêm', 'Ô** Í** K****'],
    ['nguyễn văn an', 'n***** v** a*'], // case is kept, not corrected
    ['  Lê   Văn  Tám ', 'L* V** T**'], // spaces collapsed
    ["H'Hen Niê", "H'*** N**"], // Ê Đê name: the apostrophe is not a letter
    ['Y-Moan Ênuôl', 'Y-**** Ê****'],
    ['Anh1', 'A***'], // a digit is masked like a letter
    ['', ''],
    ['   ', ''],
  ])('%s → %s', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });

  it('counts letters, not UTF-16 units or combining marks', () => {
    // NFD: ễ is e + U+0302 + U+0303, so "Nguyễn" is 8 units; still 5 stars
    expect(maskPersonName('Nguyễn Văn An'.normalize('NFD'))).toBe('N***** V** A*');
    // a + U+0331 (macron below) has no precomposed form: one letter with its mark → one star
    expect(maskPersonName('Ma\u0331i')).toBe('M**');
    // a letter outside the BMP is two UTF-16 units but one star
    expect(maskPersonName('A\u{2000B}\u{2000B}')).toBe('A**');
  });

  it('keeps null and undefined as null', () => {
    expect(maskPersonName(null)).toBeNull();
    expect(maskPersonName(undefined)).toBeNull();
  });
});

describe('maskPhone: last 3 digits', () => {
  it.each([
    ['0912345678', '*******678'],
    ['0912 345 678', '*******678'], // layout dropped: 10 digits, 7 stars
    ['0912.345.678', '*******678'],
    ['+84 912 345 678', '********678'], // 11 digits
    ['12', '**'],
    ['', ''],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('keeps null as null', () => {
    expect(maskPhone(null)).toBeNull();
  });
});

describe('maskPersonalId: last 4 digits', () => {
  it.each([
    ['001099012345', '********2345'],
    [' 001099012345 ', '********2345'],
    ['1234', '****'],
  ])('%s → %s', (id, masked) => {
    expect(maskPersonalId(id)).toBe(masked);
  });

  it('is what audit summaries use for personalId and phone', () => {
    expect(
      maskPersonalFields({ personalId: '001099012345', phone: '0912 345 678', fullName: 'Nguyễn Văn An' }),
    ).toEqual({
      personalId: '********2345',
      phone: '*******678',
      fullName: 'Nguyễn Văn An',
    });
  });
});
