/**
 * The one way a state change is recorded: an audit record and (optionally) an outbox event,
 * both inside the transaction that makes the change.
 */
import type { SQLWrapper } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { inOneStatement } from '../../kernel/one-statement.js';
import type { RequestContext } from '../../kernel/context.js';
import { maskPersonalFields } from '../../kernel/personal-data.js';
import { eventInsert } from '../outbox/outbox.service.js';
import { auditInsert } from './audit.service.js';

export interface Change {
  /** e.g. `unit.create`; also the outbox topic unless `topic` is given. */
  action: string;
  targetType: string;
  targetId: string;
  unitId?: string | null;
  /** Field values before and after (only the fields that changed). Personal data is masked. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  note?: string;
  /** Publish an outbox event with this payload (skip for purely internal changes). */
  event?: Record<string, unknown>;
}

/**
 * Writes the audit record and the outbox event — and `alongWith`, the caller's own inserts that
 * need nothing back (a dossier's event row) — in one statement (kernel/one-statement.ts). `tx` is
 * the change's transaction, or the database itself when that one statement is the whole change
 * (a statement is atomic: all of it or none, with no BEGIN/COMMIT round trips).
 */
export async function recordChange(
  tx: Queryable,
  ctx: RequestContext,
  change: Change,
  alongWith: readonly SQLWrapper[] = [],
): Promise<void> {
  const summary: Record<string, unknown> = {};
  if (change.before) summary.before = maskPersonalFields(change.before);
  if (change.after) summary.after = maskPersonalFields(change.after);
  if (change.note) summary.note = change.note;
  const audit = auditInsert(tx, ctx, {
    action: change.action,
    targetType: change.targetType,
    targetId: change.targetId,
    unitId: change.unitId ?? null,
    summary,
  });
  const event = change.event
    ? eventInsert(tx, ctx, {
        topic: change.action,
        aggregateType: change.targetType,
        aggregateId: change.targetId,
        payload: change.event,
      })
    : null;
  await tx.execute(inOneStatement([...alongWith, audit, ...(event ? [event] : [])]));
}

/** The fields of `after` whose values differ from `before`, as {before, after} pairs. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] !== undefined && JSON.stringify(after[key]) !== JSON.stringify(before[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
