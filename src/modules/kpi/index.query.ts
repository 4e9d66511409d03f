/**
 * Counting the Decision-766 indicators from raw rows, and listing the rows behind each figure.
 * One query for all groups: every source the indicators count (dossiers, procedure versions) is
 * one sub-select of `count(*) filter (where …)` columns, cross-joined. Decision and feedback
 * items are read once per family and classified (row-families.ts).
 */
import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import {
  reportedProcedures as procedures,
  reportedProcedureVersions as procedureVersions,
} from '../catalog/catalog.reporting.js';
import { reportedDossiers as dossiers } from '../dossiers/dossiers.reporting.js';
import { forEachUnit, INDICATORS, type KpiScope, SOURCES, type SourceKey, type SqlIndicator } from './indicators.js';
import type { IndicatorKey, KpiConfig } from './kpi.config.js';
import type { Count } from './kpi.rules.js';
import { rowFamilies, rowsOf } from './row-families.js';
import { ROLLUP_OVERRIDES, rollupCountsByUnit } from './rollup.query.js';

/** A predicate that is never NULL (count filters and NOT must see true or false). */
const sure = (p: SQL) => sql`coalesce(${p}, false)`;
const denominatorOf = (ind: SqlIndicator, s: KpiScope) => sure(ind.denominator(s));
export const numeratorOf = (ind: SqlIndicator, s: KpiScope) =>
  sql`(${sure(ind.denominator(s))} and ${sure(ind.numerator(s))})`;

/**
 * Where the dossier indicators are counted from: the rollup (kpi_daily, refreshed first; see
 * rollup.query.ts) or the raw rows (the full recomputation the rollup must equal).
 */
export type KpiSource = 'rollup' | 'raw';

/** Counts every indicator of the configuration for the scope. */
export async function countIndicators(
  db: Queryable,
  env: Env,
  scope: KpiScope,
  config: KpiConfig,
  now: Date,
  source: KpiSource = 'raw',
): Promise<Map<IndicatorKey, Count>> {
  return (await countIndicatorsByUnit(db, env, scope, config, now, source)).get(scope.unitId)!;
}

/**
 * Counts every indicator of the configuration for the scope's unit or, given `unitIds`, for each
 * of them over the scope's period (rankings): still one statement per figure, not one per unit.
 */
export async function countIndicatorsByUnit(
  db: Queryable,
  env: Env,
  scope: KpiScope,
  config: KpiConfig,
  now: Date,
  source: KpiSource,
  unitIds?: readonly string[],
): Promise<Map<string, Map<IndicatorKey, Count>>> {
  const units = unitIds ?? [scope.unitId];
  const counts = new Map(units.map((id) => [id, new Map<IndicatorKey, Count>()]));
  const family = rowFamilies(db, env, scope, now, unitIds);
  const fromRollup =
    source === 'rollup' ? await rollupCountsByUnit(db, scope, units) : new Map<string, Map<IndicatorKey, Count>>();
  const overrides = source === 'rollup' ? ROLLUP_OVERRIDES : {};
  const rollupKeys = new Set(fromRollup.values().next().value?.keys());
  // Every SQL figure of every group in one statement: one pass per source (the procedure versions
  // in scope are found once, not once per group that counts procedures).
  const allKeys = config.groups.flatMap((g) => g.indicators.map((i) => i.key));
  const sqlCounts = await countSqlIndicators(
    db,
    scope,
    allKeys.filter((k) => !rollupKeys.has(k)),
    overrides,
    unitIds,
  );
  for (const group of config.groups) {
    const keys = group.indicators.map((i) => i.key);
    for (const key of keys) {
      const def = INDICATORS[key];
      const rows = def.kind === 'rows' ? await family(def.family) : [];
      for (const unit of units) {
        const c = counts.get(unit)!;
        if (rollupKeys.has(key)) c.set(key, fromRollup.get(unit)!.get(key)!);
        else if (sqlCounts.get(unit)?.has(key)) c.set(key, sqlCounts.get(unit)!.get(key)!);
        else if (def.kind === 'unavailable')
          c.set(key, { numerator: 0, denominator: 0, available: false, note: def.note });
        else if (def.kind === 'rows') {
          const own = rows.filter((r) => r.unit === unit);
          c.set(key, {
            numerator: rowsOf(own, key, 'numerator').length,
            denominator: rowsOf(own, key, 'denominator').length,
            available: true,
          });
        }
      }
    }
  }
  return counts;
}

/** One statement for the SQL-defined indicators among `keys`, for the scope's unit or each of `unitIds`. */
async function countSqlIndicators(
  db: Queryable,
  scope: KpiScope,
  keys: IndicatorKey[],
  overrides: Partial<Record<IndicatorKey, SqlIndicator>>,
  unitIds: readonly string[] | undefined,
): Promise<Map<string, Map<IndicatorKey, Count>>> {
  const bySource = new Map<SourceKey, [IndicatorKey, SqlIndicator][]>();
  for (const key of keys) {
    const def = overrides[key] ?? INDICATORS[key];
    if (def.kind !== 'sql') continue;
    bySource.set(def.source, [...(bySource.get(def.source) ?? []), [key, def]]);
  }
  if (bySource.size === 0) return new Map();
  const column = (key: IndicatorKey, part: 'd' | 'n') => sql.identifier(`${part}:${key}`);
  const select = (s: KpiScope) => {
    const subselects = [...bySource].map(([source, list], i) => {
      const columns = list.flatMap(([key, ind]) => [
        sql`(count(*) filter (where ${denominatorOf(ind, s)}))::int as ${column(key, 'd')}`,
        sql`(count(*) filter (where ${numeratorOf(ind, s)}))::int as ${column(key, 'n')}`,
      ]);
      return sql`(select ${sql.join(columns, sql`, `)} from ${SOURCES[source].from} where ${SOURCES[source].inScope(s)}) as ${sql.identifier(`s${i}`)}`;
    });
    return sql`select * from ${sql.join(subselects, sql` cross join `)}`;
  };
  const rows = await queryRows<Record<string, number | string>>(
    db,
    unitIds ? forEachUnit(unitIds, scope, select) : select(scope),
  );
  return new Map(
    rows.map((row) => [
      unitIds ? String(row.unit) : scope.unitId,
      new Map(
        [...bySource.values()]
          .flat()
          .map(([key]) => [
            key,
            { numerator: Number(row[`n:${key}`]), denominator: Number(row[`d:${key}`]), available: true },
          ]),
      ),
    ]),
  );
}

// --- Drill-down -------------------------------------------------------------------------------------

export interface DrilldownItem {
  kind: 'dossier' | 'procedure' | 'decisionItem' | 'feedback';
  /** Dossier code, national procedure code, "<decision number> · <procedure code>", or PAKN code. */
  code: string;
  name: string | null;
}

export interface DrilldownPage {
  available: boolean;
  total: number;
  items: DrilldownItem[];
}

/** The rows behind one figure, in a stable order: exactly those the index counted. */
export async function drilldown(
  db: Queryable,
  env: Env,
  scope: KpiScope,
  key: IndicatorKey,
  part: 'numerator' | 'denominator',
  page: { page: number; pageSize: number },
  now: Date,
): Promise<DrilldownPage> {
  const def = INDICATORS[key];
  const offset = (page.page - 1) * page.pageSize;
  if (def.kind === 'unavailable') return { available: false, total: 0, items: [] };
  if (def.kind === 'rows') {
    const all = rowsOf(await rowFamilies(db, env, scope, now)(def.family), key, part);
    return {
      available: true,
      total: all.length,
      items: all.slice(offset, offset + page.pageSize).map(({ kind, code, name }) => ({ kind, code, name })),
    };
  }
  const where = and(
    SOURCES[def.source].inScope(scope),
    part === 'numerator' ? numeratorOf(def, scope) : denominatorOf(def, scope),
  );
  if (def.source === 'dossiers') {
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(dossiers).where(where);
    const rows = await db
      .select({ code: dossiers.code })
      .from(dossiers)
      .where(where)
      .orderBy(asc(dossiers.code))
      .limit(page.pageSize)
      .offset(offset);
    return { available: true, total, items: rows.map((r) => ({ kind: 'dossier', code: r.code, name: null })) };
  }
  return { available: true, ...(await procedurePage(db, where, page)) };
}

/** A page of the procedure versions satisfying `where` (over SOURCES.procedures.from's join), by national code. */
export async function procedurePage(
  db: Queryable,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
): Promise<{ total: number; items: DrilldownItem[] }> {
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(where);
  const rows = await db
    .select({ code: procedures.nationalCode, name: procedures.name })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(where)
    .orderBy(asc(procedures.nationalCode))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total, items: rows.map((r) => ({ kind: 'procedure', code: r.code, name: r.name })) };
}
