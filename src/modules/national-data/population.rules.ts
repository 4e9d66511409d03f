/**
 * Pure rules of the population-data check at intake: whether a procedure version uses it, how a
 * declared identity compares with the population database's record, and what is recorded.
 */
import type { CongDan } from './ndxp-protocol.js';

/**
 * What the dossier records (dossiers.population_check): `verified` — the record was found and
 * matches (population data used); `notFound` — the database has no such identifier (the official
 * checks the papers); `unavailable` — the platform did not answer (recorded unverified, never lost).
 * A mismatch is not recorded: intake refuses it (422) so the declared identity is corrected.
 */
export type PopulationCheck = 'verified' | 'notFound' | 'unavailable';

/** The declared identity of a citizen applicant. */
export interface DeclaredIdentity {
  fullName: string;
  /** YYYY-MM-DD, when declared. */
  birthDate?: string | undefined;
}

export type IdentityField = 'fullName' | 'birthDate';

/**
 * A name as compared: Unicode NFC, lower case, single spaces. Diacritics count — "Lê" and "Lệ" are
 * different people's names; a name typed without them does not match the database.
 */
export const comparableName = (name: string) =>
  name.normalize('NFC').toLocaleLowerCase('vi').trim().replace(/\s+/g, ' ');

/** yyyyMMdd (the platform's) → YYYY-MM-DD. */
export const isoDateOf = (yyyymmdd: string) =>
  `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

/** The declared fields that disagree with the record (birth date only when declared). */
export function identityMismatches(declared: DeclaredIdentity, record: CongDan): IdentityField[] {
  const mismatches: IdentityField[] = [];
  if (comparableName(declared.fullName) !== comparableName(record.hoVaTen)) mismatches.push('fullName');
  if (declared.birthDate && declared.birthDate !== isoDateOf(record.ngaySinh)) mismatches.push('birthDate');
  return mismatches;
}

/** The Vietnamese explanation of a mismatch, naming the fields (never the values: personal data). */
export function mismatchMessage(fields: readonly IdentityField[]): string {
  const names = fields.map((f) => (f === 'fullName' ? 'họ và tên' : 'ngày sinh'));
  return `Thông tin người nộp không khớp với Cơ sở dữ liệu quốc gia về dân cư (${names.join(', ')}); đề nghị kiểm tra lại giấy tờ tùy thân và sửa thông tin khai báo.`;
}
