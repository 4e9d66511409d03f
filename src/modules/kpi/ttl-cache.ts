/**
 * A small in-process cache of computed figures for the public dashboard: anonymous visitors all
 * ask for the same few periods, and each answer costs one index per unit. Entries live `ttlMs`;
 * concurrent misses share one computation; at most `max` entries (the oldest go first), so odd
 * periods cannot grow it without bound. Per process: several API processes compute once each.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
  ) {}

  get(key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = compute();
    // A failure is not remembered: the next visitor tries again.
    value.catch(() => this.entries.delete(key));
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
