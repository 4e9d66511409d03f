/**
 * Bookings as the one-stop unit's staff see and make them: a day's slots with their bookings
 * (personal data masked), and a booking for a caller who phones or walks in (đặt lịch hộ), which
 * takes its place through the same locked path as a citizen's (bookings.service.ts: takePlace).
 */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { Actor, RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { maskPersonalId, maskPersonName, maskPhone } from '../../kernel/personal-data.js';
import { addDays, dayIndex, fromVietnamLocalMs } from '../calendar/dates.js';
import { fieldNames, procedureNames } from '../catalog/procedures.query.js';
import { type BookingRow, takePlace } from './bookings.service.js';
import { callerPhone } from './queue.rules.js';
import { queueBookings, queueSlots } from './queue.tables.js';

export interface CallerBookingInput {
  slotId: string;
  procedureId: string;
  name: string;
  phone: string;
  personalId?: string | undefined;
}

/** Books a place at `unitId` (the officer holds queue.book there) for a caller without an account. */
export async function bookForCaller(
  tx: Tx,
  ctx: RequestContext,
  officer: Actor,
  unitId: string,
  input: CallerBookingInput,
  now: Date,
): Promise<BookingRow> {
  const [slot] = await tx.select({ unitId: queueSlots.unitId }).from(queueSlots).where(eq(queueSlots.id, input.slotId));
  if (!slot) throw new AppError('QUEUE_SLOT_NOT_FOUND', { slotId: input.slotId });
  if (slot.unitId !== unitId) throw new AppError('QUEUE_SLOT_OTHER_UNIT');
  const phone = callerPhone(input.phone);
  return takePlace(
    tx,
    ctx,
    { kind: 'caller', officerId: officer.userId, phone, personalId: input.personalId },
    { slotId: input.slotId, procedureId: input.procedureId, name: input.name },
    now,
  );
}

/** Midnight (Vietnam) starting a YYYY-MM-DD day, as an instant. */
export const startOfVietnamDay = (date: string) => fromVietnamLocalMs(dayIndex(date) * 86_400_000);

/** A unit's slots starting on a day (Vietnam), each with its bookings, names and numbers masked. */
export async function unitDay(db: Queryable, unitId: string, date: string) {
  const slots = await db
    .select({
      id: queueSlots.id,
      fieldCode: queueSlots.fieldCode,
      fieldName: fieldNames.name,
      startsAt: queueSlots.startsAt,
      endsAt: queueSlots.endsAt,
      capacity: queueSlots.capacity,
      booked: queueSlots.booked,
    })
    .from(queueSlots)
    .innerJoin(fieldNames, eq(fieldNames.code, queueSlots.fieldCode))
    .where(
      and(
        eq(queueSlots.unitId, unitId),
        gte(queueSlots.startsAt, startOfVietnamDay(date)),
        lt(queueSlots.startsAt, startOfVietnamDay(addDays(date, 1))),
      ),
    )
    .orderBy(asc(queueSlots.startsAt), asc(fieldNames.name));
  const bookings =
    slots.length === 0
      ? []
      : await db
          .select({
            slotId: queueBookings.slotId,
            code: queueBookings.code,
            status: queueBookings.status,
            name: queueBookings.name,
            phone: queueBookings.phone,
            personalId: queueBookings.personalId,
            bookedBy: queueBookings.bookedBy,
            procedureName: procedureNames.name,
            createdAt: queueBookings.createdAt,
          })
          .from(queueBookings)
          .innerJoin(procedureNames, eq(procedureNames.id, queueBookings.procedureId))
          .where(
            inArray(
              queueBookings.slotId,
              slots.map((s) => s.id),
            ),
          )
          .orderBy(asc(queueBookings.createdAt));
  return {
    date,
    slots: slots.map((s) => ({
      ...s,
      bookings: bookings
        .filter((b) => b.slotId === s.id)
        .map((b) => ({
          code: b.code,
          status: b.status,
          procedureName: b.procedureName,
          name: maskPersonName(b.name)!,
          phone: maskPhone(b.phone),
          personalId: maskPersonalId(b.personalId),
          forCaller: b.bookedBy !== null,
          createdAt: b.createdAt,
        })),
    })),
  };
}
