/**
 * The counter queue at a unit: check-in (a booking or a walk-in) issues a numbered ticket;
 * counters call the next ticket in priority order and recall, skip or finish it.
 *
 * Numbers come from a per-unit daily row incremented inside the check-in transaction
 * (`queue_ticket_sequences`, as dossier codes do): concurrent check-ins queue on that row and
 * never share a number. Two counters calling "next" at once may pick the same ticket; the call is
 * a conditional update (`status = 'waiting'`), so one wins and the other picks again.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import { AppError, type ErrorCode } from '../../kernel/errors.js';
import { queryRows } from '../../kernel/db.js';
import { recordChange } from '../audit/record-change.js';
import { vietnamDateOf } from '../calendar/dates.js';
import { fieldName } from '../catalog/procedures.query.js';
import { bookingByCode } from './bookings.service.js';
import {
  checkInProblem,
  type CounterAction,
  counterTransition,
  minutesBetween,
  nextInQueue,
  orderQueue,
  parseBookingCode,
  ticketLabel,
} from './queue.rules.js';
import { queueBookings, queueTickets } from './queue.tables.js';
import { servedFields } from './slots.service.js';

type TicketRow = typeof queueTickets.$inferSelect;

export type CheckInInput =
  | { bookingCode: string; elderly?: boolean | undefined; disabled?: boolean | undefined }
  | { fieldCode: string; elderly?: boolean | undefined; disabled?: boolean | undefined };

export function ticketView(t: TicketRow) {
  return {
    id: t.id,
    unitId: t.unitId,
    day: t.day,
    number: t.number,
    label: ticketLabel(t.number),
    fieldCode: t.fieldCode,
    booked: t.bookingId !== null,
    elderly: t.elderly,
    disabled: t.disabled,
    status: t.status,
    checkedInAt: t.checkedInAt,
    calledAt: t.calledAt,
    finishedAt: t.finishedAt,
    counterNumber: t.counterNumber,
    officerId: t.officerId,
    recalls: t.recalls,
    waitingMinutes: t.calledAt ? minutesBetween(t.checkedInAt, t.calledAt) : null,
    serviceMinutes: t.calledAt && t.status === 'done' ? minutesBetween(t.calledAt, t.finishedAt) : null,
  };
}

const asQueued = (t: TicketRow) => ({ ...t, booked: t.bookingId !== null });

async function nextTicketNumber(tx: Tx, unitId: string, day: string): Promise<number> {
  const [row] = await queryRows<{ last_value: number }>(
    tx,
    sql`insert into queue_ticket_sequences (unit_id, day, last_value) values (${unitId}, ${day}, 1)
        on conflict (unit_id, day) do update set last_value = queue_ticket_sequences.last_value + 1
        returning last_value`,
  );
  return row!.last_value;
}

function waitingTickets(db: Queryable, unitId: string, day: string, fieldCodes?: readonly string[]) {
  return db
    .select()
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.unitId, unitId),
        eq(queueTickets.day, day),
        eq(queueTickets.status, 'waiting'),
        fieldCodes?.length ? inArray(queueTickets.fieldCode, [...fieldCodes]) : undefined,
      ),
    );
}

/** Check-in at the kiosk: a booking's code (or its QR text), or a walk-in for a field. */
export async function checkIn(
  tx: Tx,
  ctx: RequestContext,
  unitId: string,
  input: CheckInInput,
  now: Date,
  graceMinutes: number,
) {
  const day = vietnamDateOf(now);
  let fieldCode: string;
  let bookingId: string | null = null;
  if ('bookingCode' in input) {
    const code = parseBookingCode(input.bookingCode);
    if (!code) throw new AppError('BOOKING_CODE_INVALID');
    await tx.select({ id: queueBookings.id }).from(queueBookings).where(eq(queueBookings.code, code)).for('update');
    const booking = await bookingByCode(tx, code);
    if (booking.unitId !== unitId) throw new AppError('BOOKING_WRONG_UNIT');
    const problem = checkInProblem(booking.status, booking, now, graceMinutes);
    if (problem) throw new AppError(problem as ErrorCode);
    await tx
      .update(queueBookings)
      .set({ status: 'checkedIn', checkedInAt: now })
      .where(eq(queueBookings.id, booking.id));
    fieldCode = booking.fieldCode;
    bookingId = booking.id;
  } else {
    if (!(await servedFields(tx, unitId)).some((f) => f.code === input.fieldCode))
      throw new AppError('QUEUE_FIELD_NOT_SERVED', { fieldCode: input.fieldCode });
    fieldCode = input.fieldCode;
  }
  const number = await nextTicketNumber(tx, unitId, day);
  const [ticket] = await tx
    .insert(queueTickets)
    .values({
      unitId,
      day,
      number,
      fieldCode,
      bookingId,
      elderly: input.elderly ?? false,
      disabled: input.disabled ?? false,
      checkedInAt: now,
    })
    .returning();
  const ahead = orderQueue((await waitingTickets(tx, unitId, day, [fieldCode])).map(asQueued)).findIndex(
    (t) => t.id === ticket!.id,
  );
  await recordChange(tx, ctx, {
    action: 'queue.checkIn',
    targetType: 'queue_ticket',
    targetId: ticket!.id,
    unitId,
    after: { number, fieldCode, booked: bookingId !== null },
    event: { unitId, number, fieldCode },
  });
  return { ...ticketView(ticket!), fieldName: (await fieldName(tx, fieldCode)) ?? fieldCode, ahead };
}

async function currentTicket(tx: Tx, unitId: string, counter: number, day: string): Promise<TicketRow | undefined> {
  const [t] = await tx
    .select()
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.unitId, unitId),
        eq(queueTickets.day, day),
        eq(queueTickets.counterNumber, counter),
        eq(queueTickets.status, 'called'),
      ),
    )
    .orderBy(asc(queueTickets.calledAt))
    .for('update');
  return t;
}

/**
 * Calls the next ticket to a counter (of the given fields, or any). The ticket the counter was
 * serving is finished first: moving on means its service ended. Null when nobody waits.
 */
export async function callNext(
  tx: Tx,
  ctx: RequestContext,
  unitId: string,
  counter: number,
  fieldCodes: readonly string[] | undefined,
  now: Date,
) {
  const day = vietnamDateOf(now);
  const serving = await currentTicket(tx, unitId, counter, day);
  if (serving)
    await tx.update(queueTickets).set({ status: 'done', finishedAt: now }).where(eq(queueTickets.id, serving.id));
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const pick = nextInQueue((await waitingTickets(tx, unitId, day, fieldCodes)).map(asQueued));
    if (!pick) return null;
    const [called] = await tx
      .update(queueTickets)
      .set({ status: 'called', calledAt: now, counterNumber: counter, officerId: ctx.actor?.userId ?? null })
      .where(and(eq(queueTickets.id, pick.id), eq(queueTickets.status, 'waiting')))
      .returning();
    if (!called) continue; // another counter called it first
    await recordChange(tx, ctx, {
      action: 'queue.call',
      targetType: 'queue_ticket',
      targetId: called.id,
      unitId,
      after: { number: called.number, counter },
      event: { unitId, number: called.number, counter },
    });
    return ticketView(called);
  }
  throw new AppError('CONFLICT');
}

/** Recall, skip or finish the ticket a counter is serving. */
export async function counterAction(
  tx: Tx,
  ctx: RequestContext,
  unitId: string,
  counter: number,
  action: CounterAction,
  now: Date,
) {
  const ticket = await currentTicket(tx, unitId, counter, vietnamDateOf(now));
  if (!ticket) throw new AppError('QUEUE_NO_CURRENT_TICKET');
  const status = counterTransition(ticket.status, action);
  if (!status) throw new AppError('QUEUE_NO_CURRENT_TICKET');
  const [updated] = await tx
    .update(queueTickets)
    .set(action === 'recall' ? { recalls: ticket.recalls + 1 } : { status, finishedAt: now })
    .where(eq(queueTickets.id, ticket.id))
    .returning();
  await recordChange(tx, ctx, {
    action: `queue.${action}`,
    targetType: 'queue_ticket',
    targetId: ticket.id,
    unitId,
    after: { number: ticket.number, counter, status },
    event: { unitId, number: ticket.number, counter, action },
  });
  return ticketView(updated!);
}

/** What the public display shows: the number at each counter and the next ones, no personal data. */
export async function queueBoard(db: Queryable, unitId: string, now: Date) {
  const day = vietnamDateOf(now);
  const fields = await servedFields(db, unitId);
  const names = new Map(fields.map((f) => [f.code, f.name]));
  const called = await db
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.unitId, unitId), eq(queueTickets.day, day), eq(queueTickets.status, 'called')))
    .orderBy(asc(queueTickets.counterNumber));
  const waiting = orderQueue((await waitingTickets(db, unitId, day)).map(asQueued));
  const brief = (t: TicketRow) => ({
    number: t.number,
    label: ticketLabel(t.number),
    fieldCode: t.fieldCode,
    fieldName: names.get(t.fieldCode) ?? t.fieldCode,
  });
  return {
    unitId,
    day,
    fields,
    serving: called.map((t) => ({ ...brief(t), counter: t.counterNumber!, calledAt: t.calledAt!, recalls: t.recalls })),
    next: waiting.slice(0, 10).map((t) => ({
      ...brief(t),
      priority: t.elderly || t.disabled ? ('priority' as const) : t.booked ? ('booked' as const) : ('none' as const),
    })),
    waitingCount: waiting.length,
  };
}
