import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { procedures } from '../catalog/catalog.tables.js';
import { dossiers } from '../dossiers/dossiers.tables.js';
import { feedbackItems } from '../feedback/feedback.tables.js';
import { users } from '../identity/identity.tables.js';
import { units } from '../org/units.table.js';
import type { RatingChannel } from './satisfaction.rules.js';

/**
 * Tiêu chí đánh giá the province configures. A criterion is never deleted (ratings keep its key);
 * removing it from the list deactivates it.
 */
export const satisfactionCriteria = pgTable(
  'satisfaction_criteria',
  {
    key: text('key').primaryKey(),
    label: text('label').notNull(),
    /** The English label for the UI in English; null = show the Vietnamese one. */
    labelEn: text('label_en'),
    /** 3 or 5 levels (1 = worst). */
    scale: integer('scale').notNull(),
    position: integer('position').notNull(),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('satisfaction_criteria_scale_check', sql`${t.scale} in (3, 5)`)],
);

/**
 * One rating of a dossier through one channel (portal, counter tablet, notification link). The
 * dossier's units, procedure and one-stop officers are copied at rating time so aggregates are
 * plain indexed queries and do not move when a dossier is later transferred.
 */
export const satisfactionRatings = pgTable(
  'satisfaction_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    channel: text('channel').$type<RatingChannel>().notNull(),
    receivingUnitId: uuid('receiving_unit_id')
      .notNull()
      .references(() => units.id),
    competentUnitId: uuid('competent_unit_id')
      .notNull()
      .references(() => units.id),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    /** The one-stop officers who received and returned the dossier (either may be null). */
    receivedBy: uuid('received_by').references(() => users.id),
    returnedBy: uuid('returned_by').references(() => users.id),
    satisfied: boolean('satisfied').notNull(),
    reason: text('reason'),
    /** The feedback item a bad rating became, if the rater asked. */
    feedbackId: uuid('feedback_id').references(() => feedbackItems.id),
    ratedBy: uuid('rated_by').references(() => users.id),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('satisfaction_ratings_dossier_channel_uq').on(t.dossierId, t.channel),
    index('satisfaction_ratings_competent_idx').on(t.competentUnitId, t.ratedAt),
    index('satisfaction_ratings_receiving_idx').on(t.receivingUnitId, t.ratedAt),
    check('satisfaction_ratings_channel_check', sql`${t.channel} in ('portal', 'counter', 'link')`),
  ],
);

/** The level given on each criterion. */
export const satisfactionScores = pgTable(
  'satisfaction_scores',
  {
    ratingId: uuid('rating_id')
      .notNull()
      .references(() => satisfactionRatings.id),
    criterionKey: text('criterion_key')
      .notNull()
      .references(() => satisfactionCriteria.key),
    scale: integer('scale').notNull(),
    level: integer('level').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ratingId, t.criterionKey] }),
    check('satisfaction_scores_level_check', sql`${t.level} between 1 and ${t.scale}`),
  ],
);
