import { describe, expect, it } from 'vitest';
import { decideThrottle } from './throttle.rules.js';

const config = { maxFailuresPerAccount: 5, maxFailuresPerIp: 30, windowMs: 15 * 60_000 };
const now = new Date('2026-11-23T03:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('decideThrottle', () => {
  it('allows up to the limit minus one failure', () => {
    const history = { accountFailures: [4, 3, 2, 1].map(minutesAgo), ipFailures: [] };
    expect(decideThrottle(history, now, config)).toEqual({ allowed: true });
  });

  it('refuses at the limit until the oldest counting failure leaves the window', () => {
    const history = { accountFailures: [10, 4, 3, 2, 1].map(minutesAgo), ipFailures: [] };
    expect(decideThrottle(history, now, config)).toEqual({ allowed: false, retryAfterSeconds: 5 * 60 });
  });

  it('counts only the most recent failures beyond the limit', () => {
    const history = { accountFailures: [14, 12, 9, 8, 7, 6].map(minutesAgo), ipFailures: [] };
    // The 5 most recent: 12, 9, 8, 7, 6 minutes ago → the one 12 minutes ago frees up in 3 minutes.
    expect(decideThrottle(history, now, config)).toEqual({ allowed: false, retryAfterSeconds: 3 * 60 });
  });

  it('refuses an address that fails across many accounts', () => {
    const ipFailures = Array.from({ length: 30 }, (_, i) => minutesAgo(14 - i * 0.1));
    const decision = decideThrottle({ accountFailures: [], ipFailures }, now, config);
    expect(decision.allowed).toBe(false);
  });

  it('allows again once the window has passed', () => {
    const history = { accountFailures: [20, 19, 18, 17, 16].map(minutesAgo), ipFailures: [] };
    expect(decideThrottle(history, now, config)).toEqual({ allowed: true });
  });
});
