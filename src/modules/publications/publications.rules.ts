/**
 * Which publications are due on a Vietnam date, as pure functions.
 *
 * - The **late list** of reporting month M−1 (21st of M−2 → 20th of M−1) and the **monthly 766
 *   index** of the same reporting month are due from the configured day D of month M (seed 002,
 *   item "Công khai danh sách cơ quan, đơn vị, cán bộ, công chức, viên chức giải quyết chậm, muộn
 *   hồ sơ…": "Ngày 05 hàng tháng", to be done by "tính năng công khai tự động"). By then the month
 *   closed on the 20th has had D + 10 days for the units' corrections.
 * - The **weekly 766 index** of the ISO week before the date's week is due from that week's
 *   Monday (seed 002 item 7: "Định kỳ tháng, tuần các đơn vị công khai kết quả đánh giá").
 * A due publication not yet made is made at the next run (a missed run catches up); one already
 * made is never made again, so the snapshot stays as first published.
 */
import { addDays } from '../calendar/dates.js';
import { isoWeekOf, parsePeriod, type Period } from '../kpi/periods.rules.js';

/** What a publication publishes. */
export const PUBLICATION_KINDS = ['late-list', 'index-week', 'index-month'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

/** Who a one-stop directory entry is: the department's head, a deputy, or a staff member. */
export const DIRECTORY_ROLES = ['head', 'deputy', 'staff'] as const;
export type DirectoryRole = (typeof DIRECTORY_ROLES)[number];

export interface DuePublication {
  kind: PublicationKind;
  period: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The reporting month before the calendar month of `date` (2026-12-05 → 2026-11). */
export function previousReportingMonth(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${pad2(m - 1)}`;
}

/** The ISO week before the week holding `date`, as 2026-W48. */
export function previousWeek(date: string): string {
  const [y, w] = isoWeekOf(addDays(date, -7));
  return `${y}-W${pad2(w)}`;
}

/** What is due on `today` (a Vietnam date) with the late list published on day `day` of the month. */
export function duePublications(today: string, day: number): DuePublication[] {
  const due: DuePublication[] = [{ kind: 'index-week', period: previousWeek(today) }];
  if (Number(today.slice(8, 10)) >= day) {
    const month = previousReportingMonth(today);
    due.push({ kind: 'late-list', period: month }, { kind: 'index-month', period: month });
  }
  return due;
}

/** The kind a period's text names for the index: a week or a reporting month; null otherwise. */
export function indexKindOf(period: string): { kind: 'index-week' | 'index-month'; period: Period } | null {
  const parsed = /^\d{4}-W\d{2}$/.test(period) || /^\d{4}-\d{2}$/.test(period) ? parsePeriod(period) : null;
  if (!parsed) return null;
  return { kind: period.includes('W') ? 'index-week' : 'index-month', period: parsed };
}

/** A reporting month's text (2026-11) parsed; null when it names none. */
export function monthPeriod(period: string): Period | null {
  return /^\d{4}-\d{2}$/.test(period) ? parsePeriod(period) : null;
}

/**
 * A late dossier's code as published. The code is the key of the public lookup (tra cứu, no
 * login), which shows the applicant's masked name and the dossier's steps: a published list with
 * whole codes would be an index of other people's dossiers. The last four characters stay (the
 * applicant, who knows the code, finds theirs); the rest is hidden before the snapshot is made,
 * so no page, export or API answer of the publication can leak it.
 */
export function maskDossierCode(code: string): string {
  const keep = Math.min(4, Math.floor(code.length / 2));
  return '•'.repeat(Math.max(code.length - keep, 0)) + code.slice(code.length - keep);
}
