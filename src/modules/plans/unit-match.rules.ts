/**
 * Matching the unit names a plan writes ("Phòng HCTC-QTTV", "Phòng HCTC&QTTV", "Nhà khách tỉnh",
 * "Các Phòng, ban, đơn vị") to the organisation tree: by full name, by the unit's short name, or
 * by abbreviation — the initials of the name after its head word ("Phòng Hành chính tổ chức -
 * Quản trị tài vụ" → Phòng HCTC-QTTV), as Vietnamese administrative writing abbreviates (Decree
 * 30/2020/NĐ-CP, Appendix I: abbreviations of bodies' names in documents) — and by the standing
 * abbreviations of administrative writing, expanded on both sides before comparing (UBND = Ủy ban
 * nhân dân, HĐND, VP = Văn phòng, TTPVHCC = Trung tâm Phục vụ hành chính công, TT&TT …), so "VP
 * UBND tỉnh" finds "Văn phòng Ủy ban nhân dân tỉnh" and a unit named by its abbreviation is found
 * by the full name. A plan written inside its province leaves the province's name out ("Công an
 * tỉnh", "Trung tâm PVHCC tỉnh"): a unit named "… tỉnh An Giang" also answers to "… tỉnh". In
 * "Văn phòng UBND tỉnh (Trung tâm PVHCC tỉnh)" the unit in brackets does the work: it is matched
 * first, then the one outside. A name for a class of units — "Các …", "Sở, ban, ngành tỉnh",
 * "UBND các huyện, thành phố", "UBND cấp xã" — names every unit under the issuer (a collective).
 * Units inside the issuer's subtree are preferred; two equally good candidates, or none, leave the
 * name for review.
 */

export interface CandidateUnit {
  id: string;
  name: string;
  shortName: string | null;
  /** Within the subtree of the unit that issues the plan. */
  inIssuer: boolean;
}

export type UnitMatch =
  | { kind: 'unit'; unitId: string; unitName: string }
  | { kind: 'collective' }
  | { kind: 'unmatched'; candidates: { id: string; name: string }[] };

// Compared after folding diacritics (và → va).
const CONNECTORS = new Set(['va', 'cua', 'cac', 'voi']);

/** Abbreviations as written (capitals, "&" for "và") and what they stand for. */
const ABBREVIATIONS: [string, string][] = [
  ['TTPVHCC', 'Trung tâm Phục vụ hành chính công'],
  ['TT PVHCC', 'Trung tâm Phục vụ hành chính công'],
  ['PVHCC', 'Phục vụ hành chính công'],
  ['UBND', 'Ủy ban nhân dân'],
  ['HĐND', 'Hội đồng nhân dân'],
  ['VP', 'Văn phòng'],
  ['KSTTHC', 'Kiểm soát thủ tục hành chính'],
  ['TTHC', 'thủ tục hành chính'],
  ['CCHC', 'cải cách hành chính'],
  ['TT&TT', 'Thông tin và Truyền thông'],
  ['KH&ĐT', 'Kế hoạch và Đầu tư'],
  ['KH&CN', 'Khoa học và Công nghệ'],
  ['GD&ĐT', 'Giáo dục và Đào tạo'],
  ['TN&MT', 'Tài nguyên và Môi trường'],
  ['NN&PTNT', 'Nông nghiệp và Phát triển nông thôn'],
  ['NN&MT', 'Nông nghiệp và Môi trường'],
  ['LĐ-TB&XH', 'Lao động - Thương binh và Xã hội'],
  ['VH,TT&DL', 'Văn hóa, Thể thao và Du lịch'],
  ['CNTT', 'Công nghệ thông tin'],
  ['BHXH', 'Bảo hiểm xã hội'],
];
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ABBREVIATION = new RegExp(
  `(?<![\\p{L}])(${ABBREVIATIONS.map(([a]) => escapeRegExp(a).replace(/ /g, '\\s*')).join('|')})(?![\\p{L}])`,
  'gu',
);
const FULL = new Map(ABBREVIATIONS.map(([a, full]) => [a.replace(/\s+/g, ''), full]));
/** "VP UBND tỉnh" → "Văn phòng Ủy ban nhân dân tỉnh". */
export const expandAbbreviations = (name: string) =>
  name.normalize('NFC').replace(ABBREVIATION, (a) => FULL.get(a.replace(/\s+/g, ''))!);
const HEAD =
  /^(phòng|sở|ban|văn phòng|trung tâm|chi cục|cục|nhà khách|ủy ban nhân dân|ubnd|bộ phận|đài|kho bạc|thanh tra)(?=\s|$)/u;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const key = (s: string) =>
  fold(s.normalize('NFC').toLowerCase())
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
/** The name compared in full: abbreviations expanded, connectors ("và", "của") left out. */
const fullKey = (s: string) =>
  key(expandAbbreviations(s))
    .split(' ')
    .filter((w) => !CONNECTORS.has(w))
    .join(' ');
/**
 * The keys a name answers to: in full, and without the province's name after "tỉnh" or without
 * "tỉnh …" at all ("Trung tâm Phục vụ hành chính công tỉnh An Giang" → "… công tỉnh", "… công").
 */
const keysOf = (name: string) => {
  const k = fullKey(name);
  return new Set([k, k.replace(/ tinh( [a-z]+){1,3}$/, ' tinh'), k.replace(/ tinh( [a-z]+){0,3}$/, '')]);
};
const sameName = (a: string, b: string) => {
  const theirs = keysOf(b);
  return [...keysOf(a)].some((k) => k !== '' && theirs.has(k));
};

/** "phòng" + "HCTCQTTV" for "Phòng HCTC&QTTV" or "Phòng Hành chính tổ chức - Quản trị tài vụ". */
function headAndRest(name: string): { head: string; rest: string } {
  const lower = name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  const head = HEAD.exec(lower)?.[1] ?? '';
  return { head: key(head), rest: name.normalize('NFC').trim().slice(head.length).trim() };
}

const initials = (words: string) =>
  fold(words)
    .split(/[\s\-–&,/()]+/)
    .filter((w) => w !== '' && !CONNECTORS.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
/** The letters of an abbreviation as written ("HCTC-QTTV", "HCTC&QTTV", "TT&TT"). */
const letters = (abbr: string) =>
  fold(abbr)
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();
const isAbbreviation = (s: string) => /^[\p{Lu}\d&\-–./]+$/u.test(s.replace(/\s+/g, ''));

/** A class of units, not one: "Các …", "Sở, ban, ngành", "UBND các huyện, thành phố", "… cấp huyện". */
export function isCollective(label: string): boolean {
  const text = expandAbbreviations(label).toLowerCase().replace(/\s+/g, ' ').trim();
  return (
    /^các (phòng|ban|đơn vị|sở|cơ quan|bộ phận|huyện|xã|ủy ban nhân dân)/u.test(text) ||
    /^(cơ quan|đơn vị)(, (cơ quan|đơn vị|tổ chức))* (có )?liên quan/u.test(text) ||
    /^sở, (ban|ngành)/u.test(text) ||
    /^ủy ban nhân dân (các|cấp) /u.test(text) ||
    /^ủy ban nhân dân (huyện|xã), /u.test(text) ||
    /(^| )cấp (huyện|xã)($|[ ,])/u.test(text)
  );
}

function score(label: string, unit: CandidateUnit): number {
  if (sameName(label, unit.name)) return 3;
  if (unit.shortName && sameName(label, unit.shortName)) return 3;
  const lh = headAndRest(label);
  const u = headAndRest(unit.name);
  if (lh.head !== u.head) return 0;
  if (lh.rest !== '' && isAbbreviation(lh.rest) && letters(lh.rest) === initials(u.rest)) return 2;
  if (unit.shortName && lh.rest !== '' && letters(lh.rest) === letters(headAndRest(unit.shortName).rest)) return 2;
  return 0;
}

export function matchUnit(written: string, units: readonly CandidateUnit[]): UnitMatch {
  // "- Sở Nội vụ", "Cấp tỉnh: Văn phòng UBND tỉnh": a list's dash or a level's label is not the name.
  const label = written
    .normalize('NFC')
    .replace(/^[-–•+]\s*/, '')
    .replace(/^cấp [^:]{1,20}:\s*/iu, '')
    // The head of a unit acts for it: "Chủ tịch UBND tỉnh" is the provincial committee's task.
    .replace(/^(chủ tịch|giám đốc|thủ trưởng|người đứng đầu)\s+/iu, '')
    .trim();
  const bracketed = /^(.+?)\s*\(([^()]+)\)$/.exec(label);
  if (bracketed) {
    const inner = matchUnit(bracketed[2]!, units);
    return inner.kind === 'unit' ? inner : matchUnit(bracketed[1]!, units);
  }
  if (isCollective(label)) return { kind: 'collective' };
  const scored = units.map((u) => ({ u, s: score(label, u) + (u.inIssuer ? 0.5 : 0) })).filter((x) => x.s >= 2);
  if (scored.length === 0) return { kind: 'unmatched', candidates: [] };
  const best = Math.max(...scored.map((x) => x.s));
  const top = scored.filter((x) => x.s === best);
  if (top.length > 1) return { kind: 'unmatched', candidates: top.map((x) => ({ id: x.u.id, name: x.u.name })) };
  return { kind: 'unit', unitId: top[0]!.u.id, unitName: top[0]!.u.name };
}
