/**
 * Deadline reminders of phản ánh, kiến nghị to the competent unit, as pure rules: which deadline
 * an item is measured against (the answer while handled, the publication once answered) and the
 * message, which names the item's code and due time (Vietnam time) and nothing of the submitter.
 */
import { vietnamClockText } from '../calendar/dates.js';
import type { FeedbackStatus } from './feedback.rules.js';

export const FEEDBACK_REMINDER_KINDS = [
  'answer.dueSoon',
  'answer.overdue',
  'publish.dueSoon',
  'publish.overdue',
] as const;
export type FeedbackReminderKind = (typeof FEEDBACK_REMINDER_KINDS)[number];

export function feedbackReminderKind(status: FeedbackStatus, state: 'dueSoon' | 'overdue'): FeedbackReminderKind {
  return `${status === 'answered' ? 'publish' : 'answer'}.${state}`;
}

const WHAT: Record<FeedbackReminderKind, string> = {
  'answer.dueSoon': 'sắp đến hạn trả lời',
  'answer.overdue': 'đã quá hạn trả lời',
  'publish.dueSoon': 'sắp đến hạn công khai kết quả trả lời',
  'publish.overdue': 'đã quá hạn công khai kết quả trả lời',
};

export function feedbackReminderText(code: string, kind: FeedbackReminderKind, dueAt: Date): string {
  return `MotCua: phản ánh, kiến nghị ${code} ${WHAT[kind]} (hạn ${vietnamClockText(dueAt)}).`;
}
