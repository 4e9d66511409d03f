/** The kpi module's operations: the index of a unit and period, its drill-down, late lists. */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { getUnit } from '../org/units.service.js';
import type { KpiScope } from './indicators.js';
import { countIndicators, countIndicatorsByUnit, type KpiSource } from './index.query.js';
import { refreshRollup } from './rollup.service.js';
import { getKpiConfig } from './kpi-config.service.js';
import { type Count, ratioOf, type ScoredIndex, scoreIndex } from './kpi.rules.js';
import { type KpiConfig, TRACKED_INDICATORS } from './kpi.config.js';
import { averageProcessingTimes, processedDossiers } from './late.query.js';
import type { Period } from './periods.rules.js';

/** The scope of a unit and period, "within time" judged at the period's end or now if sooner. */
export function scopeOf(unitId: string, period: Period, now: Date): KpiScope {
  return { unitId, ...period, asOf: new Date(Math.min(period.end.getTime(), now.getTime())) };
}

/**
 * The Decision-766 index of a unit (its subtree) over a period, with the configuration of the
 * period's year — the latest version, or `configVersion` to recompute a past report exactly.
 */
export async function computeIndex(
  db: Queryable,
  env: Env,
  input: { unitId: string; period: Period; configVersion?: number | undefined; source?: KpiSource | undefined },
  now: Date,
) {
  const unit = await getUnit(db, input.unitId);
  const year = Number(input.period.to.slice(0, 4));
  const config = await getKpiConfig(db, year, input.configVersion);
  const scope = scopeOf(input.unitId, input.period, now);
  const source = input.source ?? 'rollup';
  // The rollup answers only after taking in every change committed so far.
  if (source === 'rollup') await refreshRollup(db);
  const tracked = trackedBeside(config.config);
  const counts = await countIndicators(db, env, scope, withTracked(config.config, tracked), now, source);
  const scored = scoreIndex(config.config, counts);
  return {
    unit: unit.id,
    unitName: unit.name,
    from: scope.from,
    to: scope.to,
    asOf: scope.asOf,
    config: { year, version: config.version },
    ...scored,
    tracked: tracked.map((t) => trackedFigure(t, counts.get(t.key))),
  };
}

/** The tracked indicators (TRACKED_INDICATORS) the year's configuration does not weigh already. */
const trackedBeside = (config: KpiConfig) => {
  const weighed = new Set(config.groups.flatMap((g) => g.indicators.map((i) => i.key)));
  return TRACKED_INDICATORS.filter((t) => !weighed.has(t.key));
};

/** The configuration counted: its groups plus an unweighed group of the tracked indicators (never scored). */
const withTracked = (config: KpiConfig, tracked: typeof TRACKED_INDICATORS): KpiConfig =>
  tracked.length === 0
    ? config
    : {
        ...config,
        groups: [
          ...config.groups,
          { key: 'tracked', name: 'tracked', indicators: tracked.map((t) => ({ ...t, max: 0, fullAt: 1 })) },
        ],
      };

function trackedFigure(t: (typeof TRACKED_INDICATORS)[number], count: Count | undefined) {
  const c = count ?? { numerator: 0, denominator: 0, available: false };
  return { ...t, ...c, ratio: c.available ? ratioOf(c.numerator, c.denominator) : null };
}

/**
 * The index of each of `unitIds` (its subtree) over a period, every figure counted for all of them
 * in one statement (rankings); each equals computeIndex of the unit from the rollup.
 */
export async function computeIndexes(
  db: Queryable,
  env: Env,
  unitIds: readonly string[],
  period: Period,
  now: Date,
): Promise<Map<string, ScoredIndex>> {
  if (unitIds.length === 0) return new Map();
  const config = await getKpiConfig(db, Number(period.to.slice(0, 4)));
  await refreshRollup(db);
  const counts = await db.transaction(async (tx) => {
    // PostgreSQL guesses a recursive subtree at ~10× the units, so the per-unit lateral statements
    // look costly enough to JIT-compile: at 100 units that took longer than running them (≈ 0.9 s).
    await tx.execute(sql`set local jit = off`);
    return countIndicatorsByUnit(tx, env, scopeOf(unitIds[0]!, period, now), config.config, now, 'rollup', unitIds);
  });
  return new Map([...counts].map(([unitId, c]) => [unitId, scoreIndex(config.config, c)]));
}

export async function processingTimes(db: Queryable, env: Env, unitId: string, period: Period, now: Date) {
  const facts = await processedDossiers(db, scopeOf(unitId, period, now));
  if (facts.length === 0) return [];
  const years = facts.flatMap((f) => [f.receivedAt, f.completedAt]).map((d) => d.getUTCFullYear());
  const calendar = await loadWorkingCalendar(db, env, { from: Math.min(...years) - 1, to: Math.max(...years) });
  return averageProcessingTimes(calendar, facts);
}
