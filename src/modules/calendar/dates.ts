/**
 * Plain date and Vietnam-time arithmetic, without Intl (hot path of every deadline).
 * Vietnam has kept UTC+7 without daylight saving time since 1975, so local time is UTC + 7 h.
 * Calendar dates are ISO strings (YYYY-MM-DD) or day indexes (days since 1970-01-01).
 */

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;
/** Asia/Ho_Chi_Minh = UTC+7 (fixed). */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day index (days since 1970-01-01) of a YYYY-MM-DD date; NaN when the text is not a real date. */
export function dayIndex(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) return Number.NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2025-02-30 over to March; a real date survives the round trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return Number.NaN;
  return ms / DAY_MS;
}

export function isIsoDate(date: string): boolean {
  return !Number.isNaN(dayIndex(date));
}

export function dateOfIndex(index: number): string {
  return new Date(index * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOfIndex(index: number): number {
  return (((index + 4) % 7) + 7) % 7;
}

export function weekdayOf(date: string): number {
  return weekdayOfIndex(dayIndex(date));
}

export function isWeekendIndex(index: number): boolean {
  const wd = weekdayOfIndex(index);
  return wd === 0 || wd === 6;
}

export function addDays(date: string, n: number): string {
  return dateOfIndex(dayIndex(date) + n);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Milliseconds of Vietnam wall-clock time since 1970-01-01T00:00 (local): UTC + 7 h. */
export function toVietnamLocalMs(instant: Date): number {
  return instant.getTime() + VIETNAM_OFFSET_MS;
}

export function fromVietnamLocalMs(localMs: number): Date {
  return new Date(localMs - VIETNAM_OFFSET_MS);
}

/** The calendar date in Vietnam of an instant. */
export function vietnamDateOf(instant: Date): string {
  return dateOfIndex(Math.floor(toVietnamLocalMs(instant) / DAY_MS));
}

/**
 * ISO-8601 in Vietnam time with an explicit +07:00 offset, e.g. 2026-02-23T07:30:00+07:00.
 * Milliseconds appear only when not zero (deadlines from fractional hours can have them).
 */
export function formatVietnamTime(instant: Date): string {
  const iso = new Date(toVietnamLocalMs(instant)).toISOString(); // local wall clock, labelled Z
  const base = iso.slice(0, 19);
  const ms = iso.slice(20, 23);
  return `${base}${ms === '000' ? '' : `.${ms}`}+07:00`;
}

/** An instant as an official reads it in a message, Vietnam time: `08:00 28/12/2026`. */
export function vietnamClockText(instant: Date): string {
  const iso = formatVietnamTime(instant);
  return `${iso.slice(11, 16)} ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
