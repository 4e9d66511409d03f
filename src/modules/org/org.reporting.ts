/**
 * The organisation tree as reporting readers see it (kpi's rankings, targets, late lists, reports
 * and productivity; the national-portal snapshot): a sub-select of named columns over the units
 * table, inlined by PostgreSQL, so a reader's joins and aggregates plan as on the table. A column
 * is added here when a reader needs it, never taken from the table behind it.
 */
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { units } from './units.table.js';

const qb = new QueryBuilder();

/** Units (đơn vị), valid over [validFrom, validTo), under `name`: a statement joining a unit twice names each apart. */
export function reportedUnitsAs(name: string) {
  return qb
    .select({
      id: units.id, // the unit
      parentId: units.parentId, // the unit above it (null: a root)
      name: units.name, // tên đơn vị
      kind: units.kind, // UnitKind (department, commune…)
      officialCode: units.officialCode, // mã định danh (QCVN 102:2016)
      validFrom: units.validFrom, // first day it operates
      validTo: units.validTo, // first day it no longer operates (null: open)
      sortOrder: units.sortOrder, // its place among its siblings
    })
    .from(units)
    .as(name);
}

/** Units, aliased as the table. */
export const reportedUnits = reportedUnitsAs('units');
