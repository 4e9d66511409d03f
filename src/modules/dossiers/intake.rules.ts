/**
 * Pure rules of intake: which components are missing, when the result is due, and whether a
 * one-stop unit may receive for a competent unit.
 */
import { addWorkingTime, onWorkingDay, type WorkingCalendar } from '../calendar/calendar.rules.js';
import { fromVietnamLocalMs, toVietnamLocalMs } from '../calendar/dates.js';
import type { ProcedureContent } from '../catalog/procedure.content.js';
import { originalCheckAllowed } from './original-check.rules.js';

/**
 * A component as filed, with its files (uploaded, or those of a reused store item), or shown at
 * the counter and checked against its original (đã đối chiếu bản chính) with no file kept.
 */
export interface ProvidedComponent {
  componentId: string;
  fileIds: readonly string[];
  originalChecked?: boolean;
}

export interface ComponentProblem {
  componentId: string;
  name: string | null;
  problem: 'missing' | 'unknown' | 'duplicate' | 'noFiles' | 'notCheckable';
  message: string;
}

/** Every problem with the components given for a version: unknown, repeated, empty, missing. */
export function componentProblems(
  required: ProcedureContent['components'],
  provided: readonly ProvidedComponent[],
): ComponentProblem[] {
  const problems: ComponentProblem[] = [];
  const byId = new Map(required.filter((c) => c.id).map((c) => [c.id!, c]));
  const seen = new Set<string>();
  for (const p of provided) {
    const component = byId.get(p.componentId);
    if (!component) {
      problems.push({
        componentId: p.componentId,
        name: null,
        problem: 'unknown',
        message: 'Thành phần hồ sơ không thuộc thủ tục này',
      });
    } else if (seen.has(p.componentId)) {
      problems.push({
        componentId: p.componentId,
        name: component.name,
        problem: 'duplicate',
        message: `Thành phần "${component.name}" khai báo nhiều lần`,
      });
    } else if (p.fileIds.length === 0 && !p.originalChecked) {
      problems.push({
        componentId: p.componentId,
        name: component.name,
        problem: 'noFiles',
        message: `Thành phần "${component.name}" chưa có tệp`,
      });
    } else if (p.originalChecked && !originalCheckAllowed(component.kind)) {
      problems.push({
        componentId: p.componentId,
        name: component.name,
        problem: 'notCheckable',
        message: `Thành phần "${component.name}" phải nộp, không chỉ xuất trình bản chính để đối chiếu`,
      });
    }
    seen.add(p.componentId);
  }
  for (const component of required) {
    if (component.mandatory && component.id && !seen.has(component.id)) {
      problems.push({
        componentId: component.id,
        name: component.name,
        problem: 'missing',
        message: `Thiếu thành phần bắt buộc "${component.name}"`,
      });
    }
  }
  return problems;
}

export type TimeLimit = ProcedureContent['channels'][number]['timeLimit'];

/**
 * When the time limit starts to run: at receipt when it falls in office hours, else at the start
 * of the next working period — a dossier received (online) before opening, at lunch, after
 * closing, on a rest day or a holiday counts from the next working time, the next working day
 * when the day's hours are over (Nghị định 61/2018/NĐ-CP as amended by Nghị định 107/2021/NĐ-CP,
 * rules on receiving online dossiers outside office hours, carried on by Nghị định 118/2025/NĐ-CP
 * — article numbers unverified). Office hours and working days come from the calendar module
 * (amount 0 of working time = the next working instant).
 */
export function countingStart(calendar: WorkingCalendar, receivedAt: Date): Date {
  return addWorkingTime(calendar, receivedAt, 0, 'workingHours');
}

/**
 * Ngày hẹn trả: the legal time limit counted from countingStart. Working days and hours go through
 * the calendar; calendar days are plain days; months are calendar months in Vietnam time (the same
 * clock time, the day clamped to the month's length: 31 Jan + 1 month = 28/29 Feb). So the
 * appointment always carries an hour of office time: 10 days from a dossier received at 04:26 are
 * 10 days from 07:30, not 04:26 ten days later. A limit in calendar days or months that ends on a
 * weekly rest day or a holiday ends on the next working day (Bộ luật Dân sự 2015 art. 148(5),
 * applied by art. 145 where no other law says otherwise: Nghị định 61/2018/NĐ-CP and Nghị định
 * 118/2025/NĐ-CP count working days and, as far as read, say nothing of a period in calendar
 * days — unverified; the calendar's onWorkingDay). This is the one place the appointment is
 * computed: it is also the legal due time that lateness is measured against (legalDueAt), so
 * the date shown to the applicant and the one the KPI counts are the same.
 */
export function appointmentFor(calendar: WorkingCalendar, receivedAt: Date, limit: TimeLimit): Date {
  const start = countingStart(calendar, receivedAt);
  if (limit.unit === 'months') return onWorkingDay(calendar, monthsLater(start, limit.value));
  const end = addWorkingTime(calendar, start, limit.value, limit.unit);
  return limit.unit === 'days' ? onWorkingDay(calendar, end) : end;
}

/** The same clock time `months` calendar months later in Vietnam, the day clamped to the month's length. */
function monthsLater(start: Date, months: number): Date {
  const local = new Date(toVietnamLocalMs(start));
  const target = new Date(local);
  target.setUTCDate(1);
  target.setUTCMonth(local.getUTCMonth() + Math.round(months));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(local.getUTCDate(), lastDay));
  return fromVietnamLocalMs(target.getTime());
}

/** Years a deadline computation may touch: from receipt to well past the longest limit. */
export function calendarYearsFor(receivedAt: Date, limit: TimeLimit): { from: number; to: number } {
  const from = new Date(toVietnamLocalMs(receivedAt)).getUTCFullYear();
  const roughDays =
    limit.unit === 'months' ? limit.value * 31 : limit.unit === 'workingHours' ? limit.value / 7 : limit.value * 1.6;
  return { from, to: from + Math.ceil(roughDays / 365) + 1 };
}
