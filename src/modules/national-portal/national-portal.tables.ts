/**
 * Đồng bộ hồ sơ lên Cổng DVCQG: one row per dossier saying whether the national portal holds its
 * current state. A dossier's change marks it pending (the outbox subscriber); the sync task pushes
 * pending rows and records the outcome. `received_synced_at` is what Decision 766's
 * transparency.synced counts (docs/ARCHITECTURE.md, "National portal sync").
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { dossiers } from '../dossiers/dossiers.tables.js';

export const SYNC_STATUSES = ['pending', 'synced', 'failed'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

export const nationalDossierSyncs = pgTable(
  'national_dossier_syncs',
  {
    dossierId: uuid('dossier_id')
      .primaryKey()
      .references(() => dossiers.id),
    status: text('status').$type<SyncStatus>().notNull(),
    /** When the latest change asked for a push: a push read before it does not make the row synced. */
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    /** dossiers.version of the state the portal last accepted. */
    syncedVersion: integer('synced_version'),
    firstSyncedAt: timestamp('first_synced_at', { withTimezone: true }),
    lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }),
    /** First time the portal accepted the dossier as received (TrangThaiHoSo ≠ 1, NgayTiepNhan set): the 766 numerator. */
    receivedSyncedAt: timestamp('received_synced_at', { withTimezone: true }),
    /** Progress steps (dossier_events, in order) the portal has been sent (CapNhatTienDoHoSoMC). */
    stepsSynced: integer('steps_synced').notNull().default(0),
    /** Failed pushes since the last success (the backoff's exponent). */
    attempts: integer('attempts').notNull().default(0),
    /** Due for a push from then (also the lease of a push in progress); null when synced. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastErrorCode: text('last_error_code'),
    lastErrorMessage: text('last_error_message'),
  },
  (t) => [
    index('national_dossier_syncs_due_idx').on(t.nextAttemptAt).where(sql`${t.status} <> 'synced'`),
    index('national_dossier_syncs_status_idx').on(t.status),
    check('national_dossier_syncs_status_check', sql`${t.status} in ('pending', 'synced', 'failed')`),
  ],
);
