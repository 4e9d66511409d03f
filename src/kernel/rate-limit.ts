/**
 * A small fixed-window rate limiter per client, for public routes without login (tra cứu hồ sơ).
 *
 * Each key (a client address, see clientKey) gets its own window that starts at its first
 * request: up to `limit` requests are allowed until `windowMs` later, then the count starts
 * over. A refused request does not count and does not extend the window, so a client that keeps
 * hammering is let in again exactly when its window ends (Retry-After tells it when).
 *
 * State is in this process's memory. With several API processes behind a load balancer the
 * effective limit is per process (n processes → up to n × limit); the load balancer or a
 * shared store can tighten that later. Memory is bounded: windows that have ended are swept at
 * most once per window length, and beyond `maxKeys` live keys the oldest window is dropped
 * (that client merely starts a fresh window).
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  windowMs: number;
  /** The clock, in ms since the epoch (tests inject their own). */
  now?: () => number;
  /** Live keys kept at most (default 100,000). */
  maxKeys?: number;
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

interface Window {
  start: number;
  count: number;
}

export class FixedWindowLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly maxKeys: number;
  /** Insertion order = order of window start, so the first entry is the oldest window. */
  private readonly windows = new Map<string, Window>();
  private lastSweep: number;

  constructor(options: RateLimitOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1)
      throw new RangeError(`limit must be a positive integer, got ${options.limit}`);
    if (!(options.windowMs > 0)) throw new RangeError(`windowMs must be positive, got ${options.windowMs}`);
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 100_000;
    this.lastSweep = this.now();
  }

  /** Counts one request of `key` and says whether it may proceed. */
  hit(key: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(key);
    if (window && now >= window.start + this.windowMs) {
      this.windows.delete(key);
      window = undefined;
    }
    if (!window) {
      if (this.windows.size >= this.maxKeys) {
        const oldest = this.windows.keys().next().value;
        if (oldest !== undefined) this.windows.delete(oldest);
      }
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) };
    }
    window.count += 1;
    return { allowed: true, remaining: this.limit - window.count };
  }

  /** Live windows (for tests and metrics). */
  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    if (now < this.lastSweep + this.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) {
      if (now >= window.start + this.windowMs) this.windows.delete(key);
    }
  }
}

/**
 * The key a client is limited by: its IPv4 address, or the /64 network of an IPv6 address (one
 * subscriber usually holds a whole /64, so limiting single addresses would limit nothing).
 * IPv4-mapped IPv6 addresses count as the IPv4 address.
 */
export function clientKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::') as [string, string?];
  const left = head === '' ? [] : head.split(':');
  const right = ip.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  // An embedded IPv4 tail (a:b::1.2.3.4) is two groups; it only matters for the zero count.
  const groupsOf = (parts: string[]) => parts.reduce((n, p) => n + (p.includes('.') ? 2 : 1), 0);
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - groupsOf(left) - groupsOf(right)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * A route `onRequest` hook: counts the request under the client's key (request.ip, which
 * honours TRUST_PROXY) and refuses with 429 RATE_LIMITED (details.retryAfterSeconds; the error
 * handler turns it into a Retry-After header) once the window's allowance is spent. It runs
 * before validation, so malformed requests count too.
 */
export function rateLimitHook(
  limiter: FixedWindowLimiter,
  keyOf: (request: FastifyRequest) => string = (r) => clientKey(r.ip),
) {
  return async function rateLimit(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const decision = limiter.hit(keyOf(request));
    if (!decision.allowed) throw new AppError('RATE_LIMITED', { retryAfterSeconds: decision.retryAfterSeconds });
  };
}
