/**
 * Matching the unit names a plan writes ("Phòng HCTC-QTTV", "Phòng HCTC&QTTV", "Nhà khách tỉnh",
 * "Các Phòng, ban, đơn vị") to the organisation tree: by full name, by the unit's short name, or
 * by abbreviation — the initials of the name after its head word ("Phòng Hành chính tổ chức -
 * Quản trị tài vụ" → Phòng HCTC-QTTV), as Vietnamese administrative writing abbreviates (Decree
 * 30/2020/NĐ-CP, Appendix I: abbreviations of bodies' names in documents). "Các …" names every
 * unit under the issuer (a collective). Units inside the issuer's subtree are preferred; two
 * equally good candidates, or none, leave the name for review.
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
const HEAD =
  /^(phòng|sở|ban|văn phòng|trung tâm|chi cục|cục|nhà khách|ủy ban nhân dân|ubnd|bộ phận|đài|kho bạc|thanh tra)(?=\s|$)/u;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const key = (s: string) =>
  fold(s.normalize('NFC').toLowerCase())
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

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

export function isCollective(label: string): boolean {
  return /^các\s+(phòng|ban|đơn vị|sở|cơ quan|bộ phận)/iu.test(label.normalize('NFC').trim());
}

function score(label: string, unit: CandidateUnit): number {
  if (key(label) === key(unit.name)) return 3;
  if (unit.shortName && key(label) === key(unit.shortName)) return 3;
  const l = headAndRest(label);
  const u = headAndRest(unit.name);
  if (l.head !== u.head) return 0;
  if (l.rest !== '' && isAbbreviation(l.rest) && letters(l.rest) === initials(u.rest)) return 2;
  if (unit.shortName && l.rest !== '' && letters(l.rest) === letters(headAndRest(unit.shortName).rest)) return 2;
  return 0;
}

export function matchUnit(label: string, units: readonly CandidateUnit[]): UnitMatch {
  if (isCollective(label)) return { kind: 'collective' };
  const scored = units.map((u) => ({ u, s: score(label, u) + (u.inIssuer ? 0.5 : 0) })).filter((x) => x.s >= 2);
  if (scored.length === 0) return { kind: 'unmatched', candidates: [] };
  const best = Math.max(...scored.map((x) => x.s));
  const top = scored.filter((x) => x.s === best);
  if (top.length > 1) return { kind: 'unmatched', candidates: top.map((x) => ({ id: x.u.id, name: x.u.name })) };
  return { kind: 'unit', unitId: top[0]!.u.id, unitName: top[0]!.u.name };
}
