import { describe, expect, it } from 'vitest';
import type { CongDan } from './ndxp-protocol.js';
import { comparableName, identityMismatches, isoDateOf, mismatchMessage } from './population.rules.js';

const record: CongDan = {
  soDinhDanh: '089196001357',
  hoVaTen: 'Trần Thị Bình',
  ngaySinh: '19950712',
  gioiTinh: '2',
  noiThuongTru: { chiTiet: 'Số 12', maXa: '30280', tenXa: 'Phường Long Xuyên', maTinh: '89', tenTinh: 'Tỉnh An Giang' },
};

describe('identityMismatches', () => {
  it.each([
    ['the same name and date', { fullName: 'Trần Thị Bình', birthDate: '1995-07-12' }, []],
    ['case and spacing differ only', { fullName: '  trần  THỊ bình ' }, []],
    ['decomposed Unicode (NFD) of the same name', { fullName: 'Trần Thị Bình'.normalize('NFD') }, []],
    ['no birth date declared', { fullName: 'Trần Thị Bình' }, []],
    ['a name without diacritics', { fullName: 'Tran Thi Binh' }, ['fullName']],
    ['a different tone mark', { fullName: 'Trần Thị Bính' }, ['fullName']],
    ['another birth date', { fullName: 'Trần Thị Bình', birthDate: '1995-12-07' }, ['birthDate']],
    ['both wrong', { fullName: 'Trần Văn Bình', birthDate: '1996-07-12' }, ['fullName', 'birthDate']],
  ])('%s', (_case, declared, expected) => {
    expect(identityMismatches(declared, record)).toEqual(expected);
  });
});

describe('helpers', () => {
  it('converts the platform date and compares names', () => {
    expect(isoDateOf('19950712')).toBe('1995-07-12');
    expect(comparableName('Nguyễn  Văn An')).toBe('nguyễn văn an');
  });

  it('names the fields in Vietnamese, never the values', () => {
    const message = mismatchMessage(['fullName', 'birthDate']);
    expect(message).toContain('họ và tên, ngày sinh');
    expect(message).not.toContain('Bình');
  });
});
