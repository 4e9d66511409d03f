import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { procedures, procedureVersions } from '../catalog/catalog.tables.js';
import { dossiers } from '../dossiers/dossiers.tables.js';
import { users } from '../identity/identity.tables.js';
import type { EformDefinition, SourcedValue } from './eform.types.js';

/**
 * Tờ khai điện tử of a procedure version: the form (schema + UI layout) as data, numbered within
 * the version; the highest published number governs new dossiers under that version.
 */
export const eformDefinitions = pgTable(
  'eform_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    procedureVersionId: uuid('procedure_version_id')
      .notNull()
      .references(() => procedureVersions.id),
    formVersion: integer('form_version').notNull(),
    formKey: text('form_key').notNull(),
    definition: jsonb('definition').$type<EformDefinition>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('eform_definitions_version_uq').on(t.procedureVersionId, t.formVersion)],
);

/**
 * The form an administrator is writing for a procedure version (at most one draft per version),
 * checked on every save (definition.rules.ts) and published as the version's next form version
 * with the version's decision (eform_definitions); publishing removes the draft.
 */
export const eformDefinitionDrafts = pgTable('eform_definition_drafts', {
  procedureVersionId: uuid('procedure_version_id')
    .primaryKey()
    .references(() => procedureVersions.id),
  procedureId: uuid('procedure_id')
    .notNull()
    .references(() => procedures.id),
  definition: jsonb('definition').$type<EformDefinition>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => users.id),
});

/** Bản nháp: a person's unfinished form for a procedure, resumed later or on another device. */
export const eformDrafts = pgTable(
  'eform_drafts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    values: jsonb('values').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.procedureId] })],
);

/**
 * The filled tờ khai of a dossier (its form component, as data): each value with its source, and
 * the counts behind the measured cut in fields (Plan 004: ≥ 20 % less to declare).
 */
export const dossierEforms = pgTable(
  'dossier_eforms',
  {
    dossierId: uuid('dossier_id')
      .primaryKey()
      .references(() => dossiers.id),
    definitionId: uuid('definition_id')
      .notNull()
      .references(() => eformDefinitions.id),
    /** Copied from the dossier at intake, for the measured cut in fields (per procedure, unit, channel). */
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    channel: text('channel').notNull(),
    competentUnitId: uuid('competent_unit_id').notNull(),
    receivingUnitId: uuid('receiving_unit_id').notNull(),
    /** The form's key: the applicant's next dossier with it remembers values from this one. */
    formKey: text('form_key').notNull(),
    /** Whose values these are (personal identifier or tax code), as the dossier keys its applicant. */
    applicantKey: text('applicant_key').notNull(),
    values: jsonb('values').$type<Record<string, SourcedValue>>().notNull(),
    fieldsTotal: integer('fields_total').notNull(),
    fieldsPrefilled: integer('fields_prefilled').notNull(),
    fieldsTyped: integer('fields_typed').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('dossier_eforms_filed_idx').on(t.filedAt),
    index('dossier_eforms_applicant_idx').on(t.applicantKey, t.formKey, t.filedAt),
  ],
);
