import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { procedureFields, procedures } from '../catalog/catalog.tables.js';
import { users } from '../identity/identity.tables.js';
import { units } from '../org/units.table.js';
import type { BookingStatus, TemplateEntry, TicketStatus } from './queue.rules.js';

/**
 * A unit's weekly booking template: which counter groups (fields of procedures) take
 * appointments at which times and how many people per slot. One row per unit, replaced whole.
 */
export const queueTemplates = pgTable('queue_templates', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  entries: jsonb('entries').$type<TemplateEntry[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * A bookable time slot of a counter group. `booked` counts the live bookings; a booking raises it
 * with a conditional update (`booked < capacity`) in its own transaction, which is what keeps
 * concurrent bookings from overfilling the slot (the check constraint is the last guard).
 */
export const queueSlots = pgTable(
  'queue_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    fieldCode: text('field_code')
      .notNull()
      .references(() => procedureFields.code),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [
    uniqueIndex('queue_slots_unit_field_start_uq').on(t.unitId, t.fieldCode, t.startsAt),
    index('queue_slots_field_start_idx').on(t.fieldCode, t.startsAt),
    check('queue_slots_booked_check', sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`),
    check('queue_slots_time_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * An appointment (lịch hẹn) in a slot; `code` is what the kiosk scans. Either a citizen's own
 * (`userId`) or a caller's that a one-stop officer booked for them (đặt lịch hộ: no account,
 * `bookedBy` is the officer, the phone is required and identifies the person).
 */
export const queueBookings = pgTable(
  'queue_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => queueSlots.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    userId: uuid('user_id').references(() => users.id),
    bookedBy: uuid('booked_by').references(() => users.id),
    /** Contact for the reminder (personal data: never logged, masked in audit). */
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    /** Số định danh cá nhân a caller may give (personal data). */
    personalId: text('personal_id'),
    status: text('status').$type<BookingStatus>().notNull().default('booked'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    noShowAt: timestamp('no_show_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('queue_bookings_code_uq').on(t.code),
    // One person holds at most one live booking of a slot.
    uniqueIndex('queue_bookings_person_slot_uq')
      .on(t.slotId, t.userId)
      .where(sql`${t.status} in ('booked', 'checkedIn')`),
    // A caller without an account is told apart by the phone number (digits only).
    uniqueIndex('queue_bookings_caller_slot_uq')
      .on(t.slotId, t.phone)
      .where(sql`${t.userId} is null and ${t.status} in ('booked', 'checkedIn')`),
    index('queue_bookings_user_idx').on(t.userId),
    index('queue_bookings_slot_idx').on(t.slotId, t.status),
    check('queue_bookings_status_check', sql`${t.status} in ('booked', 'cancelled', 'checkedIn', 'noShow')`),
    check(
      'queue_bookings_holder_check',
      sql`${t.userId} is not null or (${t.bookedBy} is not null and ${t.phone} is not null)`,
    ),
  ],
);

/** The last ticket number a unit issued on a day (Vietnam time), like dossier code sequences. */
export const queueTicketSequences = pgTable(
  'queue_ticket_sequences',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day', { mode: 'string' }).notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day] })],
);

/**
 * A numbered queue ticket (số thứ tự) from check-in to the end of service. The instants give the
 * waiting time (checked in → called) and the service time (called → finished).
 */
export const queueTickets = pgTable(
  'queue_tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day', { mode: 'string' }).notNull(),
    number: integer('number').notNull(),
    fieldCode: text('field_code')
      .notNull()
      .references(() => procedureFields.code),
    bookingId: uuid('booking_id').references(() => queueBookings.id),
    elderly: boolean('elderly').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    status: text('status').$type<TicketStatus>().notNull().default('waiting'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
    calledAt: timestamp('called_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    counterNumber: integer('counter_number'),
    officerId: uuid('officer_id').references(() => users.id),
    recalls: integer('recalls').notNull().default(0),
  },
  (t) => [
    uniqueIndex('queue_tickets_unit_day_number_uq').on(t.unitId, t.day, t.number),
    uniqueIndex('queue_tickets_booking_uq').on(t.bookingId),
    index('queue_tickets_unit_status_idx').on(t.unitId, t.status, t.day),
    index('queue_tickets_checked_in_idx').on(t.unitId, t.checkedInAt),
    check('queue_tickets_status_check', sql`${t.status} in ('waiting', 'called', 'skipped', 'done')`),
  ],
);
