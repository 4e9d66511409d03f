import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.js';

describe('TtlCache', () => {
  it('computes once within the time to live, again after it', async () => {
    const cache = new TtlCache<number>(1000, 10);
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cache.get('a', compute, 0)).toBe(1);
    expect(await cache.get('a', compute, 999)).toBe(1);
    expect(await cache.get('a', compute, 1000)).toBe(2);
  });

  it('shares a computation in flight and forgets failures', async () => {
    const cache = new TtlCache<number>(1000, 10);
    let calls = 0;
    const slow = () => new Promise<number>((r) => setTimeout(() => r(++calls), 5));
    expect(await Promise.all([cache.get('a', slow, 0), cache.get('a', slow, 1)])).toEqual([1, 1]);
    await expect(cache.get('b', () => Promise.reject(new Error('x')), 0)).rejects.toThrow('x');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('b', async () => 7, 1)).toBe(7);
  });

  it('keeps at most max entries, dropping the oldest', async () => {
    const cache = new TtlCache<string>(10_000, 2);
    let calls = 0;
    for (const k of ['a', 'b', 'c']) await cache.get(k, async () => `${k}${++calls}`, 0);
    expect(await cache.get('a', async () => `a${++calls}`, 1)).toBe('a4');
    expect(await cache.get('c', async () => 'never', 1)).toBe('c3');
  });
});
