/**
 * Reporting months as the dashboards offer them: month M runs from the 21st of M−1 to the 20th of
 * M (the server's periods.rules.ts), so on 23 November the current reporting month is December.
 */
import { todayInVietnam } from '../format.js';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The reporting month (YYYY-MM) holding a Vietnam date. */
export function reportingMonthOf(date: string): string {
  let [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  if (Number(date.slice(8, 10)) >= 21) [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  return `${y}-${pad2(m)}`;
}

/** The `count` reporting months up to `last`, oldest first. */
export function monthsUpTo(last: string, count: number): string[] {
  const [y, m] = [Number(last.slice(0, 4)), Number(last.slice(5, 7))];
  return Array.from({ length: count }, (_, i) => {
    const n = y * 12 + (m - 1) - (count - 1 - i);
    return `${Math.floor(n / 12)}-${pad2((n % 12) + 1)}`;
  });
}

export const currentMonth = () => reportingMonthOf(todayInVietnam());

/** "2026-03" → "03/2026". */
export const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** A ratio as a percentage with one decimal, Vietnamese style ("87,5 %"). */
export function percent(ratio: number | null | undefined, lang: string): string {
  if (ratio === null || ratio === undefined) return '—';
  return `${(ratio * 100).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 })} %`;
}

/** Points with up to two decimals; null (nothing due, or no dossier in the period) as a dash. */
export const points = (n: number | null, lang: string) =>
  n === null ? '—' : n.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 });
