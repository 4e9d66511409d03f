/**
 * Rankings of units by their Decision-766 index (xếp hạng): the open children of a unit ranked
 * for a period, with the change week on week and month on month — the week and reporting month
 * holding the period's last day (or today, for a period not over) against the ones before, as
 * totals and as places in the same ranking.
 */
import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Queryable } from '../../server/db/client.js';
import type { Env } from '../../server/env.js';
import { addDays, vietnamDateOf } from '../calendar/dates.js';
import { type UnitKind, units } from '../org/units.table.js';
import { monthContaining, rank, weekContaining } from './insights.rules.js';
import { computeIndex } from './kpi.service.js';
import type { Period } from './periods.rules.js';

type Index = Awaited<ReturnType<typeof computeIndex>>;

/** PostgreSQL runs a few indexes side by side; PGlite queues them on its one connection anyway. */
const CONCURRENCY = 4;

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The units ranked under `parentId`: its children open on the period's last day, optionally of one kind. */
export async function rankedUnits(db: Queryable, parentId: string, period: Period, kind?: UnitKind) {
  return db
    .select({ id: units.id, name: units.name, kind: units.kind })
    .from(units)
    .where(and(eq(units.parentId, parentId), lte(units.validFrom, period.to), or(isNull(units.validTo), gt(units.validTo, period.to)), kind ? eq(units.kind, kind) : undefined))
    .orderBy(asc(units.sortOrder), asc(units.name));
}

export async function rankings(db: Queryable, env: Env, parentId: string, period: Period, opts: { kind?: UnitKind | undefined }, now: Date) {
  const members = await rankedUnits(db, parentId, period, opts.kind);
  const lastDay = [period.to, vietnamDateOf(now)].sort()[0]!;
  const week = weekContaining(lastDay);
  const month = monthContaining(lastDay);
  const periods = { period, week, previousWeek: weekContaining(addDays(week.from, -1)), month, previousMonth: monthContaining(addDays(month.from, -1)) };
  // Equal periods (a ranking of this week) are computed once.
  const distinct = [...new Map(Object.values(periods).map((p) => [`${p.from}/${p.to}`, p])).values()];
  const tasks = distinct.flatMap((p) => members.map((u) => ({ p, u })));
  const totals = new Map<string, Index>();
  await mapLimited(tasks, CONCURRENCY, async ({ p, u }) => {
    totals.set(`${u.id}|${p.from}/${p.to}`, await computeIndex(db, env, { unitId: u.id, period: p }, now));
  });
  const indexOf = (unitId: string, p: Period) => totals.get(`${unitId}|${p.from}/${p.to}`)!;
  const ranked = (p: Period) => new Map(rank(members.map((u) => ({ unitId: u.id, name: u.name, total: indexOf(u.id, p).total }))).map((r) => [r.unitId, r.rank]));
  const places = Object.fromEntries(Object.entries(periods).map(([k, p]) => [k, ranked(p)])) as Record<keyof typeof periods, Map<string, number>>;
  const change = (unitId: string, current: Period, before: Period, span: 'week' | 'month') => {
    const [a, b] = [indexOf(unitId, current).total, indexOf(unitId, before).total];
    const [ra, rb] = span === 'week' ? [places.week.get(unitId)!, places.previousWeek.get(unitId)!] : [places.month.get(unitId)!, places.previousMonth.get(unitId)!];
    return { from: current.from, to: current.to, total: a, previousTotal: b, change: Math.round((a - b) * 100) / 100, rank: ra, previousRank: rb, rankChange: rb - ra };
  };
  const items = rank(members.map((u) => ({ unitId: u.id, name: u.name, kind: u.kind, total: indexOf(u.id, period).total }))).map((r) => {
    const i = indexOf(r.unitId, period);
    return {
      ...r,
      grade: i.grade,
      gradeName: i.gradeName,
      groups: i.groups.map((g) => ({ key: g.key, name: g.name, points: g.points, max: g.max })),
      weekOnWeek: change(r.unitId, week, periods.previousWeek, 'week'),
      monthOnMonth: change(r.unitId, month, periods.previousMonth, 'month'),
    };
  });
  return { parent: parentId, from: period.from, to: period.to, items };
}
