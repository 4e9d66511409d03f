/**
 * Scoring the Decision-766 index from counted numerators and denominators, as pure functions of
 * the configuration. The queries count; these rules weigh.
 *
 * Decisions (docs/ARCHITECTURE.md, "KPI (Decision 766)"):
 * - ratio = numerator ÷ denominator, null when the denominator is 0.
 * - Nothing due (denominator 0) earns the indicator's full points, as the national portal does:
 *   a commune that received no dossier this week has not served anyone badly.
 * - An indicator whose data MotCua does not hold yet (`available: false`) earns 0 and says why;
 *   its figures are 0/0 — never invented.
 * - points = max × min(1, ratio ÷ fullAt); points, group sums and the total are rounded to 2
 *   decimals (the portal shows two).
 */
import type { GradeBand, IndicatorKey, KpiConfig } from './kpi.config.js';
import type { z } from 'zod';

export interface Count {
  numerator: number;
  denominator: number;
  /** False when the data behind the indicator does not exist in MotCua yet. */
  available: boolean;
  /** Why it is not available (Vietnamese), or how it is counted. */
  note?: string;
}

export interface ScoredIndicator extends Count {
  key: IndicatorKey;
  name: string;
  ratio: number | null;
  points: number;
  max: number;
  fullAt: number;
}

export interface ScoredGroup {
  key: string;
  name: string;
  points: number;
  max: number;
  indicators: ScoredIndicator[];
}

export interface ScoredIndex {
  total: number;
  grade: string;
  gradeName: string;
  groups: ScoredGroup[];
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

export function ratioOf(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function indicatorPoints(count: Count, max: number, fullAt: number): number {
  if (!count.available) return 0;
  const ratio = ratioOf(count.numerator, count.denominator);
  if (ratio === null) return max;
  return round2(max * Math.min(1, ratio / fullAt));
}

type Band = z.output<typeof GradeBand>;

/** The first band (highest first) whose minimum the total reaches. */
export function gradeOf(total: number, bands: readonly Band[]): Band {
  return bands.find((b) => total >= b.min) ?? bands[bands.length - 1]!;
}

/** Weighs the counts with the configuration; an indicator with no count is unavailable. */
export function scoreIndex(config: KpiConfig, counts: ReadonlyMap<IndicatorKey, Count>): ScoredIndex {
  const groups = config.groups.map((g) => {
    const indicators = g.indicators.map((i): ScoredIndicator => {
      const count = counts.get(i.key) ?? { numerator: 0, denominator: 0, available: false };
      return {
        key: i.key,
        name: i.name,
        ...count,
        ratio: count.available ? ratioOf(count.numerator, count.denominator) : null,
        points: indicatorPoints(count, i.max, i.fullAt),
        max: i.max,
        fullAt: i.fullAt,
      };
    });
    return {
      key: g.key,
      name: g.name,
      points: round2(indicators.reduce((s, i) => s + i.points, 0)),
      max: round2(g.indicators.reduce((s, i) => s + i.max, 0)),
      indicators,
    };
  });
  const total = round2(groups.reduce((s, g) => s + g.points, 0));
  const band = gradeOf(total, config.grades);
  return { total, grade: band.key, gradeName: band.name, groups };
}
