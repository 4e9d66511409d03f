import { describe, expect, it } from 'vitest';
import { FEEDBACK_STATUSES } from './feedback.rules.js';
import { FEEDBACK_REMINDER_KINDS, feedbackReminderKind, feedbackReminderText } from './reminders.rules.js';

describe('feedbackReminderKind', () => {
  it.each(FEEDBACK_STATUSES.map((status) => [status, status === 'answered' ? 'publish' : 'answer']))(
    '%s is measured against the %s deadline',
    (status, deadline) => {
      expect(feedbackReminderKind(status, 'dueSoon')).toBe(`${deadline}.dueSoon`);
      expect(feedbackReminderKind(status, 'overdue')).toBe(`${deadline}.overdue`);
    },
  );
});

describe('feedbackReminderText', () => {
  const due = new Date('2026-11-25T09:00:00Z'); // 16:00 Vietnam time
  it.each([
    ['answer.dueSoon', 'MotCua: phản ánh, kiến nghị PAKN-000123 sắp đến hạn trả lời (hạn 16:00 25/11/2026).'],
    ['answer.overdue', 'MotCua: phản ánh, kiến nghị PAKN-000123 đã quá hạn trả lời (hạn 16:00 25/11/2026).'],
    [
      'publish.dueSoon',
      'MotCua: phản ánh, kiến nghị PAKN-000123 sắp đến hạn công khai kết quả trả lời (hạn 16:00 25/11/2026).',
    ],
    [
      'publish.overdue',
      'MotCua: phản ánh, kiến nghị PAKN-000123 đã quá hạn công khai kết quả trả lời (hạn 16:00 25/11/2026).',
    ],
  ] as const)('%s', (kind, text) => {
    expect(feedbackReminderText('PAKN-000123', kind, due)).toBe(text);
  });
  it('has a text for every kind', () => {
    expect(new Set(FEEDBACK_REMINDER_KINDS.map((k) => feedbackReminderText('C', k, due))).size).toBe(
      FEEDBACK_REMINDER_KINDS.length,
    );
  });
  it('shows the Vietnam date when UTC is still the day before', () => {
    expect(feedbackReminderText('C', 'answer.dueSoon', new Date('2026-11-24T17:05:00Z'))).toContain(
      '(hạn 00:05 25/11/2026)',
    );
  });
});
