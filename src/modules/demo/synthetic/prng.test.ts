import { describe, expect, it } from 'vitest';
import { createRng, streamOf } from './prng.js';

describe('streamOf: a record’s own stream', () => {
  it('differs for ids that share any 32 bits (a 32-bit seed drew the same payment id for two of 10 M dossiers)', () => {
    const ids = [
      '0a1b2c3d-0000-4000-8000-000000000001',
      '0a1b2c3d-0000-4000-8000-000000000002',
      'ffffffff-0000-4000-8000-000000000001',
    ];
    const firsts = ids.map((id) => streamOf(id, 'payment').uuid());
    expect(new Set(firsts).size).toBe(3);
  });

  it('differs by purpose and repeats for the same id and purpose', () => {
    const id = '0a1b2c3d-1111-4222-8333-444455556666';
    expect(streamOf(id, 'payment').uuid()).not.toBe(streamOf(id, 'portal-sync').uuid());
    expect(streamOf(id, 'payment').uuid()).toBe(streamOf(id, 'payment').uuid());
  });

  it('draws no repeated id over 200,000 records of one seed', () => {
    const rng = createRng(42);
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) seen.add(streamOf(rng.uuid(), 'payment').uuid());
    expect(seen.size).toBe(200_000);
    // ~1 s on a quiet machine; a loaded 2-core one took over the 5 s default.
  }, 30_000);

  it('refuses an id that is not a UUID', () => {
    expect(() => streamOf('HS-001', 'payment')).toThrow(/UUID/);
  });
});
