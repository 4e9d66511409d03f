import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { procedures } from '../catalog/catalog.tables.js';
import { dossiers } from '../dossiers/dossiers.tables.js';
import { users } from '../identity/identity.tables.js';
import { units } from '../org/units.table.js';
import type { FeedbackCategory, FeedbackChannel, FeedbackStatus } from './feedback.rules.js';
import type { FeedbackReminderKind } from './reminders.rules.js';

/** Who sent a feedback item, as they gave it. Never leaves on public pages (public-view.rules.ts). */
export interface Submitter {
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
  personalId?: string | undefined;
}

/**
 * Phản ánh, kiến nghị (PAKN): one item from receipt to its published answer. `number` gives the
 * public code (PAKN-000123). Deadlines are stored when they start so worklists and reminders are
 * indexed queries; the answer's due time moves by the working time spent awaiting a supplement.
 */
export const feedbackItems = pgTable(
  'feedback_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: serial('number').notNull(),
    code: text('code').notNull(),
    channel: text('channel').$type<FeedbackChannel>().notNull(),
    status: text('status').$type<FeedbackStatus>().notNull(),
    /** Set when the provincial office classifies the item (regulation/policy/procedure vs conduct). */
    category: text('category').$type<FeedbackCategory>(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    /** searchKey(title + content): diacritic-free text for pg_trgm duplicate detection. */
    searchText: text('search_text').notNull(),
    submitter: jsonb('submitter').$type<Submitter>().notNull(),
    /** The submitter asked not to be named on the portal. */
    anonymous: boolean('anonymous').notNull().default(false),
    submitterUserId: uuid('submitter_user_id').references(() => users.id),
    /** sha256 of the verified phone/email of an anonymous portal submitter (their voter key). */
    contactKey: text('contact_key'),
    procedureId: uuid('procedure_id').references(() => procedures.id),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    fileIds: uuid('file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** A re-complaint (khiếu nại lại) points at the published item it complains about. */
    parentId: uuid('parent_id'),
    /** The competent unit the item is routed to. */
    unitId: uuid('unit_id').references(() => units.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receivedBy: uuid('received_by').references(() => users.id),
    refuseDueAt: timestamp('refuse_due_at', { withTimezone: true }).notNull(),
    supplementDueAt: timestamp('supplement_due_at', { withTimezone: true }).notNull(),
    answerDueAt: timestamp('answer_due_at', { withTimezone: true }).notNull(),
    publishDueAt: timestamp('publish_due_at', { withTimezone: true }),
    pausedSince: timestamp('paused_since', { withTimezone: true }),
    supplementCount: integer('supplement_count').notNull().default(0),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by').references(() => users.id),
    /** When handling ended (answered or refused) and how against its due time. */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    outcome: text('outcome').$type<'early' | 'onTime' | 'late'>(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishOutcome: text('publish_outcome').$type<'early' | 'onTime' | 'late'>(),
    likes: integer('likes').notNull().default(0),
    dislikes: integer('dislikes').notNull().default(0),
    complaints: integer('complaints').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('feedback_items_code_uq').on(t.code),
    index('feedback_items_unit_status_idx').on(t.unitId, t.status),
    index('feedback_items_status_idx').on(t.status, t.answerDueAt),
    index('feedback_items_published_idx').on(t.publishedAt),
    index('feedback_items_procedure_idx').on(t.procedureId),
    index('feedback_items_submitter_idx').on(t.submitterUserId),
    // Complaints about a dossier (its page; the KPI rollup's satisfaction of a batch of dossiers).
    index('feedback_items_dossier_idx').on(t.dossierId),
    // GIN: who may download an attachment looks up the items holding it (file_ids @> [id]).
    index('feedback_items_files_idx').using('gin', t.fileIds),
    check('feedback_items_channel_check', sql`${t.channel} in ('portal', 'counter', 'phone', 'mail')`),
  ],
);

/** Everything that happened to an item, in order (audit has the same, this is the readable history). */
export const feedbackEvents = pgTable(
  'feedback_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    feedbackId: uuid('feedback_id')
      .notNull()
      .references(() => feedbackItems.id),
    action: text('action').notNull(),
    fromStatus: text('from_status').$type<FeedbackStatus>(),
    toStatus: text('to_status').$type<FeedbackStatus>().notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    note: text('note'),
    /** For refuse / requestSupplement / answer / publish: the limit it was measured against. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    outcome: text('outcome').$type<'early' | 'onTime' | 'late'>(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('feedback_events_item_idx').on(t.feedbackId, t.occurredAt)],
);

/** Useful / not useful marks on a published answer: one per account or verified contact. */
export const feedbackVotes = pgTable(
  'feedback_votes',
  {
    feedbackId: uuid('feedback_id')
      .notNull()
      .references(() => feedbackItems.id),
    /** `user:<id>` or `contact:<sha256 of the normalised phone/email>`. */
    voterKey: text('voter_key').notNull(),
    useful: boolean('useful').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('feedback_votes_voter_uq').on(t.feedbackId, t.voterKey)],
);

/**
 * One-time codes proving an anonymous submitter owns a phone or e-mail. Only hashes are stored:
 * the code's, and the contact's (the contact itself travels to the Notifier, never to a log).
 * A confirmed verification yields a contact token, also stored as its hash, valid for a while.
 */
export const contactVerifications = pgTable(
  'contact_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    medium: text('medium').$type<'sms' | 'email'>().notNull(),
    /** The contact as given (needed to record it on the item it verifies); not shown anywhere. */
    contact: text('contact').notNull(),
    contactKey: text('contact_key').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    tokenHash: text('token_hash'),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contact_verifications_token_uq').on(t.tokenHash),
    index('contact_verifications_contact_idx').on(t.contactKey, t.createdAt),
  ],
);

/**
 * Reminders sent to the competent unit about an item's deadline: at most one per item and kind
 * (answer/publication × due soon/overdue). The row is inserted before the messages go out, in
 * their transaction, so the primary key is what makes a second run (or another process) skip it.
 */
export const feedbackReminders = pgTable(
  'feedback_reminders',
  {
    feedbackId: uuid('feedback_id')
      .notNull()
      .references(() => feedbackItems.id),
    kind: text('kind').$type<FeedbackReminderKind>().notNull(),
    /** The deadline the reminder named. */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    /** How many officials it reached (0: nobody on the unit has a work e-mail or phone). */
    recipients: integer('recipients').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.feedbackId, t.kind] })],
);
