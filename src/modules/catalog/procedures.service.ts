import { referenceMemo } from '../../kernel/request-memo.js';
import { and, asc, desc, eq, inArray, lte, or, isNull, gt, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { subtreeIds } from '../org/units.service.js';
import { unitsByIds } from '../org/units.query.js';
import {
  procedureCompetentUnits,
  procedureFields,
  procedures,
  procedureVersions,
  publicationDecisions,
} from './catalog.tables.js';
import { formFileView } from './catalog.schema.js';
import { formFilesOf } from './form-files.service.js';
import { fullyOnlineEligible } from './procedure.content.js';
import { searchKey } from './search.rules.js';
import { catalogVocabulary } from './search-vocabulary.js';
import { correctWords } from './spelling.rules.js';

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

/**
 * Search ranked by relevance, in stages so the common case stays cheap; each runs only when the
 * one before found nothing:
 *  1. exact: the national code, the acronym ("dkks" finds Đăng ký khai sinh…), or every query
 *     word as a substring of the diacritic-free text, in any order and as part of a word
 *     ("dang ky khai sinh" also finds "đăng ký lại khai sinh"; "khai si" finds "khai sinh"). The
 *     whole phrase ranks above scattered words, shorter names first, so the plain procedure
 *     precedes its variants;
 *  2. every word, in any order, each as itself or as a vocabulary word one or two typos away
 *     ("dang ki khia sinh" → dang, ky, khai, sinh) — spelling.rules.ts;
 *  3. whole-text trigram word similarity (`<%`), for what word correction cannot fix.
 * All stages use the trigram GIN index and run the same SQL on PGlite and PostgreSQL. The `<%`
 * threshold is the connection setting pg_trgm.word_similarity_threshold (db/client.ts).
 */
export function searchProcedures(db: Queryable, query: ProcedureQuery) {
  return db.transaction(async (tx) => {
    // The planner underrates the trigram GIN index on a few thousand rows and scans the table,
    // computing similarities row by row (5–10× slower; bench/catalog-search.ts). Searching
    // always narrows through the indexes, so steer it there for this transaction only.
    await tx.execute(sql`set local enable_seqscan = off`);
    return searchIn(tx, query);
  });
}

async function searchIn(db: Queryable, query: ProcedureQuery) {
  const filters = and(
    query.includeAbolished ? undefined : eq(procedures.status, 'active'),
    query.field ? eq(procedures.fieldCode, query.field) : undefined,
    query.level ? sql`${query.level} = any(${procedures.levels})` : undefined,
    query.online ? eq(procedures.onlineLevel, query.online) : undefined,
    query.unit ? await competentIn(db, query.unit) : undefined,
  );
  const key = query.q ? searchKey(query.q) : '';
  // `0::real`, not `0`: ORDER BY a bare integer would mean "by the first column".
  if (!key) return page(db, query, filters, sql<number>`0::real`);
  const exact = exactMatch(query.q!.trim(), key);
  const found = await page(db, query, and(filters, exact.where), exact.score);
  if (found.total > 0) return found;
  const words = correctWords(key.split(' '), await catalogVocabulary(db));
  if (words) {
    const corrected = await page(
      db,
      query,
      and(filters, everyWord(words)),
      sql<number>`1 - length(${procedures.searchText}) / 10000.0`,
    );
    if (corrected.total > 0) return corrected;
  }
  return page(
    db,
    query,
    and(filters, sql`${key} <% ${procedures.searchText}`),
    // Word similarity finds the typo; whole-text similarity prefers the closest, plainest name.
    sql<number>`word_similarity(${key}, ${procedures.searchText}) + similarity(${key}, ${procedures.searchText}) / 2`,
  );
}

/** Every query word, as one of its corrections, appears in the name (in any order). */
function everyWord(words: string[][]): SQL {
  return and(
    ...words.map((alternatives) => or(...alternatives.map((w) => sql`${procedures.searchText} like ${`%${w}%`}`))),
  )!;
}

function exactMatch(raw: string, key: string) {
  const phrase = sql`${procedures.searchText} like ${`%${key}%`}`;
  // An acronym is typed as one word ("ĐKKS"); a phrase never matches one.
  const acronymPrefix = key.includes(' ') ? undefined : sql`${procedures.acronym} like ${`${key}%`}`;
  return {
    where: or(eq(procedures.nationalCode, raw), everyWord(key.split(' ').map((w) => [w])), acronymPrefix)!,
    score: sql<number>`(case when ${procedures.nationalCode} = ${raw} then 4
      when ${procedures.acronym} = ${key} then 3
      when ${acronymPrefix ?? sql`false`} then 2
      when ${phrase} then 1.5 else 1 end)
      - length(${procedures.searchText}) / 10000.0`,
  };
}

/** One page and the total in one pass (a window count), so each stage scans the index once. */
async function page(db: Queryable, query: ProcedureQuery, where: SQL | undefined, score: SQL<number>) {
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
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(procedures)
    .innerJoin(procedureFields, eq(procedureFields.code, procedures.fieldCode))
    .where(where)
    .orderBy(desc(score), asc(procedures.name))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  // Past the last page there is no row to carry the count: count separately (rare).
  const total = rows[0]?.total ?? (query.page > 1 ? await countWhere(db, where) : 0);
  return { items: rows.map(({ total: _t, ...r }) => ({ ...r, score: Number(r.score) })), total };
}

async function countWhere(db: Queryable, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(procedures)
    .innerJoin(procedureFields, eq(procedureFields.code, procedures.fieldCode))
    .where(where);
  return row?.total ?? 0;
}

async function competentIn(db: Queryable, unitId: string): Promise<SQL> {
  const unitIds = await subtreeIds(db, [unitId]);
  if (unitIds.length === 0) throw new AppError('UNIT_NOT_FOUND', { id: unitId });
  return inArray(
    procedures.currentVersionId,
    db
      .select({ id: procedureCompetentUnits.versionId })
      .from(procedureCompetentUnits)
      .where(inArray(procedureCompetentUnits.unitId, unitIds)),
  );
}

/** A version as shown: its place in the history and the decision that produced it. */
const versionColumns = {
  id: procedureVersions.id,
  procedureId: procedureVersions.procedureId,
  versionNo: procedureVersions.versionNo,
  effectiveFrom: procedureVersions.effectiveFrom,
  effectiveTo: procedureVersions.effectiveTo,
  decisionId: procedureVersions.decisionId,
  decisionNumber: publicationDecisions.number,
  content: procedureVersions.content,
};

function versionsWhere(db: Queryable, where: SQL) {
  return db
    .select(versionColumns)
    .from(procedureVersions)
    .innerJoin(publicationDecisions, eq(publicationDecisions.id, procedureVersions.decisionId))
    .where(where)
    .orderBy(desc(procedureVersions.versionNo));
}

/** A procedure with its latest version in full, its competent units and its version history. */
export async function getProcedure(db: Queryable, id: string) {
  const [procedure] = await db
    .select({ procedure: procedures, fieldName: procedureFields.name })
    .from(procedures)
    .innerJoin(procedureFields, eq(procedureFields.code, procedures.fieldCode))
    .where(eq(procedures.id, id));
  if (!procedure) throw new AppError('PROCEDURE_NOT_FOUND', { id });
  const versions = await versionsWhere(db, eq(procedureVersions.procedureId, id));
  const current = versions.find((v) => v.id === procedure.procedure.currentVersionId) ?? versions[0]!;
  const competentUnits = await unitsByIds(db, current.content.competentUnitIds);
  const { searchText: _s, acronym: _a, ...rest } = procedure.procedure;
  return {
    ...rest,
    fieldName: procedure.fieldName,
    currentVersion: current,
    // The parts a filer needs, lifted out of the version: what to bring, how long, what it costs.
    components: current.content.components,
    channels: current.content.channels,
    formFiles: (await formFilesOf(db, current.id)).map(formFileView),
    fullyOnlineEligible: fullyOnlineEligible(current.content),
    populationDataConnected: current.content.populationDataConnected ?? false,
    identityLevelRequired: current.content.identityLevelRequired ?? 1,
    competentUnits,
    versions: versions.map(({ content: _c, ...v }) => v),
  };
}

/** The version in force on a date (YYYY-MM-DD): the one a dossier filed that day uses. */
export function versionInForce(db: Queryable, procedureId: string, date: string) {
  return referenceMemo(db, `catalog.inForce:${procedureId}:${date}`, () => readVersionInForce(db, procedureId, date));
}

async function readVersionInForce(db: Queryable, procedureId: string, date: string) {
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
  const [version] = await versionsWhere(db, eq(procedureVersions.id, versionId));
  if (!version) throw new AppError('PROCEDURE_NOT_FOUND', { versionId });
  return version;
}

/** A procedure's name (undefined when there is no such procedure). */
export async function procedureName(db: Queryable, id: string): Promise<string | undefined> {
  const [procedure] = await db.select({ name: procedures.name }).from(procedures).where(eq(procedures.id, id));
  return procedure?.name;
}

/** One version's content (undefined when there is no such version). */
export function procedureVersionContent(db: Queryable, versionId: string) {
  return referenceMemo(db, `catalog.content:${versionId}`, () => readVersionContent(db, versionId));
}

async function readVersionContent(db: Queryable, versionId: string) {
  const [version] = await db
    .select({ content: procedureVersions.content })
    .from(procedureVersions)
    .where(eq(procedureVersions.id, versionId));
  return version?.content;
}
