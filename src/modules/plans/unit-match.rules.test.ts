import { describe, expect, it } from 'vitest';
import { type CandidateUnit, matchUnit } from './unit-match.rules.js';

const units: CandidateUnit[] = [
  { id: 'hctc', name: 'Phòng Hành chính tổ chức - Quản trị tài vụ', shortName: null, inIssuer: true },
  { id: 'ks', name: 'Phòng Kiểm soát thủ tục hành chính', shortName: 'Phòng KSTTHC', inIssuer: true },
  { id: 'nk', name: 'Nhà khách tỉnh', shortName: null, inIssuer: true },
  { id: 'tttt', name: 'Sở Thông tin và Truyền thông', shortName: null, inIssuer: false },
  { id: 'tp', name: 'Sở Tư pháp', shortName: null, inIssuer: false },
  // Same initials as the office's division, but outside the issuer: the issuer's own wins.
  { id: 'other-hctc', name: 'Phòng Hành chính tư chức - Quản trị tài vụ', shortName: null, inIssuer: false },
  { id: 'a1', name: 'Phòng Tổng hợp', shortName: null, inIssuer: false },
  { id: 'a2', name: 'Phòng Tổng hợp', shortName: null, inIssuer: false },
];

describe('matchUnit', () => {
  it.each<[string, ReturnType<typeof matchUnit>]>([
    ['Phòng HCTC-QTTV', { kind: 'unit', unitId: 'hctc', unitName: units[0]!.name }],
    ['Phòng HCTC&QTTV', { kind: 'unit', unitId: 'hctc', unitName: units[0]!.name }],
    ['phòng hành chính tổ chức - quản trị tài vụ', { kind: 'unit', unitId: 'hctc', unitName: units[0]!.name }],
    ['Phòng KSTTHC', { kind: 'unit', unitId: 'ks', unitName: units[1]!.name }],
    ['Nhà khách tỉnh', { kind: 'unit', unitId: 'nk', unitName: 'Nhà khách tỉnh' }],
    ['Sở TT&TT', { kind: 'unit', unitId: 'tttt', unitName: 'Sở Thông tin và Truyền thông' }],
    ['Sở Tu phap', { kind: 'unit', unitId: 'tp', unitName: 'Sở Tư pháp' }],
    ['Các Phòng, ban, đơn vị', { kind: 'collective' }],
    ['Các Phòng, ban, đơn vị có liên quan', { kind: 'collective' }],
    ['Các đơn vị thuộc và trực thuộc Sở', { kind: 'collective' }],
    ['Sở HCTC', { kind: 'unmatched', candidates: [] }],
    ['Phòng Quản trị', { kind: 'unmatched', candidates: [] }],
    [
      'Phòng Tổng hợp',
      {
        kind: 'unmatched',
        candidates: [
          { id: 'a1', name: 'Phòng Tổng hợp' },
          { id: 'a2', name: 'Phòng Tổng hợp' },
        ],
      },
    ],
  ])('%j', (label, expected) => {
    expect(matchUnit(label, units)).toEqual(expected);
  });
});
