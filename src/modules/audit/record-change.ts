/**
 * The one way a state change is recorded: an audit record and (optionally) an outbox event,
 * both inside the transaction that makes the change.
 */
import type { Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import { maskPersonalFields } from '../../kernel/personal-data.js';
import { recordEvent } from '../outbox/outbox.service.js';
import { appendAudit } from './audit.service.js';

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

export async function recordChange(tx: Tx, ctx: RequestContext, change: Change): Promise<void> {
  const summary: Record<string, unknown> = {};
  if (change.before) summary.before = maskPersonalFields(change.before);
  if (change.after) summary.after = maskPersonalFields(change.after);
  if (change.note) summary.note = change.note;
  await appendAudit(tx, ctx, {
    action: change.action,
    targetType: change.targetType,
    targetId: change.targetId,
    unitId: change.unitId ?? null,
    summary,
  });
  if (change.event) {
    await recordEvent(tx, ctx, {
      topic: change.action,
      aggregateType: change.targetType,
      aggregateId: change.targetId,
      payload: change.event,
    });
  }
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
