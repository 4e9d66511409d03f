/**
 * Appointments (lịch hẹn): booking a slot, cancelling, reminders and no-shows.
 *
 * Capacity holds under concurrency because a booking takes its place with one conditional
 * statement, `update queue_slots set booked = booked + 1 where id = … and booked < capacity`, in
 * the booking's transaction: concurrent bookings of one slot queue on the slot's row lock, and
 * each re-checks `booked < capacity` against the committed count once the previous one ends
 * (PostgreSQL re-evaluates the WHERE of an UPDATE on the newest row version). If anything later
 * in the transaction fails, the place is given back by the rollback.
 */
import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Database, Queryable, Tx } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import { type Actor, type RequestContext, systemContext } from '../../kernel/context.js';
import { AppError, type ErrorCode } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { formatVietnamTime } from '../calendar/dates.js';
import { procedureNames, procedureSummary } from '../catalog/procedures.query.js';
import type { Notifier } from '../notifications/notifier.js';
import { unitNames } from '../org/units.query.js';
import { bookingQrText, cancelProblem, dueForReminder, isNoShow, newBookingCode } from './queue.rules.js';
import { queueBookings, queueSlots } from './queue.tables.js';

export interface BookInput {
  slotId: string;
  procedureId: string;
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
}

const unit = unitNames();

const bookingColumns = {
  id: queueBookings.id,
  code: queueBookings.code,
  status: queueBookings.status,
  unitId: queueBookings.unitId,
  unitName: unit.name,
  procedureId: queueBookings.procedureId,
  procedureName: procedureNames.name,
  userId: queueBookings.userId,
  name: queueBookings.name,
  phone: queueBookings.phone,
  email: queueBookings.email,
  slotId: queueBookings.slotId,
  startsAt: queueSlots.startsAt,
  endsAt: queueSlots.endsAt,
  fieldCode: queueSlots.fieldCode,
  remindedAt: queueBookings.remindedAt,
  checkedInAt: queueBookings.checkedInAt,
  createdAt: queueBookings.createdAt,
};

function selectBookings(db: Queryable) {
  return db
    .select(bookingColumns)
    .from(queueBookings)
    .innerJoin(queueSlots, eq(queueSlots.id, queueBookings.slotId))
    .innerJoin(unit, eq(unit.id, queueBookings.unitId))
    .innerJoin(procedureNames, eq(procedureNames.id, queueBookings.procedureId));
}

export type BookingRow = Awaited<ReturnType<typeof bookingsOf>>[number];

/** A booking as its owner sees it, with the QR code the kiosk scans (PNG data URL). */
export async function bookingView(b: BookingRow) {
  return {
    ...b,
    qrText: bookingQrText(b.code),
    qrDataUrl: await QRCode.toDataURL(bookingQrText(b.code), { margin: 1, width: 240 }),
  };
}

export async function bookingByCode(db: Queryable, code: string): Promise<BookingRow> {
  const [row] = await selectBookings(db).where(eq(queueBookings.code, code));
  if (!row) throw new AppError('BOOKING_NOT_FOUND', { code });
  return row;
}

export function bookingsOf(db: Queryable, userId: string) {
  return selectBookings(db).where(eq(queueBookings.userId, userId)).orderBy(desc(queueSlots.startsAt)).limit(50);
}

/** Who a place is taken for: a citizen's own account, or a caller a one-stop officer books for (đặt lịch hộ). */
export type BookingHolder =
  | { kind: 'citizen'; userId: string }
  | { kind: 'caller'; officerId: string; phone: string; personalId?: string | undefined };

export async function bookSlot(
  tx: Tx,
  ctx: RequestContext,
  actor: Actor,
  input: BookInput,
  now: Date,
): Promise<BookingRow> {
  if (actor.kind !== 'citizen') throw new AppError('QUEUE_CITIZEN_ONLY');
  return takePlace(tx, ctx, { kind: 'citizen', userId: actor.userId }, input, now);
}

/** The one path that takes a place in a slot, for whoever holds the booking (see the header). */
export async function takePlace(
  tx: Tx,
  ctx: RequestContext,
  holder: BookingHolder,
  input: BookInput,
  now: Date,
): Promise<BookingRow> {
  const [slot] = await tx.select().from(queueSlots).where(eq(queueSlots.id, input.slotId));
  if (!slot) throw new AppError('QUEUE_SLOT_NOT_FOUND', { slotId: input.slotId });
  const procedure = await procedureSummary(tx, input.procedureId);
  if (!procedure) throw new AppError('PROCEDURE_NOT_FOUND', { id: input.procedureId });
  if (procedure.fieldCode !== slot.fieldCode) throw new AppError('QUEUE_FIELD_MISMATCH');
  if (slot.startsAt.getTime() <= now.getTime()) throw new AppError('QUEUE_SLOT_PAST');
  const samePerson =
    holder.kind === 'citizen'
      ? eq(queueBookings.userId, holder.userId)
      : and(isNull(queueBookings.userId), eq(queueBookings.phone, holder.phone));
  const [mine] = await tx
    .select({ id: queueBookings.id })
    .from(queueBookings)
    .where(and(eq(queueBookings.slotId, slot.id), samePerson, inArray(queueBookings.status, ['booked', 'checkedIn'])));
  if (mine) throw new AppError(holder.kind === 'citizen' ? 'QUEUE_ALREADY_BOOKED' : 'QUEUE_CALLER_ALREADY_BOOKED');

  const taken = await tx
    .update(queueSlots)
    .set({ booked: sql`${queueSlots.booked} + 1` })
    .where(and(eq(queueSlots.id, slot.id), sql`${queueSlots.booked} < ${queueSlots.capacity}`))
    .returning({ booked: queueSlots.booked });
  if (taken.length === 0) throw new AppError('QUEUE_SLOT_FULL');

  const code = newBookingCode();
  const caller =
    holder.kind === 'caller'
      ? { userId: null, bookedBy: holder.officerId, phone: holder.phone, personalId: holder.personalId ?? null }
      : { userId: holder.userId, phone: input.phone ?? null };
  const [booking] = await tx
    .insert(queueBookings)
    .values({
      code,
      slotId: slot.id,
      unitId: slot.unitId,
      procedureId: input.procedureId,
      name: input.name,
      email: input.email ?? null,
      ...caller,
    })
    .returning({ id: queueBookings.id });
  await recordChange(tx, ctx, {
    action: holder.kind === 'citizen' ? 'queue.book' : 'queue.bookForCaller',
    targetType: 'queue_booking',
    targetId: booking!.id,
    unitId: slot.unitId,
    after: { code, slotId: slot.id, startsAt: slot.startsAt.toISOString(), ...caller, name: input.name },
    event: { code, unitId: slot.unitId, slotId: slot.id, startsAt: slot.startsAt.toISOString() },
  });
  return bookingByCode(tx, code);
}

/**
 * Cancels a booking and gives the place back: its owner, or staff when `staffMayManage` (the
 * caller checked queue.manage on the booking's unit, which never changes).
 */
export async function cancelBooking(
  tx: Tx,
  ctx: RequestContext,
  code: string,
  staffMayManage: boolean,
  now: Date,
): Promise<BookingRow> {
  await tx.select({ id: queueBookings.id }).from(queueBookings).where(eq(queueBookings.code, code)).for('update');
  const booking = await bookingByCode(tx, code);
  if (booking.userId !== ctx.actor?.userId && !staffMayManage)
    throw new AppError('FORBIDDEN', { action: 'queue.cancel' });
  const problem = cancelProblem(booking.status, booking, now);
  if (problem) throw new AppError(problem as ErrorCode);
  await tx.update(queueBookings).set({ status: 'cancelled', cancelledAt: now }).where(eq(queueBookings.id, booking.id));
  await tx
    .update(queueSlots)
    .set({ booked: sql`${queueSlots.booked} - 1` })
    .where(eq(queueSlots.id, booking.slotId));
  await recordChange(tx, ctx, {
    action: 'queue.cancel',
    targetType: 'queue_booking',
    targetId: booking.id,
    unitId: booking.unitId,
    before: { status: 'booked' },
    after: { status: 'cancelled' },
    event: { code, slotId: booking.slotId },
  });
  return bookingByCode(tx, code);
}

/** Bookings whose reminder is due now (the reminder job's worklist). */
export async function bookingsDueForReminder(db: Queryable, now: Date, leadHours: number): Promise<BookingRow[]> {
  const horizon = new Date(now.getTime() + leadHours * 3_600_000);
  const rows = await selectBookings(db)
    .where(
      and(
        eq(queueBookings.status, 'booked'),
        sql`${queueBookings.remindedAt} is null`,
        gt(queueSlots.startsAt, now),
        lte(queueSlots.startsAt, horizon),
      ),
    )
    .orderBy(asc(queueSlots.startsAt));
  return rows.filter((b) => dueForReminder(b, b, now, leadHours));
}

/**
 * Sends the due reminders through the Notifier (SMS when there is a phone, else e-mail) and marks
 * them, in the caller's transaction: a rollback sends nothing and a second run sends nothing again.
 */
export async function sendBookingReminders(tx: Tx, notifier: Notifier, now: Date, leadHours: number): Promise<number> {
  const due = await bookingsDueForReminder(tx, now, leadHours);
  let sent = 0;
  for (const b of due) {
    const [locked] = await tx
      .update(queueBookings)
      .set({ remindedAt: now })
      .where(and(eq(queueBookings.id, b.id), sql`${queueBookings.remindedAt} is null`))
      .returning({ id: queueBookings.id });
    if (!locked) continue; // another job run took it
    const iso = formatVietnamTime(b.startsAt); // 2026-12-28T08:00:00+07:00 → 08:00 28/12/2026
    const when = `${iso.slice(11, 16)} ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    const body = `MotCua: nhắc lịch hẹn ${b.code} lúc ${when} tại ${b.unitName} (${b.procedureName}). Mang mã này đến ki-ốt để lấy số.`;
    if (b.phone)
      await notifier.send(tx, { medium: 'sms', recipient: b.phone, template: 'queue.booking-reminder', body }, now);
    else if (b.email)
      await notifier.send(tx, { medium: 'email', recipient: b.email, template: 'queue.booking-reminder', body }, now);
    sent += 1;
  }
  return sent;
}

/** Marks bookings never checked in by their slot's end plus the grace as no-shows; returns them. */
export async function recordNoShows(tx: Tx, now: Date, graceMinutes: number): Promise<string[]> {
  const candidates = await selectBookings(tx).where(
    and(eq(queueBookings.status, 'booked'), lte(queueSlots.endsAt, now)),
  );
  const late = candidates.filter((b) => isNoShow(b.status, b, now, graceMinutes));
  if (late.length === 0) return [];
  const marked = await tx
    .update(queueBookings)
    .set({ status: 'noShow', noShowAt: now })
    .where(
      and(
        inArray(
          queueBookings.id,
          late.map((b) => b.id),
        ),
        eq(queueBookings.status, 'booked'),
      ),
    )
    .returning({ code: queueBookings.code });
  const codes = marked.map((m) => m.code);
  if (codes.length > 0)
    await recordChange(tx, systemContext(), {
      action: 'queue.noShow',
      targetType: 'queue_booking',
      targetId: 'batch',
      after: { codes },
      event: { codes },
    });
  return codes;
}

/** What the queue's periodic job does (every few minutes): reminders, then no-shows, one transaction each. */
export async function runQueueJobs(
  db: Database,
  env: Env,
  notifier: Notifier,
  now: Date,
): Promise<{ reminded: number; noShows: number }> {
  const reminded = await db.transaction((tx) => sendBookingReminders(tx, notifier, now, env.QUEUE_REMINDER_HOURS));
  const noShows = await db.transaction((tx) => recordNoShows(tx, now, env.QUEUE_NO_SHOW_GRACE_MINUTES));
  return { reminded, noShows: noShows.length };
}
