import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { procedures, procedureVersions } from '../catalog/catalog.tables.js';
import { users } from '../identity/identity.tables.js';
import type { CostInput } from './compliance-cost.rules.js';

/** What the review proposes (phương án đơn giản hóa). */
export interface Simplification {
  partsRemoved: number;
  timeCutDays: number;
  feesCutVnd: number;
  fieldsReused: number;
  note: string;
}

/** The catalog's facts about the procedure when the review was made (prefilled, kept as they were). */
export interface ReviewedFacts {
  parts: number;
  mandatoryParts: number;
  forms: number;
  channels: string[];
  timeLimits: { channel: string; value: number; unit: string }[];
  feesVnd: number;
  onlineLevel: string;
}

/** Rà soát, đánh giá TTHC: one procedure's review with its compliance cost before and after (Circular 02/2017/TT-VPCP Art. 27). */
export const procedureReviews = pgTable(
  'procedure_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    versionId: uuid('version_id').references(() => procedureVersions.id),
    year: integer('year').notNull(),
    facts: jsonb('facts').$type<ReviewedFacts>().notNull(),
    before: jsonb('before').$type<CostInput>().notNull(),
    after: jsonb('after').$type<CostInput>().notNull(),
    proposal: jsonb('proposal').$type<Simplification>().notNull(),
    beforeCostPerYearVnd: bigint('before_cost_per_year_vnd', { mode: 'number' }).notNull(),
    afterCostPerYearVnd: bigint('after_cost_per_year_vnd', { mode: 'number' }).notNull(),
    savingsPercent: numeric('savings_percent', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    status: text('status').$type<'draft' | 'approved'>().notNull().default('draft'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [
    index('procedure_reviews_year_idx').on(t.year, t.procedureId),
    check('procedure_reviews_status_check', sql`${t.status} in ('draft', 'approved')`),
  ],
);
