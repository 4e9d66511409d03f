/**
 * The outbox relay: delivers committed outbox_events to the subscribers that want them. A batch
 * of pending events is claimed with FOR UPDATE SKIP LOCKED (concurrent relays take different
 * events); each event is handed to its subscribers inside a savepoint of the claiming
 * transaction, so a subscriber's writes commit together with the event's publication — an event
 * is delivered exactly once, or not at all and tried again. A failing event is kept with its
 * error and retried after an exponential backoff; it does not hold up the others.
 */
import { sql } from 'drizzle-orm';
import { type Database, queryRows, type Tx } from '../../kernel/db.js';
import { type Backoff, retryAt } from './backoff.rules.js';
import type { OutboxEvent, OutboxSubscriber } from '../../kernel/module.js';

export const RELAY_BATCH = 200;
const RELAY_BACKOFF: Backoff = { baseSeconds: 30, maxSeconds: 3600 };

type Claimed = {
  id: number;
  topic: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  occurred_at: string | Date;
  attempts: number;
};

/** Delivers every event due at `now`, batch after batch; returns how many were published and how many failed. */
export async function relayOutbox(
  db: Database,
  subscribers: readonly OutboxSubscriber[],
  now: Date,
  batchSize = RELAY_BATCH,
) {
  const counts = { published: 0, failed: 0 };
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const events = await queryRows<Claimed>(
        tx,
        sql`select id, topic, aggregate_type, aggregate_id, payload, occurred_at, attempts from outbox_events
          where published_at is null and (next_attempt_at is null or next_attempt_at <= ${now.toISOString()}::timestamptz)
          order by id limit ${batchSize} for update skip locked`,
      );
      for (const row of events) {
        const event: OutboxEvent = {
          id: Number(row.id),
          topic: row.topic,
          aggregateType: row.aggregate_type,
          aggregateId: row.aggregate_id,
          payload: row.payload,
          occurredAt: new Date(row.occurred_at),
        };
        const error = await deliver(tx, subscribers, event, now);
        if (error === null) {
          await tx.execute(
            sql`update outbox_events set published_at = ${now.toISOString()}::timestamptz, attempts = attempts + 1, next_attempt_at = null, last_error = null where id = ${event.id}`,
          );
          counts.published += 1;
        } else {
          const failures = Number(row.attempts) + 1;
          await tx.execute(sql`update outbox_events set attempts = ${failures}, next_attempt_at = ${retryAt(now, failures, RELAY_BACKOFF).toISOString()}::timestamptz,
            last_error = ${error.slice(0, 1000)} where id = ${event.id}`);
          counts.failed += 1;
        }
      }
      return events.length;
    });
    if (n < batchSize) return counts;
  }
}

/** Hands the event to each subscriber that wants it, in a savepoint; the failure's message, or null. */
async function deliver(
  tx: Tx,
  subscribers: readonly OutboxSubscriber[],
  event: OutboxEvent,
  now: Date,
): Promise<string | null> {
  const wanted = subscribers.filter((s) => s.accepts(event));
  if (wanted.length === 0) return null;
  try {
    await tx.transaction(async (sp) => {
      for (const subscriber of wanted) await subscriber.handle(sp, event, now);
    });
    return null;
  } catch (error) {
    return `${wanted.map((s) => s.name).join(', ')}: ${(error as Error).message}`;
  }
}
