/**
 * The applicant's data store, as reporting readers see it (kpi's digitization indicators, the
 * national-portal snapshot): sub-selects of named columns aliased as the tables, inlined by
 * PostgreSQL; only these columns are promised.
 */
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { storeItemReuses, storeItems } from './datastore.tables.js';

const qb = new QueryBuilder();

/** Items digitized into the store from a dossier's component. */
export const reportedStoreItems = qb
  .select({
    sourceDossierId: storeItems.sourceDossierId, // the dossier it was digitized from (null: other source)
    sourceComponentId: storeItems.sourceComponentId, // the component it was digitized from
  })
  .from(storeItems)
  .as('store_items');

/** Store items reused for a dossier's component instead of a new paper. */
export const reportedReuses = qb
  .select({
    dossierId: storeItemReuses.dossierId, // the dossier that reused
    componentId: storeItemReuses.componentId, // the component it stood for
  })
  .from(storeItemReuses)
  .as('store_item_reuses');
