/**
 * Compliance of a workflow version with the province's plan (seed 002, section 3, items 1–2):
 * - "Chậm nhất sau 10 ngày kể từ ngày có quyết định Công bố TTHC": the internal workflow is
 *   approved within 10 days of the publication decision;
 * - "Chậm nhất sau 05 ngày sau khi có Quyết định phê duyệt quy trình nội bộ": it is configured
 *   (activated) in the system within 5 days of the approval.
 * Pure: dates are Vietnamese calendar dates (YYYY-MM-DD); the day counter is passed in.
 */

export type DayKind = 'calendar' | 'working';

/**
 * The plan says "ngày", not "ngày làm việc". Vietnamese legal texts write "ngày làm việc" when
 * they mean working days, so a bare "ngày" is read literally as calendar days — also the
 * stricter reading (10 calendar days never exceed 10 working days), so a version reported on
 * time is on time under either reading. Change `dayKind` to 'working' if the province reads it
 * otherwise; the computation supports both. (Not modelled: the 15-day limit when communes are
 * consulted on the draft — the plan's "Trường hợp lấy ý kiến cấp huyện, cấp xã".)
 */
export const WORKFLOW_DEADLINES = {
  approvalDays: 10,
  activationDays: 5,
  dayKind: 'calendar' as DayKind,
} as const;

export type DeadlineRule = { approvalDays: number; activationDays: number; dayKind: DayKind };

/** Days d with from < d ≤ to (negative when to < from), of the rule's kind. */
export type DaysBetween = (from: string, to: string) => number;

const DAY_MS = 86_400_000;
const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const dateOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export const calendarDaysBetween: DaysBetween = (from, to) => dayNumber(to) - dayNumber(from);

/** The last date d with between(from, d) ≤ n that is itself counted (the n-th day after `from`). */
export function nthDayAfter(from: string, n: number, between: DaysBetween): string {
  let day = dayNumber(from);
  // Working days: at most a few weeks of holidays between counted days; the loop is bounded.
  for (let i = 0; i < n * 7 + 400; i += 1) {
    day += 1;
    if (between(from, dateOf(day)) >= n) return dateOf(day);
  }
  throw new Error(`no ${n}-th day after ${from}`);
}

export interface WorkflowDates {
  /** Signed date of the publication decision the version implements; null = a revision not caused by a decision. */
  decisionSignedDate: string | null;
  approvedDate: string | null;
  activatedDate: string | null;
  /** Today in Vietnam: a step not yet done is already late once its deadline has passed. */
  today: string;
}

export interface Compliance {
  dayKind: DayKind;
  approvalDays: number;
  activationDays: number;
  approvalDeadline: string | null;
  /** true/false once approved; false when not approved and the deadline has passed; else null. */
  approvedWithinLimit: boolean | null;
  activationDeadline: string | null;
  activatedWithinLimit: boolean | null;
}

export function workflowCompliance(dates: WorkflowDates, rule: DeadlineRule, between: DaysBetween): Compliance {
  const check = (from: string | null, done: string | null, days: number) => {
    if (from === null) return { deadline: null, within: null };
    const deadline = nthDayAfter(from, days, between);
    if (done !== null) return { deadline, within: between(from, done) <= days };
    return { deadline, within: between(from, dates.today) > days ? false : null };
  };
  const approval = check(dates.decisionSignedDate, dates.approvedDate, rule.approvalDays);
  const activation = check(dates.approvedDate, dates.activatedDate, rule.activationDays);
  return {
    dayKind: rule.dayKind,
    approvalDays: rule.approvalDays,
    activationDays: rule.activationDays,
    approvalDeadline: approval.deadline,
    approvedWithinLimit: approval.within,
    activationDeadline: activation.deadline,
    activatedWithinLimit: activation.within,
  };
}
