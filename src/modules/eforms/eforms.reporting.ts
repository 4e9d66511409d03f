/**
 * The filled tờ khai of dossiers as reporting readers see them (kpi's online.prefilledForms, raw
 * and rollup): a sub-select of named columns aliased as the table, inlined by PostgreSQL; only
 * these columns are promised.
 */
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { dossierEforms } from './eforms.tables.js';

const qb = new QueryBuilder();

/** The filled e-form of a dossier (one per dossier) and how many of its fields the system filled in. */
export const reportedFilledForms = qb
  .select({
    dossierId: dossierEforms.dossierId, // the dossier the form was filed with
    fieldsTotal: dossierEforms.fieldsTotal, // fields of the legal form (shown sections)
    fieldsPrefilled: dossierEforms.fieldsPrefilled, // of them prefilled from data (profile, population, store, previous dossier)
  })
  .from(dossierEforms)
  .as('dossier_eforms');
