import { describe, expect, it } from 'vitest';
import { apologyDue, apologyReminderText, dossierOutcome, dueOutcome, timeState } from './deadline.rules.js';

// 2026-11-25 16:00 Vietnam time = 09:00 UTC.
const due = new Date('2026-11-25T09:00:00Z');
const at = (iso: string) => new Date(iso);

describe('dueOutcome', () => {
  it.each([
    ['the day before (Vietnam), late evening', '2026-11-24T16:59:59Z', 'early'],
    ['the due day from 00:00 Vietnam time', '2026-11-24T17:00:00Z', 'onTime'],
    ['the due instant itself', '2026-11-25T09:00:00Z', 'onTime'],
    ['one second after', '2026-11-25T09:00:01Z', 'late'],
  ])('%s → %s', (_what, finished, expected) => {
    expect(dueOutcome(at(finished), due)).toBe(expected);
  });
});

describe('dossierOutcome', () => {
  it('measures against the legal due time', () => {
    expect(dossierOutcome(at('2026-11-20T02:00:00Z'), due, 0)).toBe('early');
    expect(dossierOutcome(at('2026-11-26T02:00:00Z'), due, 1)).toBe('late');
  });
  it('counts a second supplement request as late whatever the dates', () => {
    expect(dossierOutcome(at('2026-11-20T02:00:00Z'), due, 2)).toBe('late');
  });
  it('has no outcome for a dossier never received', () => {
    expect(dossierOutcome(at('2026-11-20T02:00:00Z'), null, 0)).toBeNull();
  });
});

describe('timeState', () => {
  const now = at('2026-11-24T02:00:00Z');
  const dueSoonBy = at('2026-11-25T02:00:00Z');
  it.each([
    ['passed', '2026-11-24T01:59:59Z', 'overdue'],
    ['now', '2026-11-24T02:00:00Z', 'dueSoon'],
    ['at the due-soon limit', '2026-11-25T02:00:00Z', 'dueSoon'],
    ['after it', '2026-11-25T02:00:01Z', 'withinTime'],
  ])('%s → %s', (_what, dueAt, expected) => {
    expect(timeState(at(dueAt), now, dueSoonBy)).toBe(expected);
  });
});

describe('apologyDue', () => {
  const now = at('2026-11-24T02:00:00Z');
  const dueSoonBy = at('2026-11-25T02:00:00Z');
  const soon = at('2026-11-24T09:00:00Z');
  const base = { finished: false, paused: false, appointmentAt: soon, lastExtendedTo: null };
  it('is due for a running dossier due soon or overdue without a letter', () => {
    expect(apologyDue(base, now, dueSoonBy)).toBe(true);
    expect(apologyDue({ ...base, appointmentAt: at('2026-11-20T09:00:00Z') }, now, dueSoonBy)).toBe(true);
  });
  it('is not due while there is time, when finished, or while the applicant is awaited', () => {
    expect(apologyDue({ ...base, appointmentAt: at('2026-12-01T09:00:00Z') }, now, dueSoonBy)).toBe(false);
    expect(apologyDue({ ...base, finished: true }, now, dueSoonBy)).toBe(false);
    expect(apologyDue({ ...base, paused: true }, now, dueSoonBy)).toBe(false);
    expect(apologyDue({ ...base, appointmentAt: null }, now, dueSoonBy)).toBe(false);
  });
  it('is settled by a letter that set the current appointment, and due again when that one nears', () => {
    expect(apologyDue({ ...base, lastExtendedTo: soon }, now, dueSoonBy)).toBe(false);
    expect(apologyDue({ ...base, lastExtendedTo: at('2026-11-20T09:00:00Z') }, now, dueSoonBy)).toBe(true);
  });
});

describe('apologyReminderText', () => {
  const appointment = at('2026-11-24T09:00:00Z'); // 16:00 Vietnam time
  it('names the code and the appointment in Vietnam time, near or passed', () => {
    expect(apologyReminderText('000.00.10.H01-261124-0001', appointment, at('2026-11-24T02:00:00Z'))).toBe(
      'MotCua: hồ sơ 000.00.10.H01-261124-0001 sắp đến hạn hẹn trả (16:00 24/11/2026) và chưa có văn bản xin lỗi, hẹn lại ngày trả kết quả (mẫu 04).',
    );
    expect(apologyReminderText('X', appointment, at('2026-11-24T09:00:00Z'))).toContain('sắp đến hạn hẹn trả');
    expect(apologyReminderText('X', appointment, at('2026-11-24T09:00:01Z'))).toContain(
      'X đã quá hạn hẹn trả (16:00 24/11/2026)',
    );
  });
  it('crosses midnight in Vietnam time, not UTC', () => {
    expect(apologyReminderText('X', at('2026-12-31T17:30:00Z'), at('2026-12-30T00:00:00Z'))).toContain(
      '(00:30 01/01/2027)',
    );
  });
});
