import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sessions, users } from '../identity/identity.tables.js';
import type { IdentityProfile } from './vneid-claims.rules.js';

/**
 * Liên kết tài khoản định danh: an identity at a provider (issuer + subject) linked to a MotCua
 * account, with what the provider last said about the person (personal data, never logged).
 */
export const oidcIdentities = pgTable(
  'oidc_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The claim accounts are linked by (số định danh cá nhân). */
    personalId: text('personal_id').notNull(),
    level: smallint('level').notNull(),
    /** The claims as read (vneid-claims.ts), the profile's "identity provider" source. */
    profile: jsonb('profile').$type<IdentityProfile>().notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('oidc_identities_subject_uq').on(t.issuer, t.subject),
    index('oidc_identities_user_idx').on(t.userId),
    check('oidc_identities_level_check', sql`${t.level} in (1, 2)`),
  ],
);

/**
 * A sign-in waiting for the person to prove the password of the MotCua account that already
 * carries their personal identifier (both are proven before they are linked). Short-lived; only
 * the SHA-256 of the token handed to the browser is stored.
 */
export const oidcPendingLinks = pgTable('oidc_pending_links', {
  tokenHash: text('token_hash').primaryKey(),
  issuer: text('issuer').notNull(),
  subject: text('subject').notNull(),
  sid: text('sid'),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  level: smallint('level').notNull(),
  profile: jsonb('profile').$type<IdentityProfile>().notNull(),
  returnTo: text('return_to'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** Which MotCua sessions a provider's session opened: its back-channel logout ends them. */
export const oidcSessions = pgTable(
  'oidc_sessions',
  {
    sessionId: uuid('session_id')
      .primaryKey()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    /** The provider's session id (`sid` claim), when it sends one. */
    sid: text('sid'),
  },
  (t) => [
    index('oidc_sessions_sid_idx').on(t.issuer, t.sid),
    index('oidc_sessions_subject_idx').on(t.issuer, t.subject),
  ],
);
