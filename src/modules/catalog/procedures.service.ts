import { and, asc, desc, eq, inArray, lte, or, isNull, gt, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../server/db/client.js';
import { AppError } from '../../server/errors.js';
import { subtreeIds } from '../org/units.service.js';
import { units } from '../org/units.table.js';
import {
  procedureCompetentUnits,
  procedureFields,
  procedures,
  procedureVersions,
  publicationDecisions,
} from './catalog.tables.js';
import { searchKey } from './search.rules.js';

export interface ProcedureQuery {
  q?: string | undefined;
  field?: string | undefined;
  level?: 'province' | 'commune' | 'central' | undefined;
  /** Competent unit (and its sub-units). */
  unit?: string | undefined;
  online?: 'full' | 'partial' | 'none' | undefined;
  includeAbolished?: boolean | undefined;
  page: number;
  pageSize: number;
}

/** Below this word similarity a procedure is not a match (trigram typo tolerance). */
const MIN_WORD_SIMILARITY = 0.45;

/**
 * Search ranked by relevance: exact code, acronym ("dkks"), substring of the diacritic-free
 * name, then trigram word similarity (typos). Same SQL on PGlite and PostgreSQL (pg_trgm).
 */
export async function searchProcedures(db: Queryable, query: ProcedureQuery) {
  const key = query.q ? searchKey(query.q) : '';
  const filters: (SQL | undefined)[] = [
    query.includeAbolished ? undefined : eq(procedures.status, 'active'),
    query.field ? eq(procedures.fieldCode, query.field) : undefined,
    query.level ? sql`${query.level} = any(${procedures.levels})` : undefined,
    query.online ? eq(procedures.onlineLevel, query.online) : undefined,
    query.unit ? await competentIn(db, query.unit) : undefined,
  ];
  const score = key
    ? sql<number>`greatest(
        case when ${procedures.nationalCode} = ${query.q!.trim()} then 3 else 0 end,
        case when ${procedures.acronym} = ${key.replaceAll(' ', '')} then 2 else 0 end,
        case when ${procedures.searchText} like ${'%' + key + '%'} then 1.5 else 0 end,
        word_similarity(${key}, ${procedures.searchText}))`
    : sql<number>`0`;
  if (key) {
    filters.push(
      or(
        sql`${procedures.searchText} like ${'%' + key + '%'}`,
        eq(procedures.acronym, key.replaceAll(' ', '')),
        sql`word_similarity(${key}, ${procedures.searchText}) >= ${MIN_WORD_SIMILARITY}`,
      ),
    );
  }
  const where = and(...filters);
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(procedures).where(where);
  const rows = await db
    .select({
      id: procedures.id,
      nationalCode: procedures.nationalCode,
      name: procedures.name,
      fieldCode: procedures.fieldCode,
      fieldName: procedureFields.name,
      levels: procedures.levels,
      onlineLevel: procedures.onlineLevel,
      status: procedures.status,
      score,
    })
    .from(procedures)
    .innerJoin(procedureFields, eq(procedureFields.code, procedures.fieldCode))
    .where(where)
    .orderBy(desc(score), asc(procedures.name))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map((r) => ({ ...r, score: Number(r.score) })), total };
}

async function competentIn(db: Queryable, unitId: string): Promise<SQL> {
  const unitIds = await subtreeIds(db, [unitId]);
  if (unitIds.length === 0) throw new AppError('UNIT_NOT_FOUND', { id: unitId });
  return inArray(
    procedures.currentVersionId,
    db.select({ id: procedureCompetentUnits.versionId }).from(procedureCompetentUnits).where(inArray(procedureCompetentUnits.unitId, unitIds)),
  );
}

/** A procedure with its latest version in full, its competent units and its version history. */
export async function getProcedure(db: Queryable, id: string) {
  const [procedure] = await db
    .select({ procedure: procedures, fieldName: procedureFields.name })
    .from(procedures)
    .innerJoin(procedureFields, eq(procedureFields.code, procedures.fieldCode))
    .where(eq(procedures.id, id));
  if (!procedure) throw new AppError('PROCEDURE_NOT_FOUND', { id });
  const versions = await db
    .select({
      id: procedureVersions.id,
      versionNo: procedureVersions.versionNo,
      effectiveFrom: procedureVersions.effectiveFrom,
      effectiveTo: procedureVersions.effectiveTo,
      decisionId: procedureVersions.decisionId,
      decisionNumber: publicationDecisions.number,
      content: procedureVersions.content,
    })
    .from(procedureVersions)
    .innerJoin(publicationDecisions, eq(publicationDecisions.id, procedureVersions.decisionId))
    .where(eq(procedureVersions.procedureId, id))
    .orderBy(desc(procedureVersions.versionNo));
  const current = versions.find((v) => v.id === procedure.procedure.currentVersionId) ?? versions[0]!;
  const competentUnits = await db
    .select({ id: units.id, name: units.name, officialCode: units.officialCode })
    .from(units)
    .where(inArray(units.id, current.content.competentUnitIds));
  const { searchText: _s, acronym: _a, ...rest } = procedure.procedure;
  return {
    ...rest,
    fieldName: procedure.fieldName,
    currentVersion: current,
    competentUnits,
    versions: versions.map(({ content: _c, ...v }) => v),
  };
}

/** The version in force on a date (YYYY-MM-DD): the one a dossier filed that day uses. */
export async function versionInForce(db: Queryable, procedureId: string, date: string) {
  const [version] = await db
    .select()
    .from(procedureVersions)
    .where(
      and(
        eq(procedureVersions.procedureId, procedureId),
        lte(procedureVersions.effectiveFrom, date),
        or(isNull(procedureVersions.effectiveTo), gt(procedureVersions.effectiveTo, date)),
      ),
    )
    .orderBy(desc(procedureVersions.versionNo))
    .limit(1);
  if (!version) throw new AppError('PROCEDURE_NOT_IN_FORCE', { procedureId, date });
  return version;
}

/** One version exactly as published, with the decision that produced it. */
export async function getProcedureVersion(db: Queryable, versionId: string) {
  const [version] = await db
    .select({
      id: procedureVersions.id,
      procedureId: procedureVersions.procedureId,
      versionNo: procedureVersions.versionNo,
      effectiveFrom: procedureVersions.effectiveFrom,
      effectiveTo: procedureVersions.effectiveTo,
      decisionId: procedureVersions.decisionId,
      decisionNumber: publicationDecisions.number,
      content: procedureVersions.content,
    })
    .from(procedureVersions)
    .innerJoin(publicationDecisions, eq(publicationDecisions.id, procedureVersions.decisionId))
    .where(eq(procedureVersions.id, versionId));
  if (!version) throw new AppError('PROCEDURE_NOT_FOUND', { versionId });
  return version;
}
