import { describe, expect, it } from 'vitest';
import {
  certificationStatement,
  isCertificationField,
  registerBook,
  registerReference,
  registerYear,
  STATEMENT_HEADING,
} from './certified-copy.rules.js';

describe('the certification register', () => {
  it.each([
    [1, 2026, '1 - Quyển số 01/2026-SCT/BS'],
    [12, 2026, '12 - Quyển số 01/2026-SCT/BS'],
    [1234, 2027, '1234 - Quyển số 01/2027-SCT/BS'],
  ])('entry %i of %i is cited "%s"', (number, year, reference) => {
    expect(registerReference(number, year)).toBe(reference);
    expect(reference.endsWith(registerBook(year))).toBe(true);
  });

  it.each([
    ['2026-12-31T16:59:59Z', 2026], // 23:59:59 on 31/12 in Vietnam
    ['2026-12-31T17:00:00Z', 2027], // 00:00 on 01/01 in Vietnam: the new year's book
    ['2026-01-01T00:00:00Z', 2026],
  ])('an instant %s is entered in the book of %i (Vietnam time)', (at, year) => {
    expect(registerYear(new Date(at))).toBe(year);
  });
});

describe('the certification statement (lời chứng)', () => {
  const base = {
    number: 12,
    year: 2026,
    pages: 3,
    certifiedAt: new Date('2026-02-05T02:00:00Z'),
    place: 'An Giang',
    certifier: { name: 'Lê Thị Hồng' },
  };

  it.each([
    ['the form sentence', 0, 'Chứng thực bản sao đúng với bản chính.'],
    ['number and book', 1, 'Số chứng thực: 12    Quyển số: 01/2026-SCT/BS'],
    [
      'pages of the copy',
      2,
      'Bản sao gồm 3 trang, là bản sao điện tử được chụp từ bản chính và đối chiếu với bản chính.',
    ],
    ['place and date (Decree 30: leading zero for day and months 1–2)', 3, 'An Giang, ngày 05 tháng 02 năm 2026'],
  ])('says %s', (_what, index, text) => {
    expect(certificationStatement(base).lines[index]).toBe(text);
  });

  it.each([
    [undefined, STATEMENT_HEADING],
    ['  ', STATEMENT_HEADING],
    ['Phó Chủ tịch Ủy ban nhân dân xã', 'PHÓ CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ'],
  ])('is signed under the title %j → %s, with the certifier’s name', (title, heading) => {
    const { signer, title: formTitle } = certificationStatement({ ...base, certifier: { name: 'Lê Thị Hồng', title } });
    expect(formTitle).toBe('LỜI CHỨNG');
    expect(signer).toMatchObject({ title: heading, name: 'Lê Thị Hồng' });
  });
});

describe('which dossiers are certifications', () => {
  it.each([
    ['CT', true],
    ['HT', false],
    [null, false],
    [undefined, false],
  ])('field %j → %s', (field, expected) => {
    expect(isCertificationField(field, ['CT'])).toBe(expected);
  });
});
