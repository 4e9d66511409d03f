import { describe, expect, it } from 'vitest';
import {
  type AuditContent,
  type ChainedRow,
  GENESIS_HASH,
  auditHash,
  canonicalJson,
  findChainBreak,
} from './audit.chain.js';

function chain(n: number): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const content: AuditContent = {
      seq,
      occurredAt: new Date(Date.UTC(2026, 10, 23, 3, 0, seq)),
      actorId: null,
      actorName: 'admin',
      unitId: null,
      action: 'unit.update',
      targetType: 'unit',
      targetId: `u-${seq}`,
      summary: { after: { name: `Đơn vị ${seq}` }, before: { name: 'cũ' } },
      requestId: `r-${seq}`,
      ip: '127.0.0.1',
    };
    const hash = auditHash(prevHash, content);
    rows.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth so jsonb reordering does not change the hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: undefined, b: new Date('2026-01-01T00:00:00Z') })).toBe(
      '{"b":"2026-01-01T00:00:00.000Z"}',
    );
  });
});

describe('findChainBreak', () => {
  it('accepts an intact chain, whole or continued from a checkpoint', () => {
    const rows = chain(6);
    expect(findChainBreak(rows, null)).toBeNull();
    expect(findChainBreak(rows.slice(3), { seq: 3, hash: rows[2]!.hash })).toBeNull();
  });

  it('names an altered row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, summary: { after: { name: 'sửa lén' } } };
    expect(findChainBreak(rows, null)).toEqual({ seq: 3, reason: 'hash_mismatch' });
  });

  it('names an altered row even when its hash was recomputed (the next link breaks)', () => {
    const rows = chain(5);
    const forged = { ...rows[1]!, actorName: 'someone-else' };
    forged.hash = auditHash(forged.prevHash, (({ prevHash: _p, hash: _h, ...c }) => c)(forged));
    rows[1] = forged;
    expect(findChainBreak(rows, null)).toEqual({ seq: 3, reason: 'prev_hash_mismatch' });
  });

  it('names the row after a deleted one', () => {
    const rows = chain(5);
    rows.splice(2, 1);
    expect(findChainBreak(rows, null)).toEqual({ seq: 4, reason: 'seq_gap', expectedSeq: 3 });
  });

  it('refuses a chain that does not start from the genesis hash', () => {
    const rows = chain(3).slice(1);
    expect(findChainBreak(rows, null)).toEqual({ seq: 2, reason: 'seq_gap', expectedSeq: 1 });
  });
});
