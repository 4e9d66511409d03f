/**
 * Who may read an applicant's data store (kho quản lý dữ liệu điện tử của tổ chức, cá nhân,
 * Decree 45/2020/NĐ-CP art. 16), and how much (pure rules).
 *
 * The store is personal data; Decree 13/2023/NĐ-CP on personal data protection asks that it be
 * processed only for a stated purpose and no more than that purpose needs (art. 3), with the
 * data subject's consent (art. 11) or, without it, where an authority needs it to do its duty
 * (art. 17). So an officer reads a store only inside an *open read* (phiên tra cứu) on one
 * applicant, lasting one intake, with one of two bases:
 *  - `counter`: the applicant is at the counter for a procedure the officer's unit receives;
 *  - `consent`: the applicant gave the officer a one-time consent code (any receiving officer,
 *    e.g. of a unit that does not receive that procedure, or for an applicant not present).
 * Every read within it is audited with its purpose; an officer opening reads on many applicants
 * in a short time is refused and a supervisor is alarmed.
 */

import { mayReceiveFor, type UnitPlace } from '../org/receiving.rules.js';

/** How long an open read lasts: one intake at the counter. */
export const STORE_READ_MINUTES = 30;
/** How long a consent code (mã đồng ý) stays usable once issued. */
export const CONSENT_CODE_MINUTES = 10;
/**
 * Distinct applicants one officer may open reads on within BULK_READ_WINDOW_MINUTES. A busy
 * counter receives a dozen applicants an hour; more than this looks like harvesting.
 */
export const BULK_READ_LIMIT = 20;
export const BULK_READ_WINDOW_MINUTES = 60;

export type StoreReadBasis = 'counter' | 'consent';

export interface OpenRead {
  officerId: string;
  expiresAt: Date;
}

/** Whether an open read still lets this officer read (it is theirs, and it has not expired). */
export function readIsUsable(read: OpenRead, officerId: string, now: Date): boolean {
  return read.officerId === officerId && now < read.expiresAt;
}

/**
 * Whether opening a read on `applicantKey` would exceed the officer's limit, given the keys of
 * the reads they opened within the window. Returning to an applicant already read is free.
 */
export function exceedsBulkLimit(recentKeys: readonly string[], applicantKey: string, limit = BULK_READ_LIMIT) {
  const distinct = new Set(recentKeys);
  if (distinct.has(applicantKey)) return false;
  return distinct.size >= limit;
}

export interface ConsentCode {
  applicantKey: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** A consent code is good once, for its applicant, until it expires. */
export function consentCodeAccepts(code: ConsentCode, applicantKey: string, now: Date): boolean {
  return code.usedAt === null && code.applicantKey === applicantKey && now < code.expiresAt;
}

/** Units whose whole work is receiving (Bộ phận Một cửa, Decree 61/2018/NĐ-CP art. 7). */
const ONE_STOP_KINDS: readonly string[] = ['service_centre', 'commune_centre'];

/**
 * Whether a unit receives dossiers of a procedure, for a counter read: a one-stop unit, or the
 * competent unit's own line (itself, above or below it). Deliberately narrower than where intake
 * is allowed (any unit, for a location-independent procedure): a unit that does not receive
 * needs the applicant's consent code to read.
 */
export function receivesForProcedure(receiving: UnitPlace, competent: readonly UnitPlace[]): boolean {
  if (ONE_STOP_KINDS.includes(receiving.kind)) return true;
  return competent.some((c) => mayReceiveFor(receiving, c, false));
}
