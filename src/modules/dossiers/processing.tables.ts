/**
 * What processing adds beside the dossier row: consultations of other units, apology and
 * extension letters, financial obligations, and the results issued. Each row belongs to one
 * dossier and is written by the action that creates or closes it.
 */
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.js';
import type { Role } from '../../kernel/context.js';
import { units } from '../org/units.table.js';
import { storedFiles } from '../files/files.table.js';
import { dossiers } from './dossiers.tables.js';

type Timeliness = 'early' | 'onTime' | 'late';

/** Xin ý kiến: a question to another unit, answered in parallel within its own allotment. */
export const dossierConsultations = pgTable(
  'dossier_consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** The step that asked; a planned consultation also carries its key in the workflow. */
    stepKey: text('step_key').notNull(),
    plannedKey: text('planned_key'),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The role that answers at the unit (null: whoever processes dossiers there). */
    role: text('role').$type<Role>(),
    question: text('question').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    outcome: text('outcome').$type<Timeliness>(),
  },
  (t) => [
    index('dossier_consultations_dossier_idx').on(t.dossierId),
    index('dossier_consultations_open_idx').on(t.unitId, t.answeredAt),
  ],
);

/** Văn bản xin lỗi và hẹn lại ngày trả kết quả (mẫu 04), approved by a leader of the unit. */
export const dossierExtensions = pgTable(
  'dossier_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    reason: text('reason').notNull(),
    previousAppointmentAt: timestamp('previous_appointment_at', { withTimezone: true }).notNull(),
    newAppointmentAt: timestamp('new_appointment_at', { withTimezone: true }).notNull(),
    approvedBy: uuid('approved_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('dossier_extensions_dossier_idx').on(t.dossierId)],
);

/** Nghĩa vụ tài chính (thuế, phí, lệ phí) the applicant must meet before the result. */
export const dossierObligations = pgTable(
  'dossier_obligations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    description: text('description').notNull(),
    amountVnd: integer('amount_vnd').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    receiptNumber: text('receipt_number'),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
  },
  (t) => [index('dossier_obligations_dossier_idx').on(t.dossierId)],
);

/**
 * Kết quả giải quyết: an electronic document with legal value (number, date, issuer, validity,
 * signature) and optionally a paper original. `verification` is what the signature verifier
 * found when the result was recorded.
 */
export const dossierResults = pgTable(
  'dossier_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    name: text('name').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    /** Số, ký hiệu văn bản. */
    number: text('number').notNull(),
    issuedOn: date('issued_on').notNull(),
    issuer: text('issuer').notNull(),
    validUntil: date('valid_until'),
    signer: text('signer').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    certificateSerial: text('certificate_serial').notNull(),
    verification: text('verification').$type<'valid' | 'invalid' | 'unsigned' | 'unverifiable'>().notNull(),
    verificationDetail: text('verification_detail'),
    paperCopy: boolean('paper_copy').notNull().default(false),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('dossier_results_dossier_idx').on(t.dossierId), index('dossier_results_file_idx').on(t.fileId)],
);

/**
 * Reminders that a dossier needs its apology letter (mẫu 04), sent to the competent unit's leaders
 * and the assignee: one per dossier and appointment (a new appointment that runs late again needs
 * a new letter, so a new reminder). Inserted before the messages go out, in their transaction.
 */
export const dossierApologyReminders = pgTable(
  'dossier_apology_reminders',
  {
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    appointmentAt: timestamp('appointment_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    recipients: integer('recipients').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.appointmentAt] })],
);
