/**
 * Đánh giá mức độ hài lòng as pure rules: the default criteria, what a level means on a 3- or
 * 5-level scale, whether a rating is satisfied (and so whether a reason is required), the signed
 * rating link, and the rates per unit / officer / procedure.
 */
import { createHmac } from 'node:crypto';
import { safeEqual } from '../identity/secrets.js';

export const RATING_CHANNELS = ['portal', 'counter', 'link'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

export interface Criterion {
  key: string;
  /** Vietnamese, always shown by default. */
  label: string;
  /** English, for the UI in English; absent = the Vietnamese label is shown there too. */
  labelEn?: string | null | undefined;
  scale: 3 | 5;
}

/** The defaults; the province edits the list (PUT /api/satisfaction/criteria). */
export const DEFAULT_CRITERIA: readonly Criterion[] = [
  { key: 'overall', label: 'Mức độ hài lòng chung', labelEn: 'Overall satisfaction', scale: 5 },
  { key: 'waitingTime', label: 'Thời gian chờ đợi', labelEn: 'Waiting time', scale: 5 },
  { key: 'attitude', label: 'Thái độ của cán bộ', labelEn: 'Attitude of the officers', scale: 5 },
  { key: 'resultOnTime', label: 'Kết quả trả đúng hẹn', labelEn: 'Result returned on time', scale: 5 },
];

export const LEVEL_LABELS: Record<3 | 5, readonly string[]> = {
  3: ['Không hài lòng', 'Bình thường', 'Hài lòng'],
  5: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'],
};
export const LEVEL_LABELS_EN: Record<3 | 5, readonly string[]> = {
  3: ['Dissatisfied', 'Neutral', 'Satisfied'],
  5: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
};

/** A criterion as the rating forms get it: both labels (no English one: the form shows the Vietnamese) and its levels in both. */
export function criterionForForm(c: Criterion) {
  return {
    key: c.key,
    label: c.label,
    labelEn: c.labelEn ?? null,
    scale: c.scale,
    levels: [...LEVEL_LABELS[c.scale]],
    levelsEn: [...LEVEL_LABELS_EN[c.scale]],
  };
}

/**
 * A level below the middle of its scale is bad (1–2 of 5, 1 of 3). The middle (Bình thường)
 * counts as acceptable, as the national portal's "chấp nhận được" does.
 */
export function isBadLevel(level: number, scale: 3 | 5): boolean {
  return level < (scale + 1) / 2;
}

export type ScoreProblem = { code: 'CRITERION_UNKNOWN' | 'CRITERION_MISSING' | 'LEVEL_OUT_OF_SCALE'; key: string };

/** Every active criterion rated once, on its scale; nothing else. */
export function checkScores(criteria: readonly Criterion[], scores: Record<string, number>): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const byKey = new Map(criteria.map((c) => [c.key, c]));
  for (const key of Object.keys(scores)) if (!byKey.has(key)) problems.push({ code: 'CRITERION_UNKNOWN', key });
  for (const c of criteria) {
    const level = scores[c.key];
    if (level === undefined) problems.push({ code: 'CRITERION_MISSING', key: c.key });
    else if (!Number.isInteger(level) || level < 1 || level > c.scale)
      problems.push({ code: 'LEVEL_OUT_OF_SCALE', key: c.key });
  }
  return problems;
}

/** Satisfied when no criterion is rated bad; a bad rating must say why. */
export function ratingSatisfied(criteria: readonly Criterion[], scores: Record<string, number>): boolean {
  return criteria.every((c) => !isBadLevel(scores[c.key] ?? 0, c.scale));
}

export interface RateRow {
  satisfied: boolean;
}
export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator, null when nothing was rated. */
  rate: number | null;
}

export function rateOf(rows: readonly RateRow[]): Rate {
  const numerator = rows.filter((r) => r.satisfied).length;
  return { numerator, denominator: rows.length, rate: rows.length ? numerator / rows.length : null };
}

/** Rates grouped by one or more keys per row (an officer rating counts for each officer it names). */
export function ratesBy<T extends RateRow>(
  rows: readonly T[],
  keysOf: (row: T) => readonly (string | null)[],
): Map<string, Rate> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    for (const key of new Set(keysOf(row))) {
      if (key === null) continue;
      const list = groups.get(key) ?? [];
      list.push(row);
      groups.set(key, list);
    }
  }
  return new Map([...groups].map(([k, list]) => [k, rateOf(list)]));
}

/**
 * Per dossier: satisfied when every channel's rating of it is (one unhappy rating makes the
 * dossier count as unsatisfied, as docs/domain/DOMAIN.md §9 counts "complaints or dislikes").
 */
export function dossierRates<T extends RateRow & { dossierId: string }>(rows: readonly T[]): Rate {
  const byDossier = new Map<string, boolean>();
  for (const r of rows) byDossier.set(r.dossierId, (byDossier.get(r.dossierId) ?? true) && r.satisfied);
  return rateOf([...byDossier.values()].map((satisfied) => ({ satisfied })));
}

/** The signed token of a rating link sent in a notification: `<expiry seconds>.<hmac>`. */
export function signRatingToken(secret: string, code: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return `${exp}.${mac(secret, code, exp)}`;
}

export function verifyRatingToken(secret: string, code: string, token: string, now: Date): boolean {
  const [expText, given] = token.split('.');
  const exp = Number(expText);
  if (!given || !Number.isInteger(exp) || exp * 1000 < now.getTime()) return false;
  return safeEqual(given, mac(secret, code, exp));
}

function mac(secret: string, code: string, exp: number): string {
  return createHmac('sha256', secret).update(`rating:${code}:${exp}`).digest('base64url');
}
