/** Exponential backoff for retried deliveries (outbox relay, national portal sync). */

export interface Backoff {
  baseSeconds: number;
  maxSeconds: number;
}

/** The wait after the n-th consecutive failure (n ≥ 1): base, 2 × base, 4 × base … capped at max. */
export function backoffSeconds(failures: number, { baseSeconds, maxSeconds }: Backoff): number {
  const exponent = Math.max(0, Math.min(failures, 40) - 1);
  return Math.min(baseSeconds * 2 ** exponent, maxSeconds);
}

export const retryAt = (now: Date, failures: number, backoff: Backoff) =>
  new Date(now.getTime() + backoffSeconds(failures, backoff) * 1000);
