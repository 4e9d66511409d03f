/**
 * Queue changes across API processes on PostgreSQL. A counter action or check-in also runs
 * `pg_notify('motcua_queue', '<schema>:<unitId>')` inside its transaction, so the notification
 * leaves only if the change commits; every process LISTENs on one connection of its own and hands
 * what it hears to its in-process bus, where the display streams of that unit pick it up.
 *
 * The process that made the change also publishes locally after commit (that is all PGlite,
 * a single process, needs), so it refreshes its streams twice; the second read finds the same
 * board and sends nothing (queue-public.routes.ts compares before writing).
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Tx } from '../../kernel/db.js';
import { publishQueueChange } from './queue-bus.js';

export const QUEUE_CHANNEL = 'motcua_queue';

/** Within the change's transaction: delivered to every listener at commit, dropped on rollback. */
export async function notifyQueueChange(tx: Tx, unitId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${QUEUE_CHANNEL}, current_schema() || ':' || ${unitId})`);
}

export interface QueueListener {
  close(): Promise<void>;
}

/** Pauses before reopening a lost LISTEN connection: doubling from 1 s, at most 30 s, for as long as it takes. */
export const LISTEN_RETRY = { firstMs: 1_000, maxMs: 30_000 } as const;

export function listenRetryDelay(failures: number): number {
  return Math.min(LISTEN_RETRY.maxMs, LISTEN_RETRY.firstMs * 2 ** Math.max(0, failures - 1));
}

/**
 * LISTENs on a dedicated connection and republishes the unit ids of `schemaName` on the local bus.
 * A dropped connection is reopened, and a failed reopening tried again, with a growing pause and
 * no limit: a database restarted or failed over for minutes is heard again once it is back
 * (displays meanwhile show their last board and catch up with the next change; EventSource
 * clients reconnect by themselves). The first connection must succeed (the process is starting).
 */
export async function listenForQueueChanges(
  url: string,
  schemaName: string,
  log: (error: unknown) => void = () => {},
): Promise<QueueListener> {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let failures = 0;
  const reconnectLater = () => {
    if (closed || retry) return;
    failures += 1;
    retry = setTimeout(() => {
      retry = null;
      connect().then(
        () => {
          failures = 0;
        },
        (error: unknown) => {
          log(error);
          reconnectLater();
        },
      );
    }, listenRetryDelay(failures));
  };
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (message) => {
      const [schema, unitId] = (message.payload ?? '').split(':');
      if (schema === schemaName && unitId) publishQueueChange(unitId);
    });
    const lost = () => {
      if (closed || client !== c) return;
      client = null;
      void c.end().catch(() => {});
      reconnectLater();
    };
    c.on('error', (error) => {
      log(error);
      lost();
    });
    // A socket closed without an error (a server killed outright) ends the client all the same.
    c.on('end', lost);
    try {
      await c.connect();
      await c.query(`LISTEN ${QUEUE_CHANNEL}`);
    } catch (error) {
      void c.end().catch(() => {});
      throw error;
    }
    if (closed) {
      await c.end();
      return;
    }
    client = c;
  };
  await connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end();
    },
  };
}
