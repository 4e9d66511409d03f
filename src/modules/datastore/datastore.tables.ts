import { boolean, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.js';
import { dossiers } from '../dossiers/dossiers.tables.js';
import { units } from '../org/units.table.js';
import { procedures } from '../catalog/catalog.tables.js';

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

/**
 * Phiên tra cứu: an officer's read of one applicant's store, for one intake (store-access.rules.ts).
 * Refused openings (too many applicants) are kept too: they carry the alarm.
 */
export const storeReads = pgTable(
  'store_reads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => users.id),
    /** The receiving unit the officer reads for. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Personal identifier or tax code (personal data: never logged, masked in audit). */
    applicantKey: text('applicant_key').notNull(),
    procedureId: uuid('procedure_id').references(() => procedures.id),
    basis: text('basis').$type<'counter' | 'consent'>().notNull(),
    purpose: text('purpose').notNull(),
    refused: boolean('refused').notNull().default(false),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('store_reads_officer_idx').on(t.officerId, t.openedAt)],
);

/** Mã đồng ý: a one-time code by which an applicant lets an officer read their whole store. */
export const storeConsentCodes = pgTable(
  'store_consent_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicantKey: text('applicant_key').notNull(),
    /** SHA-256 of the code: the code itself is never stored. */
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedBy: uuid('used_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('store_consent_codes_applicant_idx').on(t.applicantKey, t.codeHash)],
);
