/**
 * Pure pieces of the plan-target table and the rankings: the period before a period, the week
 * and reporting month holding a day, a target's gap and trend, and the order of a ranking.
 */
import { addDays, dayIndex } from '../calendar/dates.js';
import {
  isoWeekOf,
  type Period,
  rangePeriod,
  reportingMonth,
  reportingMonthOf,
  reportingQuarter,
  reportingYear,
  weekPeriod,
} from './periods.rules.js';
import type { TargetDefinition } from './targets.config.js';

/**
 * The period a trend compares with: the week, reporting month, quarter or year before a named
 * one; for a range, the range of the same length that ends the day before it starts.
 */
export function previousPeriod(period: Period, name?: string): Period {
  let m = name ? /^(\d{4})-W(\d{2})$/.exec(name) : null;
  if (m) return weekContaining(addDays(period.from, -1));
  m = name ? /^(\d{4})-(\d{2})$/.exec(name) : null;
  if (m) return monthContaining(addDays(period.from, -1));
  m = name ? /^(\d{4})-Q([1-4])$/.exec(name) : null;
  if (m)
    return Number(m[2]) === 1
      ? reportingQuarter(Number(m[1]) - 1, 4)
      : reportingQuarter(Number(m[1]), Number(m[2]) - 1);
  m = name ? /^(\d{4})$/.exec(name) : null;
  if (m) return reportingYear(Number(m[1]) - 1);
  const days = dayIndex(period.to) - dayIndex(period.from) + 1;
  return rangePeriod(addDays(period.from, -days), addDays(period.from, -1));
}

/** The ISO week (Monday–Sunday) holding a Vietnam date. */
export function weekContaining(date: string): Period {
  const [year, week] = isoWeekOf(date);
  return weekPeriod(year, week);
}

/** The reporting month (21st → 20th) holding a Vietnam date. */
export function monthContaining(date: string): Period {
  const month = reportingMonthOf(date);
  return reportingMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}

export type Trend = 'better' | 'worse' | 'same' | 'unknown';

/**
 * Target against actual: `gap` = actual − target (negative: short of an at-least target; positive:
 * over an at-most one), `met`, and the trend against the previous period's actual — better or
 * worse in the target's direction. Unknown when either actual is missing.
 */
export function assess(
  def: Pick<TargetDefinition, 'direction'>,
  target: number,
  actual: number | null,
  previous: number | null,
) {
  const round = (x: number) => Math.round(x * 10000) / 10000;
  if (actual === null) return { gap: null, met: null, trend: 'unknown' as Trend, change: null };
  const gap = round(actual - target);
  const met = def.direction === 'atLeast' ? actual >= target : actual <= target;
  if (previous === null) return { gap, met, trend: 'unknown' as Trend, change: null };
  const change = round(actual - previous);
  const trend: Trend = change === 0 ? 'same' : change > 0 === (def.direction === 'atLeast') ? 'better' : 'worse';
  return { gap, met, trend, change };
}

export interface RankedInput {
  unitId: string;
  name: string;
  total: number;
}

/**
 * Ranks by total, highest first; equal totals share a rank (1, 2, 2, 4) and are listed by name,
 * so a ranking is stable and never favours one of two equal units.
 */
export function rank<T extends RankedInput>(items: readonly T[]): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'vi'));
  let previous: { total: number; rank: number } | null = null;
  return sorted.map((item, i) => {
    const r = previous && previous.total === item.total ? previous.rank : i + 1;
    previous = { total: item.total, rank: r };
    return { ...item, rank: r };
  });
}

/** Dossiers per officer over a period, scaled to a year (365 days) so it compares with the plan. */
export function perOfficerYear(dossiers: number, officers: number, period: Period): number | null {
  if (officers === 0) return null;
  const days = dayIndex(period.to) - dayIndex(period.from) + 1;
  return Math.round(((dossiers / officers) * 365) / days);
}
