/**
 * The sync to the national portal as reporting readers see it (kpi's transparency.synced): a
 * sub-select of named columns aliased as the table, inlined by PostgreSQL.
 */
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { nationalDossierSyncs } from './national-portal.tables.js';

const qb = new QueryBuilder();

/** One row per dossier known to the sync. */
export const reportedSyncs = qb
  .select({
    dossierId: nationalDossierSyncs.dossierId, // the dossier
    receivedSyncedAt: nationalDossierSyncs.receivedSyncedAt, // the portal first accepted it as received (null: not yet)
  })
  .from(nationalDossierSyncs)
  .as('national_dossier_syncs');
