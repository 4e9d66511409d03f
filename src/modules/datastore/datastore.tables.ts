import { boolean, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.js';
import { dossiers } from '../dossiers/dossiers.tables.js';

/**
 * Kho dữ liệu: the documents an applicant's dossiers produced — digitized components and
 * results — keyed by personal identifier or tax code, with where each came from, so the next
 * dossier can reuse them instead of asking for the paper again.
 */
export const storeItems = pgTable(
  'store_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicantKey: text('applicant_key').notNull(),
    kind: text('kind').$type<'document' | 'result'>().notNull(),
    /** The component's (or result's) name as the procedure calls it. */
    name: text('name').notNull(),
    fileIds: uuid('file_ids').array().notNull(),
    sourceDossierId: uuid('source_dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** The source dossier's code, kept with the item (shown in the applicant's store). */
    sourceDossierCode: text('source_dossier_code').notNull(),
    sourceComponentId: uuid('source_component_id'),
    /** The officer whose receipt made it a digitized, checked copy (người số hóa). */
    digitizedBy: uuid('digitized_by').references(() => users.id),
    /** A result's validity (hiệu lực đến): an expired item is no longer offered for reuse. */
    validUntil: date('valid_until'),
    /** Whether it carries a verified digital signature (a signed result). */
    signed: boolean('signed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('store_items_applicant_idx').on(t.applicantKey),
    // A dossier's digitized copies (its page; the KPI rollup's refresh of a batch of dossiers).
    index('store_items_source_dossier_idx').on(t.sourceDossierId, t.sourceComponentId),
  ],
);

/** Each time a stored item satisfied a component of a later dossier (tái sử dụng). */
export const storeItemReuses = pgTable(
  'store_item_reuses',
  {
    storeItemId: uuid('store_item_id')
      .notNull()
      .references(() => storeItems.id),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    componentId: uuid('component_id').notNull(),
    reusedAt: timestamp('reused_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.storeItemId, t.dossierId, t.componentId] }),
    // The papers a dossier reused (the key leads with the item).
    index('store_item_reuses_dossier_idx').on(t.dossierId, t.componentId),
  ],
);
