/**
 * Scoring the Decision-766 index from counted numerators and denominators, as pure functions of
 * the configuration. The queries count; these rules weigh.
 *
 * Decisions (docs/ARCHITECTURE.md, "KPI (Decision 766)"):
 * - ratio = numerator ÷ denominator, null when the denominator is 0.
 * - Nothing due (denominator 0): the indicator does not apply and has no score (points null), so
 *   it neither fills nor empties the total. The total is the points earned over the maximum of
 *   the indicators that apply, on the configuration's scale (100): it says how many applied.
 * - No dossier received or handled in the period (the progress base is empty: a department that
 *   received nothing this week): the index has no total and no grade (`noData`), and rankings
 *   list the unit apart. Procedure-only indicators alone do not grade a unit's service, and
 *   would give every empty month the same total.
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
  /** Null: nothing was due (denominator 0), the indicator does not apply. */
  points: number | null;
  applies: boolean;
  max: number;
  fullAt: number;
}

export interface ScoredGroup {
  key: string;
  name: string;
  /** Points earned by the indicators that apply. */
  points: number;
  max: number;
  /** The maximum of the indicators that apply. */
  applicableMax: number;
  indicators: ScoredIndicator[];
}

export interface ScoredIndex {
  /** Null when `noData`. */
  total: number | null;
  grade: string | null;
  gradeName: string | null;
  /** Indicators that apply (a denominator, or data MotCua does not hold: 0 points), of `indicatorCount`. */
  applicable: number;
  indicatorCount: number;
  /** No dossier received or handled in the period: no total, not ranked. */
  noData: boolean;
  groups: ScoredGroup[];
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

export function ratioOf(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function indicatorPoints(count: Count, max: number, fullAt: number): number | null {
  if (!count.available) return 0;
  const ratio = ratioOf(count.numerator, count.denominator);
  if (ratio === null) return null;
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
        applies: !count.available || count.denominator > 0,
        max: i.max,
        fullAt: i.fullAt,
      };
    });
    return {
      key: g.key,
      name: g.name,
      points: round2(indicators.reduce((s, i) => s + (i.points ?? 0), 0)),
      max: round2(g.indicators.reduce((s, i) => s + i.max, 0)),
      applicableMax: round2(indicators.reduce((s, i) => s + (i.applies ? i.max : 0), 0)),
      indicators,
    };
  });
  const all = groups.flatMap((g) => g.indicators);
  const applicable = all.filter((i) => i.applies).length;
  const base = {
    applicable,
    indicatorCount: all.length,
    noData: (counts.get(DOSSIER_BASE)?.denominator ?? 0) === 0,
    groups,
  };
  const applicableMax = groups.reduce((s, g) => s + g.applicableMax, 0);
  if (base.noData || applicableMax === 0) return { ...base, noData: true, total: null, grade: null, gradeName: null };
  const scale = groups.reduce((s, g) => s + g.max, 0);
  const total = round2((groups.reduce((s, g) => s + g.points, 0) / applicableMax) * scale);
  const band = gradeOf(total, config.grades);
  return { ...base, total, grade: band.key, gradeName: band.name };
}

/** The progress base: every dossier received or handled in the period (whether the unit had any). */
export const DOSSIER_BASE: IndicatorKey = 'progress.onTime';
