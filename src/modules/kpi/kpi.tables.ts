import { integer, jsonb, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
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
