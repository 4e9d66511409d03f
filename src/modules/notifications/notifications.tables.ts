import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
import { users } from '../identity/identity.tables.js';

export const CHANNELS = ['inapp', 'email', 'sms', 'zalo'] as const;
export type Channel = (typeof CHANNELS)[number];
export type ExternalChannel = Exclude<Channel, 'inapp'>;

/**
 * pending → sent (→ delivered, when the provider calls back) | failed (tries exhausted, or refused
 * by the provider) | skipped (the recipient opted out of this channel for this kind). In-app
 * messages are `sent` on creation and carry `readAt`.
 */
export const MESSAGE_STATUSES = ['pending', 'sent', 'delivered', 'failed', 'skipped'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * The delivery log: one row per (event, recipient, channel) — the unique key makes every producer
 * idempotent — with the rendered text, its status and the tries. Bodies hold what the recipient
 * may see (one-time codes included), so rows are never logged; the administrator's list masks
 * the address.
 */
export const notificationMessages = pgTable(
  'notification_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What happened, once: `outbox:<id>`, `apology:<dossier>:<appointment>`, `digest:<user>:<day>` … */
    eventKey: text('event_key').notNull(),
    /** The template's key (e.g. `dossier.received`): what the preference and the legal flag are about. */
    kind: text('kind').notNull(),
    /** `user:<id>`, or `contact:<address>` for someone without an account (a booking, a feedback). */
    recipientKey: text('recipient_key').notNull(),
    userId: uuid('user_id').references(() => users.id),
    channel: text('channel').$type<Channel>().notNull(),
    /** E-mail address or phone; null in-app. Personal data. */
    address: text('address'),
    templateVersion: integer('template_version').notNull(),
    locale: text('locale').$type<'vi' | 'en'>().notNull().default('vi'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The dossier's or feedback's code the message is about (ZNS template parameter, the inbox's filter). */
    reference: text('reference'),
    /** Where the in-app message leads (a portal or console path). */
    link: text('link'),
    urgent: boolean('urgent').notNull().default(false),
    status: text('status').$type<MessageStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Not before then (quiet hours, backoff after a failure). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    /** The provider's id of the message (SMTP Message-ID, gateway id, ZNS msg_id). */
    providerId: text('provider_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('notification_messages_once_uq').on(t.eventKey, t.recipientKey, t.channel),
    index('notification_messages_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('notification_messages_inbox_idx').on(t.userId, t.createdAt).where(sql`${t.channel} = 'inapp'`),
    index('notification_messages_provider_idx').on(t.providerId),
    check('notification_messages_channel_check', sql.raw(`channel in ('inapp', 'email', 'sms', 'zalo')`)),
    check(
      'notification_messages_status_check',
      sql.raw(`status in ('pending', 'sent', 'delivered', 'failed', 'skipped')`),
    ),
  ],
);

/** A person's choice per kind and channel; no row = the kind's default. Legal notices ignore it. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.channel] })],
);

/**
 * The administrator's versions of a template (the built-in text is version 0, in code). The
 * highest version of a (kind, locale) is the one used; older ones stay for the log's reference.
 */
export const notificationTemplates = pgTable(
  'notification_templates',
  {
    kind: text('kind').notNull(),
    locale: text('locale').$type<'vi' | 'en'>().notNull(),
    version: integer('version').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Placeholders used, for reading: the kind's allowed variables are checked on save. */
    variables: jsonb('variables').$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.locale, t.version] })],
);

export const NOTIFICATION_LOCALES = ['vi', 'en'] as const;

/**
 * A person's language for messages (their templates are rendered in it on every channel); no row
 * = Vietnamese, the official language (Constitution 2013, art. 5).
 */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    locale: text('locale').$type<'vi' | 'en'>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  () => [check('notification_settings_locale_check', sql.raw(`locale in ('vi', 'en')`))],
);
