/**
 * Appointments and the counter queue, as pure functions of plain data: the weekly template and the
 * slots it yields on working days, the priority order of waiting tickets, booking codes, the
 * check-in window, reminders, no-shows and the waiting/service times.
 *
 * Times of day are minutes after local midnight in Vietnam (UTC+7, no DST), like the calendar's
 * working periods; instants are UTC `Date`s.
 */
import { randomInt } from 'node:crypto';
import { dayIndex, fromVietnamLocalMs, MINUTE_MS, weekdayOf } from '../calendar/dates.js';
import type { WorkingPeriod } from '../../kernel/working-periods.js';

export const BOOKING_STATUSES = ['booked', 'cancelled', 'checkedIn', 'noShow'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const TICKET_STATUSES = ['waiting', 'called', 'skipped', 'done'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const COUNTER_ACTIONS = ['recall', 'skip', 'finish'] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];

/** One line of a unit's weekly template: slots of `minutes` from `start` to `end` on `weekdays`. */
export interface TemplateEntry {
  fieldCode: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** "HH:MM", Vietnam time. */
  start: string;
  end: string;
  /** Length of each slot in minutes; the range is cut into consecutive slots. */
  minutes: number;
  /** People per slot. */
  capacity: number;
}

export interface Problem {
  path: string;
  code: string;
  message: string;
}

export const MAX_SLOT_CAPACITY = 500;

export function parseClock(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Every problem of a template (empty = valid): times inside one working period, sane sizes, no overlaps. */
export function templateProblems(
  entries: readonly TemplateEntry[],
  periods: readonly WorkingPeriod[],
  fieldCodes: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const taken = new Map<string, { start: number; end: number; index: number }[]>();
  entries.forEach((e, i) => {
    const path = `entries.${i}`;
    const start = parseClock(e.start);
    const end = parseClock(e.end);
    if (!fieldCodes.has(e.fieldCode))
      problems.push({
        path: `${path}.fieldCode`,
        code: 'UNKNOWN_FIELD',
        message: `Không có lĩnh vực mã ${e.fieldCode}.`,
      });
    if (e.weekdays.length === 0 || e.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
      problems.push({
        path: `${path}.weekdays`,
        code: 'WEEKDAYS_INVALID',
        message: 'Thứ trong tuần phải từ 1 (thứ Hai) đến 7 (Chủ nhật).',
      });
    if (!Number.isInteger(e.capacity) || e.capacity < 1 || e.capacity > MAX_SLOT_CAPACITY)
      problems.push({
        path: `${path}.capacity`,
        code: 'CAPACITY_INVALID',
        message: `Số chỗ mỗi khung giờ từ 1 đến ${MAX_SLOT_CAPACITY}.`,
      });
    if (start === null || end === null || start >= end) {
      problems.push({ path, code: 'TIME_INVALID', message: 'Giờ bắt đầu phải trước giờ kết thúc (HH:MM).' });
      return;
    }
    if (!periods.some((p) => p.start <= start && end <= p.end))
      problems.push({
        path,
        code: 'OUTSIDE_WORKING_HOURS',
        message: 'Khung giờ phải nằm trọn trong một buổi làm việc.',
      });
    if (!Number.isInteger(e.minutes) || e.minutes < 5 || (end - start) % e.minutes !== 0)
      problems.push({
        path: `${path}.minutes`,
        code: 'SLOT_LENGTH_INVALID',
        message: 'Độ dài mỗi khung (≥ 5 phút) phải chia hết khoảng thời gian.',
      });
    let clash: { index: number } | undefined;
    for (const day of new Set(e.weekdays)) {
      const key = `${e.fieldCode}|${day}`;
      const others = taken.get(key) ?? [];
      clash ??= others.find((o) => o.start < end && start < o.end);
      taken.set(key, [...others, { start, end, index: i }]);
    }
    if (clash)
      problems.push({
        path,
        code: 'OVERLAP',
        message: `Trùng giờ với dòng ${clash.index + 1} cùng lĩnh vực, cùng thứ.`,
      });
  });
  return problems;
}

export interface PlannedSlot {
  fieldCode: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

/** A day to plan: whether the calendar says it is worked. */
export interface PlanDay {
  date: string;
  working: boolean;
}

/**
 * The slots a template yields on the given days. Non-working days (weekends, holidays) get none.
 * A make-up working day (a Saturday declared worked) follows Monday's lines: it stands in for a
 * weekday and has no line of its own.
 */
export function planSlots(entries: readonly TemplateEntry[], days: readonly PlanDay[]): PlannedSlot[] {
  const slots: PlannedSlot[] = [];
  for (const day of days) {
    if (!day.working) continue;
    const weekday = weekdayOf(day.date) || 7; // ISO: Sunday is 7
    const asWeekday = weekday >= 6 ? 1 : weekday;
    const midnight = dayIndex(day.date) * 86_400_000;
    for (const e of entries) {
      if (!e.weekdays.includes(asWeekday)) continue;
      const start = parseClock(e.start)!;
      const end = parseClock(e.end)!;
      for (let t = start; t + e.minutes <= end; t += e.minutes) {
        slots.push({
          fieldCode: e.fieldCode,
          startsAt: fromVietnamLocalMs(midnight + t * MINUTE_MS),
          endsAt: fromVietnamLocalMs(midnight + (t + e.minutes) * MINUTE_MS),
          capacity: e.capacity,
        });
      }
    }
  }
  return slots;
}

/** A day of a generation range the calendar closes: a named holiday (ngày nghỉ lễ), else the weekend. */
export interface SkippedDay {
  date: string;
  reason: 'holiday' | 'weekend';
  name: string | null;
}

/** The non-working days of `days`, with why, from the calendar's holidays (its named exceptions). */
export function skippedDays(
  days: readonly PlanDay[],
  holidays: readonly { date: string; kind: string; name: string }[],
): SkippedDay[] {
  const named = new Map(holidays.filter((h) => h.kind === 'holiday').map((h) => [h.date, h.name]));
  return days
    .filter((d) => !d.working)
    .map((d) => ({ date: d.date, reason: named.has(d.date) ? 'holiday' : 'weekend', name: named.get(d.date) ?? null }));
}

// ---------------------------------------------------------------------------------------------
// Priority

export interface QueuedTicket {
  number: number;
  checkedInAt: Date;
  booked: boolean;
  elderly: boolean;
  disabled: boolean;
}

/**
 * Who is served first: elderly and disabled people (priority by law, Luật Người cao tuổi, Luật
 * Người khuyết tật) before people with an appointment, who come before walk-ins. 0 is first.
 */
export function priorityRank(t: Pick<QueuedTicket, 'booked' | 'elderly' | 'disabled'>): number {
  if (t.elderly || t.disabled) return 0;
  return t.booked ? 1 : 2;
}

/** The queue order: rank, then check-in time, then ticket number (total: numbers are unique per day). */
export function compareTickets(a: QueuedTicket, b: QueuedTicket): number {
  return priorityRank(a) - priorityRank(b) || a.checkedInAt.getTime() - b.checkedInAt.getTime() || a.number - b.number;
}

export function orderQueue<T extends QueuedTicket>(waiting: readonly T[]): T[] {
  return [...waiting].sort(compareTickets);
}

/** The ticket a counter calls next, or null when nobody waits. */
export function nextInQueue<T extends QueuedTicket>(waiting: readonly T[]): T | null {
  return waiting.reduce<T | null>((best, t) => (best === null || compareTickets(t, best) < 0 ? t : best), null);
}

/** What a counter action does to the ticket it serves; null = not allowed from that status. */
export function counterTransition(status: TicketStatus, action: CounterAction): TicketStatus | null {
  if (status !== 'called') return null;
  return { recall: 'called', skip: 'skipped', finish: 'done' }[action] as TicketStatus;
}

/** The number as shown on the ticket and the display: three digits at least (007). */
export function ticketLabel(number: number): string {
  return String(number).padStart(3, '0');
}

// ---------------------------------------------------------------------------------------------
// Bookings

/** No 0/O, 1/I/L: codes are read aloud and typed at the kiosk. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_PREFIX = 'LH-';

export function newBookingCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return CODE_PREFIX + code;
}

/**
 * The booking code in what the kiosk received: typed (any case, with or without the prefix or
 * dash) or the QR's text (`MOTCUA LH-XXXXXXXX`). Null when none is there.
 */
export function parseBookingCode(text: string): string | null {
  const upper = text.toUpperCase().replace(/\s+/g, ' ').trim();
  const m = /(?:^|[^A-Z0-9])(?:LH-?)?([2-9A-HJKMNP-Z]{8})(?:$|[^A-Z0-9])/.exec(upper);
  return m ? CODE_PREFIX + m[1] : null;
}

/**
 * A caller's phone as stored and compared (digits only): "0912 345 678" and "0912.345.678" are one
 * person, so they cannot hold two places of a slot.
 */
export function callerPhone(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** The text inside a booking's QR code (the scanner types it into the kiosk). */
export function bookingQrText(code: string): string {
  return `MOTCUA ${code}`;
}

export interface SlotTimes {
  startsAt: Date;
  endsAt: Date;
}

/**
 * Whether a booking may check in now: on the slot's day, from an hour before it starts until the
 * end of the grace after it ends. Returns the error code otherwise.
 */
export function checkInProblem(status: BookingStatus, slot: SlotTimes, now: Date, graceMinutes: number): string | null {
  if (status === 'cancelled') return 'BOOKING_CANCELLED';
  if (status === 'checkedIn') return 'BOOKING_ALREADY_CHECKED_IN';
  if (status === 'noShow') return 'BOOKING_EXPIRED';
  if (now.getTime() < slot.startsAt.getTime() - 60 * MINUTE_MS) return 'BOOKING_TOO_EARLY';
  if (now.getTime() > slot.endsAt.getTime() + graceMinutes * MINUTE_MS) return 'BOOKING_EXPIRED';
  return null;
}

/** A booking may be cancelled while it is booked and its slot has not started. */
export function cancelProblem(status: BookingStatus, slot: SlotTimes, now: Date): string | null {
  if (status !== 'booked') return 'BOOKING_NOT_CANCELLABLE';
  return now.getTime() >= slot.startsAt.getTime() ? 'BOOKING_NOT_CANCELLABLE' : null;
}

/** Due for its reminder: still booked, not reminded, the slot starts within `leadHours` from now. */
export function dueForReminder(
  b: { status: BookingStatus; remindedAt: Date | null },
  slot: SlotTimes,
  now: Date,
  leadHours: number,
): boolean {
  const ms = slot.startsAt.getTime() - now.getTime();
  return b.status === 'booked' && b.remindedAt === null && ms > 0 && ms <= leadHours * 60 * MINUTE_MS;
}

/** A no-show: still booked (never checked in) after the slot's end plus the grace. */
export function isNoShow(status: BookingStatus, slot: SlotTimes, now: Date, graceMinutes: number): boolean {
  return status === 'booked' && now.getTime() > slot.endsAt.getTime() + graceMinutes * MINUTE_MS;
}

// ---------------------------------------------------------------------------------------------
// Times

/** Minutes between two instants, to one decimal; null when the second has not happened. */
export function minutesBetween(from: Date, to: Date | null): number | null {
  return to ? Math.round((to.getTime() - from.getTime()) / 6_000) / 10 : null;
}

/** An average in minutes to one decimal from a sum of seconds over n; null when n = 0. */
export function averageMinutes(sumSeconds: number, n: number): number | null {
  return n === 0 ? null : Math.round(sumSeconds / n / 6) / 10;
}
