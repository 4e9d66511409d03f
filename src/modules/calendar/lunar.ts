/**
 * Vietnamese lunisolar calendar (âm lịch), pure.
 *
 * Hồ Ngọc Đức's algorithm ("Thuật toán tính âm lịch"): new moons (Meeus, simplified) and the
 * sun's longitude, evaluated at UTC+7. The time zone matters: China computes at UTC+8, so a new
 * moon shortly before midnight Vietnam time starts a month one day earlier here (Tết 2030 is
 * 2 Feb in Vietnam, 3 Feb in China; Tết 1985 is 21 Jan in Vietnam, 20 Feb in China because the
 * winter-solstice month, and so the leap month, differs).
 *
 * Days are Julian day numbers (integers) internally; the public functions take and return
 * Gregorian dates as YYYY-MM-DD strings. Supported solar years: 1900–2100.
 */
import { AppError } from '../../kernel/errors.js';

export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2100;
/** Vietnam: UTC+7, no daylight saving time since 1975 (and none in the Gregorian range we compute). */
const TIME_ZONE = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 (the epoch of the new-moon series, k = 0). */
const NEW_MOON_EPOCH = 2415021.076998695;

export interface LunarDate {
  /** Lunar year number, named by the year in which its first month (tháng Giêng) falls. */
  year: number;
  month: number; // 1–12
  day: number; // 1–30
  /** Tháng nhuận: the month repeats the number of the month before it. */
  leap: boolean;
}

const INT = Math.floor;

/** Julian day number of a Gregorian date. */
export function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = INT((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  return dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - INT(y / 100) + INT(y / 400) - 32045;
}

/** Gregorian date of a Julian day number, as [day, month, year]. */
export function jdToDate(jd: number): [number, number, number] {
  const a = jd + 32044;
  const b = INT((4 * a + 3) / 146097);
  const c = a - INT((b * 146097) / 4);
  const d = INT((4 * c + 3) / 1461);
  const e = c - INT((1461 * d) / 4);
  const m = INT((5 * e + 2) / 153);
  const day = e - INT((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * INT(m / 10);
  const year = b * 100 + d - 4800 + INT(m / 10);
  return [day, month, year];
}

/** Julian day (fractional, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries since 1900-01-00.5
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  C1 -= 0.0004 * Math.sin(dr * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + C1 - deltaT;
}

/** Local day number on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return INT(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** Sun's apparent longitude in radians, normalised to [0, 2π), at Julian day `jdn` (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525; // Julian centuries since J2000
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L -= Math.PI * 2 * INT(L / (Math.PI * 2));
  return L;
}

/** Which of the 12 major solar terms (0–11, 30° each) the sun is in at the start of a local day. */
function sunSector(dayNumber: number): number {
  return INT((sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

/** Day number of the start of lunar month 11 (the month containing the winter solstice) of year yy. */
function lunarMonth11(yy: number): number {
  const off = jdFromDate(31, 12, yy) - 2415021;
  const k = INT(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  // Sector ≥ 9 means the sun already passed 270° (the solstice): month 11 started one moon earlier.
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** In a 13-month year starting at month 11 (a11), the offset of the leap month: the first without a major term. */
function leapMonthOffset(a11: number): number {
  const k = INT((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new AppError('CALENDAR_YEAR_OUT_OF_RANGE', { year });
  }
}

function parseIsoDate(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new AppError('VALIDATION_FAILED', { date }, 'Ngày phải có dạng YYYY-MM-DD.');
  return [Number(m[3]), Number(m[2]), Number(m[1])];
}

function formatIsoDate([d, m, y]: [number, number, number]): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Solar (Gregorian, YYYY-MM-DD) → Vietnamese lunar date. */
export function solarToLunar(date: string): LunarDate {
  const [dd, mm, yy] = parseIsoDate(date);
  assertYear(yy);
  const dayNumber = jdFromDate(dd, mm, yy);
  const k = INT((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);
  let a11 = lunarMonth11(yy);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = yy;
    a11 = lunarMonth11(yy - 1);
  } else {
    lunarYear = yy + 1;
    b11 = lunarMonth11(yy + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = INT((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day, leap };
}

/**
 * Vietnamese lunar date → solar date (YYYY-MM-DD). A `leap` month that the year does not have is
 * an error (CALENDAR_LUNAR_DATE_INVALID), as is a day 30 in a 29-day month.
 */
export function lunarToSolar(lunar: LunarDate): string {
  const { year, month, day, leap } = lunar;
  assertYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new AppError('CALENDAR_LUNAR_DATE_INVALID', lunar);
  }
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1);
    b11 = lunarMonth11(year);
  } else {
    a11 = lunarMonth11(year);
    b11 = lunarMonth11(year + 1);
  }
  const k = INT(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw new AppError('CALENDAR_LUNAR_DATE_INVALID', lunar);
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new AppError('CALENDAR_LUNAR_DATE_INVALID', lunar);
  }
  const monthStart = newMoonDay(k + off);
  if (day === 30 && newMoonDay(k + off + 1) - monthStart < 30) {
    throw new AppError('CALENDAR_LUNAR_DATE_INVALID', lunar);
  }
  return formatIsoDate(jdToDate(monthStart + day - 1));
}

/** Tết Nguyên đán (1st day of the 1st lunar month) of a lunar year, as YYYY-MM-DD. */
export function tetDate(year: number): string {
  return lunarToSolar({ year, month: 1, day: 1, leap: false });
}

/** The last day of lunar year `year - 1` (Giao thừa / 29 or 30 tháng Chạp): the day before Tết. */
export function lunarNewYearEve(year: number): string {
  const [d, m, y] = parseIsoDate(tetDate(year));
  return formatIsoDate(jdToDate(jdFromDate(d, m, y) - 1));
}

/** Giỗ Tổ Hùng Vương: 10th day of the (regular, not leap) 3rd lunar month. */
export function hungKingsDate(year: number): string {
  return lunarToSolar({ year, month: 3, day: 10, leap: false });
}
