import { describe, expect, it } from 'vitest';
import { readClaims } from './vneid-claims.rules.js';

const SETTINGS = { personalIdClaim: 'so_dinh_danh', level2Acr: ['urn:vneid:loa:2'] };
const BASE = {
  sub: 'abc',
  so_dinh_danh: '089196001357',
  name: 'Trần Thị Bình',
  birthdate: '1996-07-12',
  gender: 'female',
  phone_number: '+84913001357',
  acr: 'urn:vneid:loa:2',
};

describe('readClaims', () => {
  const cases: [string, Record<string, unknown>, ReturnType<typeof readClaims>][] = [
    [
      'a level-2 identity with every claim',
      { ...BASE, address: { formatted: 'Số 12 Trần Hưng Đạo, Phường Long Xuyên' } },
      {
        ok: true,
        level: 2,
        profile: {
          personalId: '089196001357',
          fullName: 'Trần Thị Bình',
          birthDate: '1996-07-12',
          sex: 'female',
          permanentAddress: 'Số 12 Trần Hưng Đạo, Phường Long Xuyên',
          phone: '+84913001357',
        },
      },
    ],
    [
      'level 1 when acr is another value or absent; address from its parts',
      {
        ...BASE,
        acr: 'urn:vneid:loa:1',
        address: { street_address: 'Số 5 Hà Hoàng Hổ', locality: 'Phường Long Xuyên', region: 'Tỉnh An Giang' },
      },
      {
        ok: true,
        level: 1,
        profile: {
          personalId: '089196001357',
          fullName: 'Trần Thị Bình',
          birthDate: '1996-07-12',
          sex: 'female',
          permanentAddress: 'Số 5 Hà Hoàng Hổ, Phường Long Xuyên, Tỉnh An Giang',
          phone: '+84913001357',
        },
      },
    ],
    [
      'unreadable optional claims become null',
      { sub: 'abc', so_dinh_danh: '089196001357', birthdate: '12/07/1996', gender: 'x', address: 42 },
      {
        ok: true,
        level: 1,
        profile: {
          personalId: '089196001357',
          fullName: null,
          birthDate: null,
          sex: null,
          permanentAddress: null,
          phone: null,
        },
      },
    ],
    [
      'no personal identifier: refused',
      { ...BASE, so_dinh_danh: undefined },
      { ok: false, reason: 'personalIdMissing' },
    ],
    [
      'an old 9-digit card number: refused',
      { ...BASE, so_dinh_danh: '123456789' },
      { ok: false, reason: 'personalIdMissing' },
    ],
    [
      'the identifier in `sub` or the e-mail is not used to link',
      { ...BASE, so_dinh_danh: undefined, sub: '089196001357', email: 'binh@example.vn' },
      { ok: false, reason: 'personalIdMissing' },
    ],
  ];
  it.each(cases)('%s', (_name, claims, expected) => {
    expect(readClaims(claims, SETTINGS)).toEqual(expected);
  });

  it('reads the identifier from the configured claim (another provider)', () => {
    const reading = readClaims(
      { ...BASE, so_dinh_danh: undefined, cccd: '089196001357' },
      { ...SETTINGS, personalIdClaim: 'cccd' },
    );
    expect(reading.ok && reading.profile.personalId).toBe('089196001357');
  });
});
