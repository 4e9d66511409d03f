/**
 * Rankings of units by their Decision-766 index (xếp hạng): the open children of a unit ranked
 * for a period, with the change week on week and month on month — the week and reporting month
 * holding the period's last day (or today, for a period not over) against the ones before, as
 * totals and as places in the same ranking. A unit without dossiers in a period has no total
 * (kpi.rules.ts) and no place in that period's ranking: it is listed apart (`unranked`), and a
 * change against such a period is null.
 */
import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import { addDays, vietnamDateOf } from '../calendar/dates.js';
import { reportedUnits as units } from '../org/org.reporting.js';
import type { UnitKind } from '../org/units.query.js';
import { monthContaining, rank, weekContaining } from './insights.rules.js';
import type { ScoredIndex } from './kpi.rules.js';
import { computeIndexes } from './kpi.service.js';
import type { Period } from './periods.rules.js';

/** The units ranked under `parentId`: its children open on the period's last day, optionally of one kind. */
export async function rankedUnits(db: Queryable, parentId: string, period: Period, kind?: UnitKind) {
  return db
    .select({ id: units.id, name: units.name, kind: units.kind })
    .from(units)
    .where(
      and(
        eq(units.parentId, parentId),
        lte(units.validFrom, period.to),
        or(isNull(units.validTo), gt(units.validTo, period.to)),
        kind ? eq(units.kind, kind) : undefined,
      ),
    )
    .orderBy(asc(units.sortOrder), asc(units.name));
}

/** The period, and the weeks and reporting months its changes compare; `distinct`: each once (a ranking of this week). */
export function comparedPeriods(period: Period, now: Date) {
  const lastDay = [period.to, vietnamDateOf(now)].sort()[0]!;
  const week = weekContaining(lastDay);
  const month = monthContaining(lastDay);
  const periods = {
    period,
    week,
    previousWeek: weekContaining(addDays(week.from, -1)),
    month,
    previousMonth: monthContaining(addDays(month.from, -1)),
  };
  return { periods, distinct: [...new Map(Object.values(periods).map((p) => [`${p.from}/${p.to}`, p])).values()] };
}

export async function rankings(
  db: Queryable,
  env: Env,
  parentId: string,
  period: Period,
  opts: { kind?: UnitKind | undefined },
  now: Date,
) {
  const members = await rankedUnits(db, parentId, period, opts.kind);
  const { periods, distinct } = comparedPeriods(period, now);
  const { week, month } = periods;
  // Every unit's index of a period at once: one statement per figure, not one index per unit.
  const totals = new Map<string, Map<string, ScoredIndex>>();
  for (const p of distinct)
    totals.set(
      `${p.from}/${p.to}`,
      await computeIndexes(
        db,
        env,
        members.map((u) => u.id),
        p,
        now,
      ),
    );
  const indexOf = (unitId: string, p: Period) => totals.get(`${p.from}/${p.to}`)!.get(unitId)!;
  /** The members with a total in period p, with it. */
  const scored = (p: Period) =>
    members.flatMap((u) => {
      const total = indexOf(u.id, p).total;
      return total === null ? [] : [{ unitId: u.id, name: u.name, kind: u.kind, total }];
    });
  const ranked = (p: Period) => new Map(rank(scored(p)).map((r) => [r.unitId, r.rank]));
  const places = Object.fromEntries(Object.entries(periods).map(([k, p]) => [k, ranked(p)])) as Record<
    keyof typeof periods,
    Map<string, number>
  >;
  const change = (unitId: string, current: Period, before: Period, span: 'week' | 'month') => {
    const [a, b] = [indexOf(unitId, current).total, indexOf(unitId, before).total];
    const [ra, rb] =
      span === 'week'
        ? [places.week.get(unitId) ?? null, places.previousWeek.get(unitId) ?? null]
        : [places.month.get(unitId) ?? null, places.previousMonth.get(unitId) ?? null];
    return {
      from: current.from,
      to: current.to,
      total: a,
      previousTotal: b,
      change: a === null || b === null ? null : Math.round((a - b) * 100) / 100,
      rank: ra,
      previousRank: rb,
      rankChange: ra === null || rb === null ? null : rb - ra,
    };
  };
  const items = rank(scored(period)).map((r) => {
    const i = indexOf(r.unitId, period);
    return {
      ...r,
      grade: i.grade!,
      gradeName: i.gradeName!,
      applicable: i.applicable,
      indicatorCount: i.indicatorCount,
      groups: i.groups.map((g) => ({ key: g.key, name: g.name, points: g.points, max: g.max })),
      weekOnWeek: change(r.unitId, week, periods.previousWeek, 'week'),
      monthOnMonth: change(r.unitId, month, periods.previousMonth, 'month'),
    };
  });
  const unranked = members
    .filter((u) => indexOf(u.id, period).noData)
    .map((u) => ({ unitId: u.id, name: u.name, kind: u.kind, reason: 'noDossiers' as const }));
  return { parent: parentId, from: period.from, to: period.to, items, unranked };
}
