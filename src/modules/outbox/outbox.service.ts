import type { Queryable, Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import { outboxEvents } from './outbox.table.js';

export interface DomainEvent {
  /** e.g. `unit.created`, `dossier.received`. */
  topic: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** Records an event in the caller's transaction; it is delivered only if that commits. */
export async function recordEvent(tx: Tx, ctx: RequestContext, event: DomainEvent): Promise<void> {
  await eventInsert(tx, ctx, event);
}

/** The INSERT of recordEvent, not yet sent (recordChange sends it with the change's other writes). */
export function eventInsert(tx: Queryable, ctx: RequestContext, event: DomainEvent) {
  return tx.insert(outboxEvents).values({ ...event, requestId: ctx.requestId });
}
