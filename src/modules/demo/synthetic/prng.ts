/**
 * A seeded pseudo-random generator (sfc32, seeded through splitmix32) for the synthetic province:
 * the same seed yields the same sequence on every machine, so `npm run generate -- --seed 42`
 * builds the same data twice. Not for secrets.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An index drawn with the given non-negative weights (cumulative sums, ascending). */
  weighted(cumulative: readonly number[]): number;
  /** A version-4-shaped UUID drawn from the stream (deterministic ids). */
  uuid(): string;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  return fromState(init(), init(), init(), init());
}

/**
 * A stream of its own for one record's details (a dossier's payment, its portal sync, …), seeded
 * by the record's whole id — 128 bits — and the purpose. Distinct ids give distinct states, hence
 * distinct streams: a seed taken from 32 bits of the id would not (two of 10 M dossiers share any
 * given 32 bits with near certainty, and their payments then drew the same id).
 */
export function streamOf(id: string, purpose: string): Rng {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`streamOf needs a UUID, got ${id}`);
  let salt = 0x811c9dc5;
  for (const ch of purpose) salt = Math.imul(salt ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  // splitmix32's first output is a bijection of its seed, so each word of state stays distinct.
  const word = (i: number) => splitmix32((Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16) ^ salt) >>> 0)();
  return fromState(word(0), word(1), word(2), word(3));
}

function fromState(a: number, b: number, c: number, d: number): Rng {
  const u32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = () => u32() / 4294967296;
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(cumulative) {
      const x = next() * cumulative[cumulative.length - 1]!;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
    uuid() {
      const h = hex(u32()) + hex(u32()) + hex(u32()) + hex(u32());
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}
