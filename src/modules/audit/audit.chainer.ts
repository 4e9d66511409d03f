/**
 * The audit chainer: links committed audit rows into the hash chain after commit, in batches, in
 * the order it finds them (insertion id within a batch). Writers only INSERT (appendAudit), so no
 * request waits for another's transaction; the one serialisation left is here, off the request
 * path. Every API process runs one; a transaction-scoped advisory lock taken with try-lock makes
 * one chain at a time (the others find nothing to do or skip the round). A row committed after
 * a batch was read is simply found by the next round, so a crash between commit and chaining
 * loses nothing: the chain catches up by itself.
 */
import { asc, getTableColumns, isNull, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../kernel/db.js';
import type { App, Deps } from '../../kernel/http.js';
import { WorkLoop } from '../../kernel/work-loop.js';
import { auditHash, chainContent, GENESIS_HASH } from './audit.chain.js';
import { auditLog } from './audit.table.js';

/** Any key, the chainer's alone. */
const CHAINER_LOCK_KEY = 7_412_002;
export const CHAIN_BATCH = 500;
/** How often a process looks for unchained rows when nothing poked it. */
export const CHAIN_POLL_MS = 1000;

/**
 * Links one batch of unchained rows; how many it linked. `wait: false` (the background loop) skips
 * the round when another process is chaining; `wait: true` (a verification) queues behind it.
 */
export async function chainBatch(db: Database, { batchSize = CHAIN_BATCH, wait = false } = {}): Promise<number> {
  // Nothing pending is the common case between bursts: one read, no transaction.
  if (!wait && !(await anyUnchained(db))) return 0;
  return db.transaction(async (tx) => {
    if (wait) await tx.execute(sql`select pg_advisory_xact_lock(${CHAINER_LOCK_KEY})`);
    else {
      const [lock] = await queryRows<{ locked: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(${CHAINER_LOCK_KEY}) as locked`,
      );
      if (!lock?.locked) return 0;
    }
    // The batch and the chain's head in one statement (the head repeated on each row).
    const pending = await tx
      .select({ row: getTableColumns(auditLog), head: chainHead })
      .from(auditLog)
      .where(isNull(auditLog.seq))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    if (pending.length === 0) return 0;
    const head = pending[0]!.head;
    let seq = head ? Number(head.seq) : 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const links = pending.map(({ row }) => {
      seq += 1;
      const hash = auditHash(prevHash, chainContent({ ...row, seq }));
      const link = sql`(${row.id}::bigint, ${seq}::bigint, ${prevHash}::text, ${hash}::text)`;
      prevHash = hash;
      return link;
    });
    await tx.execute(sql`update audit_log a set seq = l.seq, prev_hash = l.prev_hash, hash = l.hash
      from (values ${sql.join(links, sql`, `)}) as l(id, seq, prev_hash, hash) where a.id = l.id`);
    return pending.length;
  });
}

/** The last linked row's seq and hash, or null before the first link. */
const chainHead = sql<{
  seq: number | string;
  hash: string;
} | null>`(select json_build_object('seq', h.seq, 'hash', h.hash)
  from ${auditLog} h where h.seq is not null order by h.seq desc limit 1)`;

async function anyUnchained(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: auditLog.id }).from(auditLog).where(isNull(auditLog.seq)).limit(1);
  return row !== undefined;
}

/** Links everything unchained now (batch after batch, waiting for any other chainer); how many rows it linked. */
export async function chainPendingAudit(db: Database, batchSize = CHAIN_BATCH): Promise<number> {
  let linked = 0;
  for (;;) {
    const n = await chainBatch(db, { batchSize, wait: true });
    linked += n;
    if (n < batchSize) return linked;
  }
}

/** The in-process loop: poked after each write request, polling otherwise. */
export class AuditChainer extends WorkLoop {
  constructor(
    private readonly db: Database,
    log: (message: string, error?: unknown) => void,
    pollMs = CHAIN_POLL_MS,
  ) {
    super('audit chainer', log, pollMs);
  }

  protected async step(): Promise<boolean> {
    return (await chainBatch(this.db)) === CHAIN_BATCH;
  }
}

/** How long a poke waits, so a burst of writes is chained in one batch rather than one each. */
export const CHAIN_DELAY_MS = 200;

/**
 * Every process runs a chainer for its life; a write request pokes it when it has answered, so a
 * record is chained within a fraction of a second of its commit. (Registered with the request
 * hooks, before any route, so the poke covers every route.)
 */
export function auditChainerHooks(app: App, { db }: Deps): void {
  const chainer = new AuditChainer(db, (message, error) => app.log.error({ err: error }, message));
  let poke: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => chainer.start());
  app.addHook('onClose', async () => {
    if (poke) clearTimeout(poke);
    await chainer.stop();
  });
  app.addHook('onResponse', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || poke) return;
    poke = setTimeout(() => {
      poke = null;
      chainer.poke();
    }, CHAIN_DELAY_MS);
  });
}
