/**
 * Ratings as reporting readers see them (kpi's dossier satisfaction): a sub-select of named
 * columns aliased as the table, inlined by PostgreSQL.
 */
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { satisfactionRatings } from './satisfaction.tables.js';

const qb = new QueryBuilder();

/** Ratings of dossiers, one per dossier and channel. */
export const reportedRatings = qb
  .select({
    dossierId: satisfactionRatings.dossierId, // the dossier rated
    satisfied: satisfactionRatings.satisfied, // the rating counts as satisfied
  })
  .from(satisfactionRatings)
  .as('satisfaction_ratings');
