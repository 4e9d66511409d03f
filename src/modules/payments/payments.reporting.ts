/**
 * Payments as reporting readers see them (kpi's online-payment indicators, the national-portal
 * snapshot): a sub-select of named columns aliased as the table, inlined by PostgreSQL.
 */
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { payments } from './payments.tables.js';

const qb = new QueryBuilder();

/** Payments of dossiers, one row per attempt. */
export const reportedPayments = qb
  .select({
    dossierId: payments.dossierId, // the dossier paid for
    channel: payments.channel, // online | counter
    status: payments.status, // pending | paid | failed | expired …
  })
  .from(payments)
  .as('payments');
