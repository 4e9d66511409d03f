/**
 * Login throttling rule (pure). Counts failures inside the window that came after the last
 * success; refuses when either the account or the client address has failed too often.
 * Refusal does not depend on whether the password would have been right, so guessing stops.
 */
export interface ThrottleConfig {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  windowMs: number;
}

export interface AttemptHistory {
  /** Failures for this username within the window, after its last success, oldest first. */
  accountFailures: Date[];
  /** Failures from this IP within the window (any username), oldest first. */
  ipFailures: Date[];
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function decideThrottle(history: AttemptHistory, now: Date, config: ThrottleConfig): ThrottleDecision {
  const blockedUntil = (failures: Date[], max: number): number | null => {
    if (failures.length < max) return null;
    // The oldest failure that still counts must leave the window before another try is allowed.
    const oldestCounting = failures[failures.length - max]!;
    return oldestCounting.getTime() + config.windowMs;
  };
  const until = Math.max(
    blockedUntil(history.accountFailures, config.maxFailuresPerAccount) ?? 0,
    blockedUntil(history.ipFailures, config.maxFailuresPerIp) ?? 0,
  );
  if (until <= now.getTime()) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
}
