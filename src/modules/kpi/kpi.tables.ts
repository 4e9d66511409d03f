import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.js';
import type { KpiConfig } from './kpi.config.js';

/**
 * The Decision-766 configuration of a year (groups, weights, thresholds, grade bands), versioned:
 * a replacement is a new row, never an edit, so an index computed with version n can be
 * recomputed with version n later. A year without rows uses DEFAULT_KPI_CONFIG (version 0).
 */
export const kpiConfigs = pgTable(
  'kpi_configs',
  {
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    config: jsonb('config').$type<KpiConfig>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.year, t.version] })],
);

/**
 * The monthly late lists sent to the units' heads (late-notices.service.ts): one row per reporting
 * month, written in the transaction that queues every unit's message, so a month is sent once —
 * across restarts and processes (a second process waits on the key, then finds it taken).
 */
export const kpiLateListNotices = pgTable('kpi_late_list_notices', {
  /** The reporting month, YYYY-MM (21st of the month before → 20th). */
  month: text('month').primaryKey(),
  units: integer('units').notNull(),
  dossiers: integer('dossiers').notNull(),
  messages: integer('messages').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
});
