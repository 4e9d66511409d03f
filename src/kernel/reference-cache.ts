/**
 * The process's copy of reference data, valid under one reference stamp (issue 17).
 *
 * `reference_stamp` is one row whose `version` a statement-level trigger on every reference table
 * (the modules' `referenceTables`, migration 0043) increments in the writing transaction; so a
 * stamp read by any process names one committed state of all reference tables. A cache entry is
 * stored under the stamp it was read at and served only to requests working under that stamp:
 * after a change, the first request that sees the new stamp reads the data again. Entries of older
 * stamps are dropped when a newer one is stored; the entry count is bounded.
 *
 * The trigger also marks the writing transaction (`motcua.reference_written`), and the stamp read
 * answers null there: data read in a transaction that changed reference tables is never shared
 * (it may still roll back).
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from './db.js';

/** Selectable next to any statement: the committed reference stamp, or null in a transaction that wrote one. */
export const referenceStampColumn = sql<
  string | null
>`(select case when coalesce(current_setting('motcua.reference_written', true), '') = '' then version::text end from reference_stamp where id = 1)`;

export async function readReferenceStamp(db: Queryable): Promise<string | null> {
  const [row] = await queryRows<{ stamp: string | null }>(db, sql`select ${referenceStampColumn} as stamp`);
  return row?.stamp ?? null;
}

const MAX_ENTRIES = 10_000;

export class ReferenceCache {
  private stamp: string | null = null;
  private readonly entries = new Map<string, unknown>();

  /** The value stored under `key` at `stamp`, or undefined. */
  get(key: string, stamp: string): unknown {
    return stamp === this.stamp ? this.entries.get(key) : undefined;
  }

  set(key: string, stamp: string, value: unknown): void {
    if (this.stamp !== stamp) {
      // Stamps only grow: an entry of an older stamp than the one held is not worth keeping.
      if (this.stamp !== null && BigInt(stamp) < BigInt(this.stamp)) return;
      this.entries.clear();
      this.stamp = stamp;
    }
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, deepFreeze(value));
  }
}

/** Shared values are frozen: a caller that mutated one would change every later request's answer. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Whether a statement writes one of `tables` (insert/update/delete/truncate, CTE writes included):
 * how a request notices it changed reference data (kernel/request-memo.ts).
 */
export function referenceWriteDetector(tables: readonly string[]): (statement: string) => boolean {
  if (tables.length === 0) return () => false;
  const names = tables.map((t) => t.replace(/[^a-z0-9_]/g, '')).join('|');
  const pattern = new RegExp(
    `\\b(insert\\s+into|update|delete\\s+from|truncate(\\s+table)?)\\s+"?(${names})"?(\\s|\\(|$)`,
    'i',
  );
  return (statement) => pattern.test(statement);
}
