/**
 * What other modules read of the catalog: single lookups, and named subqueries for a reader that
 * must join procedures or fields in its own single statement (a worklist page, a dossier's
 * detail, a tracking book) instead of looking each row's name up.
 */
import { referenceMemo } from '../../kernel/request-memo.js';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../kernel/db.js';
import {
  procedureFields,
  procedures,
  procedureVersions,
  publicationDecisionItems,
  publicationDecisions,
} from './catalog.tables.js';

// Subqueries are plain SQL until a reader's statement runs them: built without a connection.
const qb = new QueryBuilder();

/** Procedures by id with their names and national codes, to join: `innerJoin(procedureNames, eq(procedureNames.id, …))`. */
export const procedureNames = qb
  .select({ id: procedures.id, name: procedures.name, nationalCode: procedures.nationalCode })
  .from(procedures)
  .as('procedure_names');

/** Procedure versions by id with their content, to join. */
export const procedureVersionContents = qb
  .select({ id: procedureVersions.id, content: procedureVersions.content })
  .from(procedureVersions)
  .as('procedure_version_contents');

/** Fields (lĩnh vực) by code with their names, to join. */
export const fieldNames = qb
  .select({ code: procedureFields.code, name: procedureFields.name })
  .from(procedureFields)
  .as('field_names');

/** A procedure's identity: code, name and field (undefined when there is no such procedure). */
export function procedureSummary(db: Queryable, id: string) {
  return referenceMemo(db, `catalog.procedure:${id}`, () => readProcedureSummary(db, id));
}

async function readProcedureSummary(db: Queryable, id: string) {
  const [procedure] = await db
    .select({
      id: procedures.id,
      nationalCode: procedures.nationalCode,
      name: procedures.name,
      fieldCode: procedures.fieldCode,
    })
    .from(procedures)
    .where(eq(procedures.id, id));
  return procedure;
}

/** A procedure's status with its current version (version columns null when it has none). */
export async function currentVersionOf(db: Queryable, procedureId: string) {
  const [row] = await db
    .select({
      status: procedures.status,
      versionId: procedureVersions.id,
      decisionId: procedureVersions.decisionId,
      content: procedureVersions.content,
    })
    .from(procedures)
    .leftJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
    .where(eq(procedures.id, procedureId));
  return row;
}

/** Every active procedure with its current version. */
export function activeProceduresWithVersion(db: Queryable) {
  return db
    .select({
      procedureId: procedures.id,
      versionId: procedureVersions.id,
      decisionId: procedureVersions.decisionId,
      content: procedureVersions.content,
    })
    .from(procedures)
    .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
    .where(and(eq(procedures.status, 'active'), isNotNull(procedures.currentVersionId)));
}

/** Whether a publication decision lists this procedure among its items. */
export async function decisionPublishes(db: Queryable, decisionId: string, procedureId: string): Promise<boolean> {
  const [item] = await db
    .select({ decisionId: publicationDecisionItems.decisionId })
    .from(publicationDecisionItems)
    .where(
      and(eq(publicationDecisionItems.decisionId, decisionId), eq(publicationDecisionItems.procedureId, procedureId)),
    );
  return item !== undefined;
}

/** The date a publication decision was signed (null when there is no such decision). */
export async function decisionSignedDate(db: Queryable, decisionId: string): Promise<string | null> {
  const [decision] = await db
    .select({ signedDate: publicationDecisions.signedDate })
    .from(publicationDecisions)
    .where(eq(publicationDecisions.id, decisionId));
  return decision?.signedDate ?? null;
}

/** The codes of every field. */
export async function fieldCodes(db: Queryable): Promise<Set<string>> {
  return new Set((await db.select({ code: procedureFields.code }).from(procedureFields)).map((f) => f.code));
}

/** These fields with their names, by name. */
export function fieldsByCode(db: Queryable, codes: string[]): Promise<{ code: string; name: string }[]> {
  return db
    .select({ code: procedureFields.code, name: procedureFields.name })
    .from(procedureFields)
    .where(inArray(procedureFields.code, codes))
    .orderBy(asc(procedureFields.name));
}

/** A field's name (undefined when there is no such field). */
export async function fieldName(db: Queryable, code: string): Promise<string | undefined> {
  const [field] = await db
    .select({ name: procedureFields.name })
    .from(procedureFields)
    .where(eq(procedureFields.code, code));
  return field?.name;
}
