import { and, asc, count, desc, eq, gt, isNotNull } from 'drizzle-orm';
import type { Database, Queryable, Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import { type AuditRow, auditLog } from './audit.table.js';
import { type ChainBreak, type ChainedRow, findChainBreak } from './audit.chain.js';
import { chainPendingAudit } from './audit.chainer.js';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  unitId?: string | null;
  summary: Record<string, unknown>;
}

/**
 * Appends one audit record inside the caller's transaction: one INSERT, no lock. The record joins
 * the hash chain after commit (audit.chainer.ts), so concurrent writers never wait for each other
 * here; a crash between commit and chaining loses nothing (the chainer finds the row later).
 */
export async function appendAudit(tx: Tx, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await auditInsert(tx, ctx, entry);
}

/** The INSERT of appendAudit, not yet sent (recordChange sends it with the change's other writes). */
export function auditInsert(tx: Queryable, ctx: RequestContext, entry: AuditEntry) {
  return tx.insert(auditLog).values({
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
  });
}

/**
 * A staff read of personal data (an applicant's identity in a dossier, a unit's tracking book)
 * leaves an audit row: who looked at whose data and when, as Decree 13/2023 on personal data asks
 * of whoever processes it. A citizen reading their own leaves none. A read changes no state, so it
 * has no outbox event: the record is one INSERT, atomic on its own, so no BEGIN/COMMIT around it
 * (issue 17: one transaction and two statements less per audited read).
 */
export async function auditStaffRead(db: Database, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  if (!ctx.actor || ctx.actor.kind === 'citizen') return;
  await auditInsert(db, ctx, entry);
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBreak: ChainBreak | null;
}

/**
 * Links what is still unchained (so the check covers every committed record), then walks the
 * whole chain in pages, in seq order; stops at the first broken link.
 */
export async function verifyAuditChain(db: Database, pageSize = 5000): Promise<VerifyResult> {
  await chainPendingAudit(db);
  let previous: { seq: number; hash: string } | null = null;
  let checked = 0;
  for (;;) {
    const rows: AuditRow[] = await db
      .select()
      .from(auditLog)
      .where(previous ? gt(auditLog.seq, previous.seq) : isNotNull(auditLog.seq))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    if (rows.length === 0) return { ok: true, checked, firstBreak: null };
    const firstBreak = findChainBreak(rows as ChainedRow[], previous);
    if (firstBreak)
      return { ok: false, checked: checked + rows.findIndex((r) => r.seq === firstBreak.seq), firstBreak };
    checked += rows.length;
    const last = rows[rows.length - 1] as ChainedRow;
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
    .orderBy(desc(auditLog.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(({ prevHash: _p, hash: _h, ...item }) => item), total };
}
