/**
 * Deadlines of a dossier and of its steps, as pure functions: how a finished one ended (early /
 * on time / late), how an unfinished one stands (within time / due soon / overdue), and when the
 * apology letter (mẫu 04) is due.
 */
import { DAY_MS, fromVietnamLocalMs, toVietnamLocalMs, vietnamClockText } from '../calendar/dates.js';

export type Timeliness = 'early' | 'onTime' | 'late';
export type TimeState = 'withinTime' | 'dueSoon' | 'overdue';

/** early / onTime / late: finished before the due day, on it (up to the due instant), or after. */
export function timeliness(finishedAt: Date, dueAt: Date, dueDayStart: Date): Timeliness {
  if (finishedAt.getTime() > dueAt.getTime()) return 'late';
  return finishedAt.getTime() < dueDayStart.getTime() ? 'early' : 'onTime';
}

/** Early means before the due day (Vietnam time); on time is up to the due instant. */
export function dueOutcome(finishedAt: Date, dueAt: Date): Timeliness {
  const local = toVietnamLocalMs(dueAt);
  return timeliness(finishedAt, dueAt, fromVietnamLocalMs(local - (local % DAY_MS)));
}

/**
 * How a dossier ended against its legal due time. A second supplement request counts as late
 * whatever the dates (national scoring, docs/domain/DOMAIN.md §4).
 */
export function dossierOutcome(finishedAt: Date, legalDueAt: Date | null, supplementCount: number): Timeliness | null {
  if (supplementCount > 1) return 'late';
  return legalDueAt ? dueOutcome(finishedAt, legalDueAt) : null;
}

/**
 * Where an unfinished deadline stands at `now`: overdue once passed; due soon when it falls at or
 * before `dueSoonBy` (now plus the configured working time, default 1 working day).
 */
export function timeState(dueAt: Date, now: Date, dueSoonBy: Date): TimeState {
  if (dueAt.getTime() < now.getTime()) return 'overdue';
  return dueAt.getTime() <= dueSoonBy.getTime() ? 'dueSoon' : 'withinTime';
}

export interface ApologyFacts {
  finished: boolean;
  /** Waiting for the applicant (supplement, obligation): the clock is stopped. */
  paused: boolean;
  appointmentAt: Date | null;
  /** The appointment the latest apology letter set, if any. */
  lastExtendedTo: Date | null;
}

/**
 * The apology letter is due when an unfinished, running dossier is due soon or overdue and no
 * letter has yet set the appointment it now has (each new lateness needs its own letter).
 */
export function apologyDue(facts: ApologyFacts, now: Date, dueSoonBy: Date): boolean {
  if (facts.finished || facts.paused || !facts.appointmentAt) return false;
  if (facts.lastExtendedTo && facts.lastExtendedTo.getTime() === facts.appointmentAt.getTime()) return false;
  return timeState(facts.appointmentAt, now, dueSoonBy) !== 'withinTime';
}

/**
 * The reminder that a dossier needs its apology letter: the code and the appointment (Vietnam
 * time), whether it is near or passed — nothing of the applicant.
 */
export function apologyReminderText(code: string, appointmentAt: Date, now: Date): string {
  const stands = appointmentAt.getTime() < now.getTime() ? 'đã quá hạn hẹn trả' : 'sắp đến hạn hẹn trả';
  return `MotCua: hồ sơ ${code} ${stands} (${vietnamClockText(appointmentAt)}) và chưa có văn bản xin lỗi, hẹn lại ngày trả kết quả (mẫu 04).`;
}
