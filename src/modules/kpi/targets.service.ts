/**
 * Plan targets per year and unit: the effective value of each target (the unit's own, else its
 * nearest ancestor's, else the seeds' default), their replacement, and the table of target,
 * actual, gap and trend for a period.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import type { Env } from '../../kernel/env.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { reportedUnits as units } from '../org/org.reporting.js';
import { unitLineage } from '../org/units.service.js';
import { kpiTargets } from './insights.tables.js';
import { assess, previousPeriod } from './insights.rules.js';
import type { Period } from './periods.rules.js';
import { officersHandled, productivityRows } from './productivity.query.js';
import { targetActuals } from './target-actuals.query.js';
import { defaultTarget, TARGET_KEYS, type TargetKey, TARGETS, targetValueProblem } from './targets.config.js';

export interface EffectiveTarget {
  key: TargetKey;
  name: string;
  unit: (typeof TARGETS)[TargetKey]['unit'];
  direction: 'atLeast' | 'atMost';
  value: number;
  /** unit: set for this unit; inherited: set for an ancestor (`fromUnitId`); default: the seeds. */
  source: 'unit' | 'inherited' | 'default';
  fromUnitId: string | null;
  defaultSource: string;
}

const COMMUNE_KINDS = new Set(['commune', 'commune_centre']);

export async function effectiveTargets(db: Queryable, year: number, unitId: string): Promise<EffectiveTarget[]> {
  const lineage = await unitLineage(db, unitId);
  if (lineage.length === 0) throw new AppError('UNIT_NOT_FOUND', { id: unitId });
  const ids = lineage.map((u) => u.id);
  const kinds = await db.select({ id: units.id, kind: units.kind }).from(units).where(inArray(units.id, ids));
  const kindOf = new Map(kinds.map((k) => [k.id, k.kind]));
  const kind = kindOf.get(unitId)!;
  const communeLevel = ids.some((id) => COMMUNE_KINDS.has(kindOf.get(id)!));
  const rows = await db
    .select()
    .from(kpiTargets)
    .where(and(eq(kpiTargets.year, year), inArray(kpiTargets.unitId, ids)));
  // The nearest set value wins: the lineage runs from the root down to the unit.
  const depth = new Map(ids.map((id, i) => [id, i]));
  return TARGET_KEYS.map((key) => {
    const set = rows.filter((r) => r.key === key).sort((a, b) => depth.get(b.unitId)! - depth.get(a.unitId)!)[0];
    const def = TARGETS[key];
    return {
      key,
      name: def.name,
      unit: def.unit,
      direction: def.direction,
      value: set ? set.value : defaultTarget(key, kind, communeLevel),
      source: !set ? 'default' : set.unitId === unitId ? 'unit' : 'inherited',
      fromUnitId: set?.unitId ?? null,
      defaultSource: def.source,
    };
  });
}

/**
 * Sets (or, with null, removes) a unit's own values for a year; keys left out keep theirs. One
 * transaction with the audit record and the outbox event.
 */
export async function putTargets(
  tx: Tx,
  ctx: RequestContext,
  year: number,
  unitId: string,
  values: readonly { key: TargetKey; value: number | null }[],
) {
  const problems = values.flatMap((v) => {
    const p = v.value === null ? null : targetValueProblem(v.key, v.value);
    return p ? [{ key: v.key, message: p }] : [];
  });
  if (problems.length)
    throw new AppError('KPI_TARGET_INVALID', { problems }, problems.map((p) => p.message).join('; '));
  if (new Set(values.map((v) => v.key)).size !== values.length)
    throw new AppError('KPI_TARGET_INVALID', { duplicate: true }, 'Mỗi chỉ tiêu chỉ được nêu một lần');
  const before = await effectiveTargets(tx, year, unitId);
  for (const { key, value } of values) {
    await tx
      .delete(kpiTargets)
      .where(and(eq(kpiTargets.year, year), eq(kpiTargets.unitId, unitId), eq(kpiTargets.key, key)));
    if (value !== null)
      await tx
        .insert(kpiTargets)
        .values({ year, unitId, key, value, updatedBy: ctx.actor?.userId ?? null, updatedAt: sql`now()` });
  }
  const after = await effectiveTargets(tx, year, unitId);
  const pick = (list: EffectiveTarget[]) =>
    Object.fromEntries(
      list.filter((t) => values.some((v) => v.key === t.key)).map((t) => [t.key, { value: t.value, source: t.source }]),
    );
  await recordChange(tx, ctx, {
    action: 'kpi.targets',
    targetType: 'kpi_targets',
    targetId: `${year}/${unitId}`,
    before: pick(before),
    after: pick(after),
    event: { year, unitId, keys: values.map((v) => v.key) },
  });
  return after;
}

/** Target, actual, gap and trend of every target for a unit and period (and the one before). */
export async function targetTable(
  db: Queryable,
  env: Env,
  unitId: string,
  period: Period,
  periodName: string | undefined,
  now: Date,
) {
  const year = Number(period.to.slice(0, 4));
  const previous = previousPeriod(period, periodName);
  const [targets, actual, before] = [
    await effectiveTargets(db, year, unitId),
    await targetActuals(db, env, unitId, period, now),
    await targetActuals(db, env, unitId, previous, now),
  ];
  return {
    year,
    previous: { from: previous.from, to: previous.to },
    targets: targets.map((t) => {
      const a = actual[t.key];
      const p = before[t.key];
      return { ...t, target: t.value, actual: a, previousActual: p.value, ...assess(t, t.value, a.value, p.value) };
    }),
  };
}

/**
 * Productivity per one-stop officer (the target table's productivity, officer by officer): the
 * dossiers each received, annualised, against the productivity target of the officer's unit.
 */
export async function productivityTable(db: Queryable, unitId: string, period: Period) {
  const year = Number(period.to.slice(0, 4));
  const rows = await officersHandled(db, unitId, period);
  const targets = new Map<string, number>();
  for (const id of new Set(rows.map((r) => r.unitId))) {
    const productivity = (await effectiveTargets(db, year, id)).find((t) => t.key === 'productivity')!;
    targets.set(id, productivity.value);
  }
  return productivityRows(rows, period, (id) => targets.get(id)!);
}
