import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import { type AuditRow, auditLog } from './audit.table.js';
import { type ChainBreak, GENESIS_HASH, auditHash, findChainBreak } from './audit.chain.js';

/** Any key: one lock serialises appends so seq stays gapless and the chain linear. */
const AUDIT_LOCK_KEY = 7_412_002;

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  unitId?: string | null;
  summary: Record<string, unknown>;
}

/**
 * Appends one audit record inside the caller's transaction. The advisory lock is held until
 * that transaction ends, so concurrent writers queue here (the price of a single linear chain;
 * see docs/ARCHITECTURE.md).
 */
export async function appendAudit(tx: Tx, ctx: RequestContext, entry: AuditEntry): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const content = {
    seq: (last?.seq ?? 0) + 1,
    occurredAt: new Date(),
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.username ?? null,
    unitId: entry.unitId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    summary: entry.summary,
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...content, prevHash, hash: auditHash(prevHash, content) });
  return content.seq;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBreak: ChainBreak | null;
}

/** Walks the whole chain in pages, in seq order; stops at the first broken link. */
export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<VerifyResult> {
  let previous: { seq: number; hash: string } | null = null;
  let checked = 0;
  for (;;) {
    const rows: AuditRow[] = await db
      .select()
      .from(auditLog)
      .where(previous ? gt(auditLog.seq, previous.seq) : undefined)
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    if (rows.length === 0) return { ok: true, checked, firstBreak: null };
    const firstBreak = findChainBreak(rows, previous);
    if (firstBreak)
      return { ok: false, checked: checked + rows.findIndex((r) => r.seq === firstBreak.seq), firstBreak };
    checked += rows.length;
    const last: AuditRow = rows[rows.length - 1]!;
    previous = { seq: last.seq, hash: last.hash };
  }
}

export interface AuditQuery {
  page: number;
  pageSize: number;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  actorId?: string | undefined;
}

/** A page of audit records, newest first (without the hashes, which only the verifier needs). */
export async function listAudit(db: Queryable, query: AuditQuery) {
  const where = and(
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.targetType ? eq(auditLog.targetType, query.targetType) : undefined,
    query.targetId ? eq(auditLog.targetId, query.targetId) : undefined,
    query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
  );
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog).where(where);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(({ prevHash: _p, hash: _h, ...item }) => item), total };
}
