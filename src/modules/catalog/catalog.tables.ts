import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { units } from '../org/units.table.js';
import { users } from '../identity/identity.tables.js';
import type { FormFileType } from './form-file.rules.js';
import type { ProcedureContent } from './procedure.content.js';

/** Lĩnh vực: the field a procedure belongs to (hộ tịch, chứng thực, đất đai, …). */
export const procedureFields = pgTable('procedure_fields', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

export const PROCEDURE_STATUSES = ['active', 'abolished'] as const;

/**
 * Thủ tục hành chính: the stable identity (national code) of a procedure. Its content lives in
 * versions; the columns here mirror the latest version for search and filtering.
 */
export const procedures = pgTable(
  'procedures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Mã TTHC trên CSDL quốc gia, d.dddddd. */
    nationalCode: text('national_code').notNull(),
    status: text('status').$type<(typeof PROCEDURE_STATUSES)[number]>().notNull().default('active'),
    currentVersionId: uuid('current_version_id'),
    name: text('name').notNull(),
    fieldCode: text('field_code')
      .notNull()
      .references(() => procedureFields.code),
    levels: text('levels').array().notNull(),
    onlineLevel: text('online_level').notNull(),
    /** Diacritic-free lower-case name, code and field: the trigram-indexed search key. */
    searchText: text('search_text').notNull(),
    /** First letters of the name's words ("dkks"). */
    acronym: text('acronym').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('procedures_national_code_uq').on(t.nationalCode),
    index('procedures_field_idx').on(t.fieldCode),
    // Prefix matches ("dkks" → "dkksc…") need pattern ops whatever the database collation.
    index('procedures_acronym_idx').on(t.acronym.op('text_pattern_ops')),
    check('procedures_status_check', sql`${t.status} in ('active', 'abolished')`),
  ],
);

export const DECISION_CHANGE_KINDS = ['new', 'amended', 'replaced', 'abolished'] as const;
export type DecisionChangeKind = (typeof DECISION_CHANGE_KINDS)[number];

/** Quyết định công bố: the only way a procedure comes into being, changes or ends. */
export const publicationDecisions = pgTable(
  'publication_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    signedDate: date('signed_date', { mode: 'string' }).notNull(),
    signer: text('signer').notNull(),
    issuingUnitId: uuid('issuing_unit_id')
      .notNull()
      .references(() => units.id),
    /** When the procedures it publishes take effect. */
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    /** When the legal document behind the change takes effect (KPI 1.1: decision ≥ 5 working days before). */
    legalBasisEffectiveDate: date('legal_basis_effective_date', { mode: 'string' }),
    /** When the procedures were published on the national database (KPI 1.2: ≤ 5 working days after). */
    nationalPublishedDate: date('national_published_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('publication_decisions_number_uq').on(t.issuingUnitId, t.number)],
);

/** One version of a procedure, produced by a decision; dossiers keep the version they were filed under. */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    versionNo: integer('version_no').notNull(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => publicationDecisions.id),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** Exclusive; set when a later decision amends, replaces or abolishes the procedure. */
    effectiveTo: date('effective_to', { mode: 'string' }),
    content: jsonb('content').$type<ProcedureContent>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('procedure_versions_uq').on(t.procedureId, t.versionNo)],
);

/** Cơ quan thực hiện of each version, as rows so "procedures of unit X" is an indexed query. */
export const procedureCompetentUnits = pgTable(
  'procedure_competent_units',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => procedureVersions.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.unitId] }), index('procedure_competent_units_unit_idx').on(t.unitId)],
);

export const publicationDecisionItems = pgTable(
  'publication_decision_items',
  {
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => publicationDecisions.id),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    changeKind: text('change_kind').$type<DecisionChangeKind>().notNull(),
    /** The version this item created (null when abolishing). */
    versionId: uuid('version_id').references(() => procedureVersions.id),
    /** For `replaced`: the procedure the new one replaces. */
    replacesProcedureId: uuid('replaces_procedure_id').references(() => procedures.id),
  },
  (t) => [
    primaryKey({ columns: [t.decisionId, t.procedureId] }),
    check('publication_decision_items_kind_check', sql`${t.changeKind} in ('new', 'amended', 'replaced', 'abolished')`),
  ],
);

export const IMPORT_STATUSES = ['running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A rejected row of an import: its position in the file, its code if readable, and why. */
export interface ImportRejection {
  row: number;
  nationalCode: string | null;
  problems: { field: string; message: string }[];
}

/**
 * An import of a national-shape file (JSON, CSV or XLSX). Rows are applied in batches, each its
 * own transaction, so `processed` shows progress on large files; every imported row becomes an
 * item of the import's publication decision.
 */
export const catalogImports = pgTable(
  'catalog_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').$type<ImportStatus>().notNull().default('running'),
    format: text('format').notNull(),
    fileName: text('file_name'),
    decisionId: uuid('decision_id').references(() => publicationDecisions.id),
    totalRows: integer('total_rows').notNull(),
    processedRows: integer('processed_rows').notNull().default(0),
    importedRows: integer('imported_rows').notNull().default(0),
    rejected: jsonb('rejected').$type<ImportRejection[]>().notNull().default([]),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [check('catalog_imports_status_check', sql`${t.status} in ('running', 'done', 'failed')`)],
);

/**
 * Mẫu đơn, tờ khai: the blank form file of a version's component (one per component), uploaded
 * by a catalog administrator and downloaded by anyone from the procedure's page. The bytes are in
 * the files module's storage under their SHA-256; this row names them. A new version has new
 * component ids, so its forms are uploaded anew (the form may have changed with the decision).
 */
export const procedureFormFiles = pgTable(
  'procedure_form_files',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => procedureVersions.id),
    /** The component's id inside the version's content (components[].id). */
    componentId: uuid('component_id').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** Sniffed from the content (form-file.rules.ts): PDF, DOC or DOCX. */
    mediaType: text('media_type').$type<FormFileType>().notNull(),
    /** The uploaded file's name, cleaned; the download's name. */
    fileName: text('file_name').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.componentId] }),
    check('procedure_form_files_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('procedure_form_files_size_check', sql`${t.size} > 0`),
  ],
);
