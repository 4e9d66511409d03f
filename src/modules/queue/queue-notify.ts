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

/**
 * LISTENs on a dedicated connection and republishes the unit ids of `schemaName` on the local bus.
 * A dropped connection is reopened after a pause (displays meanwhile show their last board and
 * catch up with the next change; EventSource clients reconnect by themselves).
 */
export async function listenForQueueChanges(
  url: string,
  schemaName: string,
  log: (error: unknown) => void = () => {},
): Promise<QueueListener> {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (message) => {
      const [schema, unitId] = (message.payload ?? '').split(':');
      if (schema === schemaName && unitId) publishQueueChange(unitId);
    });
    c.on('error', (error) => {
      log(error);
      if (closed || client !== c) return;
      client = null;
      void c.end().catch(() => {});
      retry = setTimeout(() => void connect().catch(log), 2_000);
    });
    await c.connect();
    await c.query(`LISTEN ${QUEUE_CHANNEL}`);
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
