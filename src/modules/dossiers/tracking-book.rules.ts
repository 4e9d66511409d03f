/**
 * Mẫu số 07 — Sổ theo dõi hồ sơ (dossier tracking book): what each row of the book says, as pure
 * functions of plain data. The query (tracking-book.query.ts) gathers the facts, the workbook
 * (tracking-book.xlsx.ts) lays them out. Times are instants shown in Asia/Ho_Chi_Minh
 * (UTC+7, no DST) as `dd/MM/yyyy HH:mm`, by arithmetic: no dependence on the server's zone.
 */
import { dayIndex, DAY_MS, fromVietnamLocalMs } from '../calendar/dates.js';
import { vnParts } from '../documents/vn-format.js';
import { type Applicant, applicantName } from './applicant.schema.js';
import { STATUS_LABELS } from './public-lookup.rules.js';
import type { DossierStatus } from './status.rules.js';

type Outcome = 'early' | 'onTime' | 'late';

/** The facts one row is made of. */
export interface TrackingBookSource {
  code: string;
  status: DossierStatus;
  applicant: Applicant;
  procedureName: string;
  competentUnitName: string;
  receivedAt: Date | null;
  appointmentAt: Date | null;
  /** Ngày, giờ chuyển hồ sơ: when it first left the one-stop step (see firstForwardAt). */
  forwardedAt: Date | null;
  /** Set when processing ended, for any ending (processed, refused, withdrawn, stopped). */
  completedAt: Date | null;
  returnedAt: Date | null;
  outcome: Outcome | null;
}

/** One row of the book, cell by cell (STT is the row's place, added by the workbook). */
export interface TrackingBookRow {
  code: string;
  procedureName: string;
  /** Số lượng hồ sơ: one dossier per row; a number so the total row can SUM it. */
  count: 1;
  applicantName: string;
  contact: string;
  competentUnitName: string;
  receivedAt: string;
  appointmentAt: string;
  forwardedAt: string;
  resultReceivedAt: string;
  returnedAt: string;
  /** Ký nhận: left empty for the applicant's signature on the printed book. */
  signature: '';
  note: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `dd/MM/yyyy HH:mm` in Vietnam time; empty for a time that has not happened. */
export function vnStamp(instant: Date | null): string {
  if (!instant) return '';
  const { year, month, day, hour, minute } = vnParts(instant);
  return `${pad2(day)}/${pad2(month)}/${year} ${pad2(hour)}:${pad2(minute)}`;
}

/** "2026-03-01" → "01/03/2026" (the period line under the title). */
export function vnIsoDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

const OUTCOME_LABELS: Record<Outcome, string> = { early: 'Trước hạn', onTime: 'Đúng hạn', late: 'Trễ hạn' };

/**
 * Endings the book names in the officers' short words rather than the portal's status label
 * ("Không được tiếp nhận", "Công dân yêu cầu rút hồ sơ" are too long for a note cell).
 */
const ENDING_LABELS: Partial<Record<DossierStatus, string>> = {
  refused: 'Từ chối',
  withdrawn: 'Rút hồ sơ',
  stopped: 'Dừng xử lý',
};

/**
 * Ghi chú: the status, then how it ended against the appointment when it has ended. Refusals and
 * withdrawals keep their outcome too: docs/domain/DOMAIN.md §4 counts any ending at or before the appointment
 * as on time, and the book should agree with the indicators.
 */
export function trackingNote(status: DossierStatus, outcome: Outcome | null): string {
  return [ENDING_LABELS[status] ?? STATUS_LABELS[status], outcome ? OUTCOME_LABELS[outcome] : null]
    .filter(Boolean)
    .join('; ');
}

/** Địa chỉ, số điện thoại: the address, then the phone; whichever the applicant gave. */
export function contactOf(applicant: Applicant): string {
  return [applicant.address, applicant.phone ? `ĐT: ${applicant.phone}` : undefined].filter(Boolean).join('; ');
}

export function trackingBookRow(s: TrackingBookSource): TrackingBookRow {
  // Ngày, giờ nhận kết quả = when the one-stop got the result back from the competent unit: only
  // a dossier that was processed has one (completedAt of a refusal is not a result).
  const hasResult = s.status === 'processed' || s.status === 'returned';
  return {
    code: s.code,
    procedureName: s.procedureName,
    count: 1,
    applicantName: applicantName(s.applicant),
    contact: contactOf(s.applicant),
    competentUnitName: s.competentUnitName,
    receivedAt: vnStamp(s.receivedAt),
    appointmentAt: vnStamp(s.appointmentAt),
    forwardedAt: vnStamp(s.forwardedAt),
    resultReceivedAt: hasResult ? vnStamp(s.completedAt) : '',
    returnedAt: vnStamp(s.returnedAt),
    signature: '',
    note: trackingNote(s.status, s.outcome),
  };
}

/**
 * Ngày, giờ chuyển hồ sơ: of a dossier's 'forward' events, the earliest that left the workflow's
 * first step (the one-stop's reception); if none did (a workflow that starts elsewhere, or an
 * unreadable start), the earliest forward at all.
 */
export function firstForwardAt(
  forwards: readonly { stepKey: string | null; occurredAt: Date }[],
  startStepKey: string | null,
): Date | null {
  const earliest = (list: readonly { occurredAt: Date }[]) =>
    list.reduce<Date | null>((min, e) => (min === null || e.occurredAt < min ? e.occurredAt : min), null);
  return earliest(forwards.filter((e) => startStepKey !== null && e.stepKey === startStepKey)) ?? earliest(forwards);
}

/** The longest period one book covers: a leap year, both ends included. */
export const MAX_PERIOD_DAYS = 366;

export type PeriodProblem = 'TRACKING_BOOK_PERIOD_REVERSED' | 'TRACKING_BOOK_PERIOD_TOO_LONG';

/** Why a period cannot be a book (dates are valid YYYY-MM-DD, checked by the schema), or null. */
export function periodProblem(from: string, to: string): PeriodProblem | null {
  const days = dayIndex(to) - dayIndex(from) + 1;
  if (days < 1) return 'TRACKING_BOOK_PERIOD_REVERSED';
  return days > MAX_PERIOD_DAYS ? 'TRACKING_BOOK_PERIOD_TOO_LONG' : null;
}

/** The instants [start, end) of Vietnam dates from..to inclusive: 00:00 of `from` to 00:00 after `to`. */
export function periodBounds(from: string, to: string): { start: Date; end: Date } {
  return { start: fromVietnamLocalMs(dayIndex(from) * DAY_MS), end: fromVietnamLocalMs((dayIndex(to) + 1) * DAY_MS) };
}
