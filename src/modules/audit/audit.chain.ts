/**
 * The audit hash chain, as pure functions: hash(row) = sha256(prevHash + "\n" + canonical JSON
 * of the row's content). Canonical JSON sorts object keys, so the hash survives jsonb's own
 * key reordering on the way through the database.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  unitId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
}

export interface ChainedRow extends AuditContent {
  prevHash: string;
  hash: string;
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The hashed fields of a row, picked by name: a row read back carries more (its insertion id). */
export function chainContent(row: AuditContent): AuditContent {
  const { seq, occurredAt, actorId, actorName, unitId, action, targetType, targetId, summary, requestId, ip } = row;
  return { seq, occurredAt, actorId, actorName, unitId, action, targetType, targetId, summary, requestId, ip };
}

export function auditHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(content)}`)
    .digest('hex');
}

export type ChainBreak =
  | { seq: number; reason: 'seq_gap'; expectedSeq: number }
  | { seq: number; reason: 'prev_hash_mismatch' }
  | { seq: number; reason: 'hash_mismatch' };

/**
 * Checks a run of rows in seq order, continuing from `previous` (the row before the run, or
 * none for the start of the log). Returns the first broken link, or null.
 */
export function findChainBreak(
  rows: readonly ChainedRow[],
  previous: { seq: number; hash: string } | null,
): ChainBreak | null {
  let expectedSeq = previous ? previous.seq + 1 : 1;
  let prevHash = previous ? previous.hash : GENESIS_HASH;
  for (const row of rows) {
    if (row.seq !== expectedSeq) return { seq: row.seq, reason: 'seq_gap', expectedSeq };
    if (row.prevHash !== prevHash) return { seq: row.seq, reason: 'prev_hash_mismatch' };
    if (auditHash(prevHash, chainContent(row)) !== row.hash) return { seq: row.seq, reason: 'hash_mismatch' };
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return null;
}
