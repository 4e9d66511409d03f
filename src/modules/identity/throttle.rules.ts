/**
 * Sign-in throttling (pure): slow guessing down without letting a stranger lock an official out.
 * A hard lock after a few failures lets anyone who knows a username deny that person service
 * (OWASP Authentication Cheat Sheet, "Account Lockout"), so failures cost *time*, growing with
 * their number, and only for the place they come from. NIST SP 800-63B §5.2.2 (rate limiting):
 * at most 100 consecutive failed attempts per account, with other ways for the subscriber to get
 * in — here, the addresses the account has signed in from before.
 *  - account + address: the first `freeFailuresPerPair` wrong passwords cost nothing; each later
 *    one doubles the wait before the next try (1 s, 2 s, 4 s … up to `maxDelayMs`);
 *  - address, any account (password spraying): the same doubling after `freeFailuresPerAddress`;
 *  - account, any address (a botnet): refused after `accountLimit` consecutive failures;
 *  - a *known address* of the account (it signed in from there within KNOWN_ADDRESS_DAYS) skips
 *    the last two: a stranger elsewhere cannot stop the official, nor can a colleague's typos
 *    behind the office's one NAT address.
 * A refusal does not depend on whether the password would have been right, so guessing stops.
 */
export interface ThrottleConfig {
  freeFailuresPerPair: number;
  freeFailuresPerAddress: number;
  /** Consecutive failures, from addresses not known for the account, before it refuses them. */
  accountLimit: number;
  maxDelayMs: number;
  /** How long a failure counts. */
  windowMs: number;
}

/** An address the account signed in from this recently is its own (the office, home). */
export const KNOWN_ADDRESS_DAYS = 30;

/**
 * The oldest attempt the throttle still reads as of `now`: failures count for the window, and a
 * success makes its address known for KNOWN_ADDRESS_DAYS, whichever is longer. Attempts before it
 * are read by nothing, so the pruning task deletes them.
 */
export function attemptsReadSince(now: Date, config: Pick<ThrottleConfig, 'windowMs'>): Date {
  return new Date(now.getTime() - Math.max(config.windowMs, KNOWN_ADDRESS_DAYS * 86_400_000));
}
/** The first paid failure waits this long; each next one twice as long. */
const BASE_DELAY_MS = 1000;

export interface AttemptHistory {
  /** Failures of this account from this address within the window, after their last success, oldest first. */
  pairFailures: Date[];
  /** Failures from this address within the window (any username), oldest first. */
  addressFailures: Date[];
  /** Failures of this account within the window (any address), after its last success, oldest first. */
  accountFailures: Date[];
  /** The account signed in successfully from this address within KNOWN_ADDRESS_DAYS. */
  knownAddress: boolean;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function decideThrottle(history: AttemptHistory, now: Date, config: ThrottleConfig): ThrottleDecision {
  const until = Math.max(
    doublingDelayEnd(history.pairFailures, config.freeFailuresPerPair, config),
    history.knownAddress ? 0 : doublingDelayEnd(history.addressFailures, config.freeFailuresPerAddress, config),
    history.knownAddress ? 0 : limitEnd(history.accountFailures, config),
  );
  if (until <= now.getTime()) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
}

/** When the next try is allowed after these failures: the last one plus a wait doubling per paid failure. */
function doublingDelayEnd(failures: Date[], free: number, config: ThrottleConfig): number {
  if (failures.length < free) return 0;
  const delay = Math.min(config.maxDelayMs, BASE_DELAY_MS * 2 ** (failures.length - free));
  return failures.at(-1)!.getTime() + delay;
}

/** At the limit, the oldest failure that still counts must leave the window first. */
function limitEnd(failures: Date[], config: ThrottleConfig): number {
  if (failures.length < config.accountLimit) return 0;
  return failures[failures.length - config.accountLimit]!.getTime() + config.windowMs;
}
