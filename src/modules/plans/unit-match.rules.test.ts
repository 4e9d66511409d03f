import { describe, expect, it } from 'vitest';
import { type CandidateUnit, expandAbbreviations, matchUnit } from './unit-match.rules.js';

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
  // The demo province's tree (demo-province.ts).
  { id: 'ubnd', name: 'Ủy ban nhân dân tỉnh An Giang', shortName: 'UBND tỉnh', inIssuer: true },
  { id: 'vp', name: 'Văn phòng Ủy ban nhân dân tỉnh', shortName: 'VP UBND tỉnh', inIssuer: true },
  { id: 'pvhcc', name: 'Trung tâm Phục vụ hành chính công tỉnh An Giang', shortName: 'TT PVHCC tỉnh', inIssuer: true },
  { id: 'nv', name: 'Sở Nội vụ', shortName: null, inIssuer: true },
  { id: 'ca', name: 'Công an tỉnh An Giang', shortName: null, inIssuer: false },
  { id: 'xa', name: 'UBND xã Mỹ Hòa Hưng', shortName: 'xã Mỹ Hòa Hưng', inIssuer: true },
  // A unit the tree names by its abbreviation: found by the full name too.
  { id: 'cntt', name: 'Trung tâm CNTT', shortName: null, inIssuer: true },
];
const unit = (id: string) => {
  const u = units.find((x) => x.id === id)!;
  return { kind: 'unit', unitId: u.id, unitName: u.name } as const;
};

describe('expandAbbreviations', () => {
  it.each<[string, string]>([
    ['VP UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh'],
    ['Văn phòng HĐND&UBND', 'Văn phòng Hội đồng nhân dân&Ủy ban nhân dân'],
    ['TT PVHCC tỉnh', 'Trung tâm Phục vụ hành chính công tỉnh'],
    ['Phòng KSTTHC', 'Phòng Kiểm soát thủ tục hành chính'],
    ['Sở TT&TT', 'Sở Thông tin và Truyền thông'],
    ['Phòng HCTC-QTTV', 'Phòng HCTC-QTTV'],
    ['Vp UBNDX', 'Vp UBNDX'],
  ])('%s → %s', (name, expected) => {
    expect(expandAbbreviations(name)).toBe(expected);
  });
});

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
    // Abbreviations and full names, both ways (seeds 000, 002, 004).
    ['Văn phòng UBND tỉnh', unit('vp')],
    ['VP UBND tỉnh', unit('vp')],
    ['Văn phòng Uỷ ban nhân dân tỉnh', unit('vp')],
    ['UBND tỉnh', unit('ubnd')],
    ['Ủy ban nhân dân tỉnh', unit('ubnd')],
    ['Trung tâm PVHCC tỉnh', unit('pvhcc')],
    ['TTPVHCC tỉnh', unit('pvhcc')],
    ['Trung tâm Phục vụ Hành chính công của tỉnh', unit('pvhcc')],
    ['Trung tâm phục vụ hành chính công', unit('pvhcc')],
    ['Trung tâm Công nghệ thông tin', unit('cntt')],
    ['Sở Nội vụ', unit('nv')],
    ['- Sở Nội vụ', unit('nv')],
    ['Sở Nội vụ tỉnh', unit('nv')],
    ['Công an tỉnh', unit('ca')],
    ['Sở Thông tin truyền thông', unit('tttt')],
    ['UBND xã Mỹ Hòa Hưng', unit('xa')],
    // The unit in brackets does the work; when it is not in the tree, the one outside.
    ['Văn phòng UBND tỉnh (Trung tâm Phục vụ Hành chính công của tỉnh)', unit('pvhcc')],
    ['Cấp tỉnh: Văn phòng UBND tỉnh (Trung tâm phục vụ hành chính công tỉnh)', unit('pvhcc')],
    ['Văn phòng UBND tỉnh (Trung tâm Công báo – Tin học)', unit('vp')],
    ['Sở Nội vụ (Ban thi đua Khen thưởng tỉnh)', unit('nv')],
    // Classes of units: every unit under the issuer.
    ['UBND các huyện, thành phố', { kind: 'collective' }],
    ['UBND cấp huyện', { kind: 'collective' }],
    ['UBND cấp xã', { kind: 'collective' }],
    ['UBND các cấp', { kind: 'collective' }],
    ['UBND xã, phường, thị trấn', { kind: 'collective' }],
    ['Văn phòng HĐND& UBND cấp huyện', { kind: 'collective' }],
    ['Sở, ban, ngành tỉnh', { kind: 'collective' }],
    ['Các Sở, ban, ngành tỉnh', { kind: 'collective' }],
    ['Sở, ngành, địa phương', { kind: 'collective' }],
    ['Cấp huyện, cấp xã: UBND cấp huyện', { kind: 'collective' }],
    ['Các UBND huyện, thị xã, thành phố', { kind: 'collective' }],
    ['Cơ quan, đơn vị có liên quan', { kind: 'collective' }],
    ['Cơ quan, tổ chức liên quan', { kind: 'collective' }],
    ['Giám đốc Sở, ban, ngành tỉnh', { kind: 'collective' }],
    ['Chủ tịch UBND tỉnh', unit('ubnd')],
    // Departments merged in 2025 (their successors are not the same name): left for review.
    ['Sở Kế hoạch và Đầu tư', { kind: 'unmatched', candidates: [] }],
    ['Tổ chức, cá nhân và chuyên gia có liên quan', { kind: 'unmatched', candidates: [] }],
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
