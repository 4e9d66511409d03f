/**
 * Phản ánh, kiến nghị as pure rules: the statuses and what each action does to them, the
 * deadlines (from the calendar module's arithmetic), which deadline an item is measured against
 * now, and the index's "unsatisfied" rule (docs/domain/DOMAIN.md §9). Who may act is decided by the service
 * with the policy.
 */
import { addWorkingTime, type WorkingCalendar } from '../calendar/calendar.rules.js';
import { dueOutcome, type Timeliness, timeState, type TimeState } from '../dossiers/deadline.rules.js';

export const FEEDBACK_CHANNELS = ['portal', 'counter', 'phone', 'mail'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

/** Quy định hành chính (regulation, policy, procedure) vs hành vi của cán bộ (official conduct). */
export const FEEDBACK_CATEGORIES = ['regulation', 'conduct'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export const FEEDBACK_STATUSES = [
  'received', // đã tiếp nhận, chờ phân loại và chuyển xử lý
  'routed', // đã phân loại, chuyển đơn vị có thẩm quyền
  'awaitingSupplement', // chờ người phản ánh bổ sung thông tin (the clock is stopped)
  'refused', // từ chối tiếp nhận xử lý
  'answered', // đã có văn bản trả lời, chờ công khai
  'published', // đã công khai trên Cổng
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_ACTIONS = [
  'classify', // phân loại và chuyển đơn vị có thẩm quyền (provincial office)
  'transfer', // chuyển đơn vị khác
  'requestSupplement', // yêu cầu bổ sung (at most once, within its limit)
  'supply', // người phản ánh đã bổ sung
  'refuse', // từ chối tiếp nhận xử lý
  'answer', // trả lời
  'publish', // công khai kết quả trả lời
] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

export interface FeedbackState {
  status: FeedbackStatus;
  unitId: string | null;
  supplementCount: number;
}

export type FeedbackTransition = { ok: true; toStatus: FeedbackStatus } | { ok: false; message: string };

const no = (message: string): FeedbackTransition => ({ ok: false, message });

export function feedbackTransition(action: FeedbackAction, state: FeedbackState): FeedbackTransition {
  const { status } = state;
  switch (action) {
    case 'classify':
      return status === 'received' ? { ok: true, toStatus: 'routed' } : no('Chỉ phân loại phản ánh mới tiếp nhận');
    case 'transfer':
      return status === 'routed'
        ? { ok: true, toStatus: 'routed' }
        : no('Chỉ chuyển phản ánh đang xử lý tại một đơn vị');
    case 'requestSupplement':
      if (status !== 'received' && status !== 'routed') return no('Chỉ yêu cầu bổ sung phản ánh đang xử lý');
      return state.supplementCount > 0
        ? no('Chỉ yêu cầu bổ sung một lần')
        : { ok: true, toStatus: 'awaitingSupplement' };
    case 'supply':
      if (status !== 'awaitingSupplement') return no('Phản ánh không chờ bổ sung');
      return { ok: true, toStatus: state.unitId ? 'routed' : 'received' };
    case 'refuse':
      return status === 'received' || status === 'routed'
        ? { ok: true, toStatus: 'refused' }
        : no('Chỉ từ chối phản ánh đang xử lý');
    case 'answer':
      return status === 'routed'
        ? { ok: true, toStatus: 'answered' }
        : no('Chỉ trả lời phản ánh đã chuyển đơn vị xử lý');
    case 'publish':
      return status === 'answered' ? { ok: true, toStatus: 'published' } : no('Chỉ công khai phản ánh đã có trả lời');
  }
}

export function possibleFeedbackActions(state: FeedbackState): FeedbackAction[] {
  return FEEDBACK_ACTIONS.filter((a) => feedbackTransition(a, state).ok);
}

/** Actions that need a text: the reason, the request, what was supplied, the answer. */
export const NOTE_REQUIRED: readonly FeedbackAction[] = ['transfer', 'requestSupplement', 'supply', 'refuse', 'answer'];

/** Time limits in working days (docs/domain/DOMAIN.md §6, configurable: env FEEDBACK_*_WORKING_DAYS). */
export interface FeedbackLimits {
  refuse: number;
  supplement: number;
  answer: number;
  publish: number;
}
export const DEFAULT_FEEDBACK_LIMITS: FeedbackLimits = { refuse: 2, supplement: 5, answer: 15, publish: 2 };

/** The limits that start at receipt. */
export function receiptDeadlines(cal: WorkingCalendar, receivedAt: Date, limits: FeedbackLimits) {
  return {
    refuseDueAt: addWorkingTime(cal, receivedAt, limits.refuse, 'workingDays'),
    supplementDueAt: addWorkingTime(cal, receivedAt, limits.supplement, 'workingDays'),
    answerDueAt: addWorkingTime(cal, receivedAt, limits.answer, 'workingDays'),
  };
}

export function publishDeadline(cal: WorkingCalendar, answeredAt: Date, limits: FeedbackLimits): Date {
  return addWorkingTime(cal, answeredAt, limits.publish, 'workingDays');
}

export interface DeadlineFacts {
  status: FeedbackStatus;
  answerDueAt: Date;
  publishDueAt: Date | null;
}

/**
 * The deadline an item is measured against now: the answer while it is being handled, the
 * publication once answered; none while the submitter is awaited or once it is over.
 */
export function currentDue(item: DeadlineFacts): Date | null {
  if (item.status === 'received' || item.status === 'routed') return item.answerDueAt;
  if (item.status === 'answered') return item.publishDueAt;
  return null;
}

export function feedbackTimeState(item: DeadlineFacts, now: Date, dueSoonBy: Date): TimeState | null {
  const due = currentDue(item);
  return due ? timeState(due, now, dueSoonBy) : null;
}

/** The limit an action is measured against, if it has one (refuse ≤ 2, supplement ≤ 5, …). */
export function actionDue(
  action: FeedbackAction,
  item: { refuseDueAt: Date; supplementDueAt: Date; answerDueAt: Date; publishDueAt: Date | null },
): Date | null {
  switch (action) {
    case 'refuse':
      return item.refuseDueAt;
    case 'requestSupplement':
      return item.supplementDueAt;
    case 'answer':
      return item.answerDueAt;
    case 'publish':
      return item.publishDueAt;
    default:
      return null;
  }
}

export function actionOutcome(at: Date, due: Date | null): Timeliness | null {
  return due ? dueOutcome(at, due) : null;
}

export interface SatisfactionFacts {
  likes: number;
  dislikes: number;
  complaints: number;
  /** Handling ended late, or is still open past its due time. */
  overdue: boolean;
}

/**
 * docs/domain/DOMAIN.md §9: a feedback item is unsatisfied if dislikes > likes, overdue, or complained again.
 */
export function isUnsatisfied(f: SatisfactionFacts): boolean {
  return f.dislikes > f.likes || f.overdue || f.complaints > 0;
}

/** Late or overdue, for the rule above: ended late, or open past the deadline it stands against. */
export function isOverdue(
  item: DeadlineFacts & { outcome: Timeliness | null; publishOutcome: Timeliness | null },
  now: Date,
): boolean {
  if (item.outcome === 'late' || item.publishOutcome === 'late') return true;
  const due = currentDue(item);
  return due !== null && due.getTime() < now.getTime();
}

/** The public code of the n-th item. */
export function feedbackCode(n: number): string {
  return `PAKN-${String(n).padStart(6, '0')}`;
}
