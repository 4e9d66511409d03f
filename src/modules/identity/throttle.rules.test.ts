import { describe, expect, it } from 'vitest';
import { type AttemptHistory, attemptsReadSince, decideThrottle } from './throttle.rules.js';

const config = {
  freeFailuresPerPair: 5,
  freeFailuresPerAddress: 30,
  accountLimit: 100,
  maxDelayMs: 15 * 60_000,
  windowMs: 24 * 3_600_000,
};
const now = new Date('2026-11-23T03:00:00Z');
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
/** `n` failures, the latest `lastSecondsAgo` before now, one second apart. */
const failures = (n: number, lastSecondsAgo = 0) =>
  Array.from({ length: n }, (_, i) => secondsAgo(lastSecondsAgo + n - 1 - i));
const none: AttemptHistory = { pairFailures: [], addressFailures: [], accountFailures: [], knownAddress: false };

describe('decideThrottle', () => {
  const cases: { name: string; history: Partial<AttemptHistory>; expected: ReturnType<typeof decideThrottle> }[] = [
    { name: 'a clean history', history: {}, expected: { allowed: true } },
    { name: 'free failures of the pair', history: { pairFailures: failures(4) }, expected: { allowed: true } },
    {
      name: 'the first paid failure waits 1 s',
      history: { pairFailures: failures(5) },
      expected: { allowed: false, retryAfterSeconds: 1 },
    },
    {
      name: 'each later failure doubles the wait (8th → 8 s)',
      history: { pairFailures: failures(8) },
      expected: { allowed: false, retryAfterSeconds: 8 },
    },
    {
      name: 'the wait is counted from the last failure',
      history: { pairFailures: failures(8, 5) },
      expected: { allowed: false, retryAfterSeconds: 3 },
    },
    { name: 'after the wait, one more try', history: { pairFailures: failures(8, 8) }, expected: { allowed: true } },
    {
      name: 'the wait stops growing at the maximum',
      history: { pairFailures: failures(60) },
      expected: { allowed: false, retryAfterSeconds: 15 * 60 },
    },
    {
      name: 'a pair slows down even at a known address',
      history: { pairFailures: failures(6), knownAddress: true },
      expected: { allowed: false, retryAfterSeconds: 2 },
    },
    {
      name: 'an address spraying many accounts doubles too',
      history: { addressFailures: failures(31) },
      expected: { allowed: false, retryAfterSeconds: 2 },
    },
    {
      name: 'an account known at that address passes the address’s wait (one NAT for the office)',
      history: { addressFailures: failures(200), knownAddress: true },
      expected: { allowed: true },
    },
    {
      name: '50 failures from elsewhere do not stop the account',
      history: { accountFailures: failures(50) },
      expected: { allowed: true },
    },
    {
      name: 'at 100 consecutive failures an unknown address is refused until the oldest leaves the window',
      history: { accountFailures: [secondsAgo(3600), ...failures(99)] },
      expected: { allowed: false, retryAfterSeconds: 23 * 3600 },
    },
    {
      name: 'past 100 failures the account’s own address still gets in',
      history: { accountFailures: failures(500), knownAddress: true },
      expected: { allowed: true },
    },
  ];
  it.each(cases)('$name', ({ history, expected }) => {
    expect(decideThrottle({ ...none, ...history }, now, config)).toEqual(expected);
  });
});

describe('attemptsReadSince: the attempts the throttle reads (older ones are pruned)', () => {
  const DAY = 86_400_000;
  it.each([
    ['a 24-hour window: the 30 days of known addresses', 24 * 3_600_000, 30 * DAY],
    ['a 30-day window: the same 30 days', 30 * DAY, 30 * DAY],
    ['a 45-day window: the window', 45 * DAY, 45 * DAY],
  ])('%s', (_what, windowMs, kept) => {
    expect(attemptsReadSince(now, { windowMs }).toISOString()).toBe(new Date(now.getTime() - kept).toISOString());
  });
});
