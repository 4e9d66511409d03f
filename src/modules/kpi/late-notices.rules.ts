/**
 * The monthly late list sent to the heads of each unit, as pure functions.
 *
 * A reporting month M closes on the 20th of calendar month M (seed 002: "thời gian chốt số liệu
 * báo cáo từ ngày 21 tháng trước đến ngày 20 tháng sau", periods.rules.ts). From the 21st, on a
 * working day at or after NOTIFY_DIGEST_TIME (the morning digest's hour), the heads of every unit
 * with late dossiers in month M receive its list — before the province publishes the list of
 * units and officials with late dossiers by the 5th of the next month (DOMAIN.md §4; seed 002,
 * "Công khai danh sách cơ quan, đơn vị, cán bộ, công chức, viên chức giải quyết chậm, muộn hồ sơ"),
 * so a unit sees and can explain its own list first. A 21st that is not a working day, or a
 * process down over it, moves the list to the next working day's digest time, until the calendar
 * month ends; after that the month is not sent any more (the published list has taken over).
 */
import { DAY_MS, MINUTE_MS, VIETNAM_OFFSET_MS, vietnamDateOf } from '../calendar/dates.js';
import { REPORTING_CUTOFF_DAY } from './periods.rules.js';

/**
 * The reporting month (YYYY-MM) whose late list is due at `now`, or null: from the 21st of the
 * calendar month to the month's end, on working days at or after `digestTime` (HH:MM, Vietnam time).
 */
export function monthlyLateListDue(now: Date, digestTime: string, workingDay: boolean): string | null {
  if (!workingDay) return null;
  const today = vietnamDateOf(now);
  const dayOfMonth = Number(today.slice(8, 10));
  if (dayOfMonth < REPORTING_CUTOFF_DAY) return null;
  const [h, m] = digestTime.split(':').map(Number) as [number, number];
  const minute = Math.floor(((now.getTime() + VIETNAM_OFFSET_MS) % DAY_MS) / MINUTE_MS);
  if (minute < h * 60 + m) return null;
  return today.slice(0, 7);
}

/** One late dossier as its unit's head reads it: no applicant, only the unit's own work. */
export interface LateLine {
  code: string;
  legalDueAt: Date | null;
  completedAt: Date | null;
  officialName: string | null;
  hasApology: boolean;
}

/** At most this many lines in one message; the rest are counted (the full list is in the console). */
export const LATE_LIST_LINES_MAX = 50;

/** A date as dd/mm/yyyy in Vietnam time. */
export const vietnamDayText = (instant: Date) => vietnamDateOf(instant).split('-').reverse().join('/');

/**
 * The lines of a unit's list, in the order given: `- code · due dd/mm/yyyy → done dd/mm/yyyy ·
 * official · ✉` (✉ = an apology letter was sent). Only codes, dates and names, so the same lines
 * serve the Vietnamese and the English text; past `max`, one line `+N`.
 */
export function lateListLines(items: readonly LateLine[], max = LATE_LIST_LINES_MAX): string {
  const lines = items.slice(0, max).map((i) => {
    const due = i.legalDueAt ? vietnamDayText(i.legalDueAt) : '?';
    const done = i.completedAt ? vietnamDayText(i.completedAt) : '…';
    const parts = [`${i.code}`, `${due} → ${done}`];
    if (i.officialName) parts.push(i.officialName);
    if (i.hasApology) parts.push('✉');
    return `- ${parts.join(' · ')}`;
  });
  if (items.length > max) lines.push(`+${items.length - max}`);
  return lines.join('\n');
}
