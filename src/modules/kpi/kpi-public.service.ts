/**
 * The public figures of the province: its Decision-766 index and its units ranked, shaped for
 * anonymous readers (aggregates only: points, ratios, counts — never a dossier or a person). Used by
 * the live dashboard (kpi-public.routes.ts) and by the publications module's snapshots.
 */
import type { z } from 'zod';
import type { Queryable } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import type { PublicIndex, PublicRankings } from './kpi-public.schema.js';
import { computeIndex } from './kpi.service.js';
import type { Period } from './periods.rules.js';
import { rankings } from './rankings.service.js';

export type PublicIndexData = z.input<typeof PublicIndex>;
export type PublicRankingsData = z.input<typeof PublicRankings>;

/** The index of `unitId` (the province) over `period`, named `text`. */
export async function publicIndex(
  db: Queryable,
  env: Env,
  unitId: string,
  text: string,
  period: Period,
  now: Date,
): Promise<PublicIndexData> {
  const i = await computeIndex(db, env, { unitId, period }, now);
  return {
    unitName: i.unitName,
    period: text,
    from: i.from,
    to: i.to,
    asOf: i.asOf,
    total: i.total,
    grade: i.grade,
    gradeName: i.gradeName,
    applicable: i.applicable,
    indicatorCount: i.indicatorCount,
    noData: i.noData,
    groups: i.groups.map((g) => ({
      key: g.key,
      name: g.name,
      points: g.points,
      max: g.max,
      indicators: g.indicators.map((x) => ({
        key: x.key,
        name: x.name,
        ratio: x.ratio,
        points: x.points,
        max: x.max,
        available: x.available,
      })),
    })),
  };
}

/** The departments or communes under `unitId` ranked over `period`, named `text`. */
export async function publicRankings(
  db: Queryable,
  env: Env,
  unitId: string,
  text: string,
  period: Period,
  kind: 'department' | 'commune',
  now: Date,
): Promise<PublicRankingsData> {
  const r = await rankings(db, env, unitId, period, { kind }, now);
  return {
    period: text,
    from: r.from,
    to: r.to,
    kind,
    items: r.items.map((i) => ({
      name: i.name,
      kind: i.kind,
      rank: i.rank,
      total: i.total,
      grade: i.grade,
      gradeName: i.gradeName,
      weekChange: i.weekOnWeek.change,
      monthChange: i.monthOnMonth.change,
      rankChange: i.monthOnMonth.rankChange,
    })),
    unranked: r.unranked.map((u) => ({ name: u.name, kind: u.kind })),
  };
}
