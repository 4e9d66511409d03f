/**
 * Deadlines of a dossier and of its steps, as pure functions: how a finished one ended (early /
 * on time / late), how an unfinished one stands (within time / due soon / overdue), and when the
 * apology letter (mẫu 04) is due.
 */
import { addWorkingTime, type WorkingCalendar, workingTimeBetween } from '../calendar/calendar.rules.js';
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
 * before `dueSoonBy` (feedback: now plus the configured working time, default 1 working day).
 */
export function timeState(dueAt: Date, now: Date, dueSoonBy: Date): TimeState {
  if (dueAt.getTime() < now.getTime()) return 'overdue';
  return dueAt.getTime() <= dueSoonBy.getTime() ? 'dueSoon' : 'withinTime';
}

/** "Sắp đến hạn" is the last fifth of the time a dossier was given (QĐ 766/QĐ-TTg warns before lateness). */
export const DUE_SOON_SHARE = 0.2;

/**
 * Working minutes before the appointment during which a dossier is due soon: the last 20 % of
 * its allotment, at most `capMinutes` (DUE_SOON_WORKING_DAYS). A 4-working-hour dossier is thus
 * due soon in its last 48 minutes, not from the moment it is received.
 */
export function dueSoonWindowMinutes(allottedMinutes: number, capMinutes: number): number {
  return Math.min(Math.max(0, allottedMinutes) * DUE_SOON_SHARE, capMinutes);
}

/** The instant from which a dossier given `start`..`dueAt` (working time) is due soon. */
export function dueSoonFrom(calendar: WorkingCalendar, start: Date, dueAt: Date, capWorkingDays: number): Date {
  const allotted = workingTimeBetween(calendar, start, dueAt).minutes;
  if (allotted <= 0) return dueAt;
  const window = dueSoonWindowMinutes(allotted, capWorkingDays * calendar.minutesPerDay);
  return addWorkingTime(calendar, start, (allotted - window) / 60, 'workingHours');
}

export interface DossierDeadline {
  appointmentAt: Date;
  /** From dueSoonFrom, kept on the dossier and moved with the appointment. */
  dueSoonFrom: Date | null;
  /** Waiting for the applicant (supplement, obligation): the clock is stopped. */
  pausedSince: Date | null;
}

/**
 * Where an unfinished dossier stands at `now`: overdue once its appointment passed; due soon from
 * `dueSoonFrom` — never while its clock is paused (Nghị định 61/2018/NĐ-CP, Điều 19: the wait for
 * a supplement does not count in the processing time).
 */
export function dossierTimeState(d: DossierDeadline, now: Date): TimeState {
  if (d.appointmentAt.getTime() < now.getTime()) return 'overdue';
  if (d.pausedSince || !d.dueSoonFrom) return 'withinTime';
  return d.dueSoonFrom.getTime() <= now.getTime() ? 'dueSoon' : 'withinTime';
}

export interface ApologyFacts {
  finished: boolean;
  pausedSince: Date | null;
  appointmentAt: Date | null;
  dueSoonFrom: Date | null;
  /** The appointment the latest apology letter set, if any. */
  lastExtendedTo: Date | null;
}

/**
 * The apology letter is due when an unfinished, running dossier is due soon or overdue and no
 * letter has yet set the appointment it now has (each new lateness needs its own letter).
 */
export function apologyDue(facts: ApologyFacts, now: Date): boolean {
  const { finished, pausedSince, appointmentAt, dueSoonFrom, lastExtendedTo } = facts;
  if (finished || pausedSince || !appointmentAt) return false;
  if (lastExtendedTo && lastExtendedTo.getTime() === appointmentAt.getTime()) return false;
  return dossierTimeState({ appointmentAt, dueSoonFrom, pausedSince }, now) !== 'withinTime';
}

/**
 * The reminder that a dossier needs its apology letter: the code and the appointment (Vietnam
 * time), whether it is near or passed — nothing of the applicant.
 */
export function apologyReminderText(code: string, appointmentAt: Date, now: Date): string {
  const stands = appointmentAt.getTime() < now.getTime() ? 'đã quá hạn hẹn trả' : 'sắp đến hạn hẹn trả';
  return `MotCua: hồ sơ ${code} ${stands} (${vietnamClockText(appointmentAt)}) và chưa có văn bản xin lỗi, hẹn lại ngày trả kết quả (mẫu 04).`;
}
