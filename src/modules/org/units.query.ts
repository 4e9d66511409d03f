/**
 * What other modules read of the organisation tree (đơn vị): a named subquery to join unit names
 * into their own statements, lookups and lists of units, and the unit vocabulary. Reporting
 * readers (kpi, national-portal) read units through org.reporting.ts instead.
 */
import { and, count, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../kernel/db.js';
import { units } from './units.table.js';

export { UNIT_KINDS, type UnitKind } from './units.table.js';

// Subqueries are plain SQL until a reader's statement runs them: built without a connection.
const qb = new QueryBuilder();

/**
 * Units by id with their names, identifier codes and parents, to join
 * (`innerJoin(u, eq(u.id, …))`); a reader joining two units (receiving, competent) names each
 * subquery apart.
 */
export function unitNames(name = 'unit_names') {
  return qb
    .select({ id: units.id, parentId: units.parentId, name: units.name, officialCode: units.officialCode })
    .from(units)
    .as(name);
}

/** These units (those that exist) with their names and identifier codes; none asked, none read. */
export async function unitsByIds(
  db: Queryable,
  ids: readonly string[],
): Promise<{ id: string; name: string; officialCode: string }[]> {
  return ids.length
    ? db
        .select({ id: units.id, name: units.name, officialCode: units.officialCode })
        .from(units)
        .where(inArray(units.id, [...ids]))
    : [];
}

/**
 * Which of these units exist; with `openOn` (YYYY-MM-DD), only those not closed by that day
 * (validTo null or after it: closed units stay for old records but take no new work).
 */
export async function existingUnitIds(db: Queryable, ids: readonly string[], openOn?: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(
      and(
        inArray(units.id, [...ids]),
        openOn === undefined ? undefined : or(isNull(units.validTo), gt(units.validTo, openOn)),
      ),
    );
  return new Set(rows.map((u) => u.id));
}

/** Every unit (closed ones too), or with `validOn` (YYYY-MM-DD) those operating that day. */
export function listUnits(db: Queryable, validOn?: string) {
  return db
    .select({
      id: units.id,
      parentId: units.parentId,
      name: units.name,
      shortName: units.shortName,
      kind: units.kind,
      officialCode: units.officialCode,
      validFrom: units.validFrom,
      validTo: units.validTo,
    })
    .from(units)
    .where(
      validOn === undefined
        ? undefined
        : and(lte(units.validFrom, validOn), or(isNull(units.validTo), gt(units.validTo, validOn))),
    );
}

/** Whether the tree has any unit yet (a first start has none). */
export async function hasUnits(db: Queryable): Promise<boolean> {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(units);
  return n > 0;
}
