import { describe, expect, it } from 'vitest';
import { backoffSeconds, retryAt } from './backoff.rules.js';

describe('backoffSeconds', () => {
  const backoff = { baseSeconds: 30, maxSeconds: 600 };
  it.each([
    ['first failure waits the base', 1, 30],
    ['doubles', 2, 60],
    ['doubles again', 3, 120],
    ['fifth', 5, 480],
    ['capped', 6, 600],
    ['stays capped, no overflow', 10_000, 600],
    ['zero failures counts as the first', 0, 30],
  ])('%s', (_name, failures, seconds) => {
    expect(backoffSeconds(failures, backoff)).toBe(seconds);
  });

  it('retryAt adds the wait to now', () => {
    expect(retryAt(new Date('2026-03-02T00:00:00Z'), 2, backoff).toISOString()).toBe('2026-03-02T00:01:00.000Z');
  });
});
