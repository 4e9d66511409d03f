import { describe, expect, it } from 'vitest';
import { clientKey, FixedWindowLimiter } from './rate-limit.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('FixedWindowLimiter', () => {
  it('allows `limit` requests in a window, refuses the next with the seconds left, and starts over after it', () => {
    const c = clock();
    const limiter = new FixedWindowLimiter({ limit: 3, windowMs: 60_000, now: c.now });
    expect(limiter.hit('a')).toEqual({ allowed: true, remaining: 2 });
    c.advance(10_000);
    expect(limiter.hit('a')).toEqual({ allowed: true, remaining: 1 });
    expect(limiter.hit('a')).toEqual({ allowed: true, remaining: 0 });
    c.advance(20_500);
    // The window started at the first request: 29.5 s left, rounded up.
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    c.advance(29_499);
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    c.advance(1);
    expect(limiter.hit('a')).toEqual({ allowed: true, remaining: 2 });
  });

  it('keeps keys apart', () => {
    const c = clock();
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 60_000, now: c.now });
    expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('a').allowed).toBe(false);
    expect(limiter.hit('b').allowed).toBe(true);
  });

  it('does not count refused requests or let them extend the window', () => {
    const c = clock();
    const limiter = new FixedWindowLimiter({ limit: 2, windowMs: 1_000, now: c.now });
    limiter.hit('a');
    limiter.hit('a');
    for (let i = 0; i < 100; i += 1) {
      c.advance(9);
      expect(limiter.hit('a').allowed).toBe(false);
    }
    c.advance(100);
    expect(limiter.hit('a')).toEqual({ allowed: true, remaining: 1 });
  });

  it('never says to retry in less than a second', () => {
    const c = clock();
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 60_000, now: c.now });
    limiter.hit('a');
    c.advance(59_999.9);
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('forgets ended windows, at most once per window length', () => {
    const c = clock();
    const limiter = new FixedWindowLimiter({ limit: 5, windowMs: 60_000, now: c.now });
    for (let i = 0; i < 50; i += 1) limiter.hit(`ip${i}`);
    expect(limiter.size).toBe(50);
    c.advance(30_000);
    limiter.hit('late');
    expect(limiter.size).toBe(51);
    c.advance(30_000);
    limiter.hit('late'); // the 50 early windows have ended; 'late' has not
    expect(limiter.size).toBe(1);
  });

  it('holds at most maxKeys windows, dropping the oldest', () => {
    const c = clock();
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 60_000, now: c.now, maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) {
      limiter.hit(key);
      c.advance(1);
    }
    limiter.hit('d');
    expect(limiter.size).toBe(3);
    expect(limiter.hit('a').allowed).toBe(true); // 'a' was dropped and starts afresh
    expect(limiter.hit('c').allowed).toBe(false);
  });

  it('refuses nonsense settings', () => {
    expect(() => new FixedWindowLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
    expect(() => new FixedWindowLimiter({ limit: 1.5, windowMs: 1000 })).toThrow(RangeError);
    expect(() => new FixedWindowLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError);
  });
});

describe('clientKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:aaaa::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:DB8:1:2::', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['not-an-ip', 'not-an-ip'],
  ])('%s → %s', (ip, key) => {
    expect(clientKey(ip)).toBe(key);
  });

  it('puts two addresses of one /64 under one key, and of two /64s under two', () => {
    expect(clientKey('2001:db8:1:2::1')).toBe(clientKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(clientKey('2001:db8:1:2::1')).not.toBe(clientKey('2001:db8:1:3::1'));
  });
});
