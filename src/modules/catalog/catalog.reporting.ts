/**
 * The catalog's read model for reporting readers (kpi's index and reports, the national-portal
 * sync): sub-selects of named columns over the catalog's tables, aliased as the tables.
 * PostgreSQL inlines them, so joins cost what the tables cost; only these columns are promised.
 */
import { QueryBuilder } from 'drizzle-orm/pg-core';
import {
  procedureCompetentUnits,
  procedureFields,
  procedures,
  procedureVersions,
  publicationDecisionItems,
  publicationDecisions,
} from './catalog.tables.js';

const qb = new QueryBuilder();

/** Procedures (thủ tục hành chính). */
export const reportedProcedures = qb
  .select({
    id: procedures.id, // the procedure
    nationalCode: procedures.nationalCode, // mã thủ tục on the national database
    name: procedures.name, // its name
    fieldCode: procedures.fieldCode, // lĩnh vực (null: not classified)
  })
  .from(procedures)
  .as('procedures');

/** Versions of procedures, each in force over [effectiveFrom, effectiveTo). */
export const reportedProcedureVersions = qb
  .select({
    id: procedureVersions.id, // the version
    procedureId: procedureVersions.procedureId, // its procedure
    effectiveFrom: procedureVersions.effectiveFrom, // first day in force
    effectiveTo: procedureVersions.effectiveTo, // first day no longer in force (null: open)
    content: procedureVersions.content, // ProcedureContent (channels, fees, online level…)
  })
  .from(procedureVersions)
  .as('procedure_versions');

/** The units competent for each version. */
export const reportedCompetentUnits = qb
  .select({
    versionId: procedureCompetentUnits.versionId, // the version
    unitId: procedureCompetentUnits.unitId, // a competent unit
  })
  .from(procedureCompetentUnits)
  .as('procedure_competent_units');

/** Fields (lĩnh vực) of procedures. */
export const reportedProcedureFields = qb
  .select({
    code: procedureFields.code, // field code
    name: procedureFields.name, // field name
  })
  .from(procedureFields)
  .as('procedure_fields');

/** Publication decisions (quyết định công bố). */
export const reportedDecisions = qb
  .select({
    id: publicationDecisions.id, // the decision
    number: publicationDecisions.number, // số quyết định
    signedDate: publicationDecisions.signedDate, // signed on
    issuingUnitId: publicationDecisions.issuingUnitId, // issuing unit
    legalBasisEffectiveDate: publicationDecisions.legalBasisEffectiveDate, // the legal basis in force from
    nationalPublishedDate: publicationDecisions.nationalPublishedDate, // published on the national database
  })
  .from(publicationDecisions)
  .as('publication_decisions');

/** The procedures each decision publishes. */
export const reportedDecisionItems = qb
  .select({
    decisionId: publicationDecisionItems.decisionId, // the decision
    procedureId: publicationDecisionItems.procedureId, // a procedure it publishes
    versionId: publicationDecisionItems.versionId, // the version it created (null: abolished)
  })
  .from(publicationDecisionItems)
  .as('publication_decision_items');
