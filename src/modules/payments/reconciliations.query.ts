/** Past đối soát runs for staff: the list (by statement day, newest first) and one run's discrepancies. */
import { and, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { reportedDossiers as dossiers } from '../dossiers/dossiers.reporting.js';
import { reportedUsers as users } from '../identity/identity.reporting.js';
import type { Mismatch } from './payments.rules.js';
import { paymentReconciliations, payments } from './payments.tables.js';

const runColumns = {
  id: paymentReconciliations.id,
  provider: paymentReconciliations.provider,
  day: paymentReconciliations.day,
  statementCount: paymentReconciliations.statementCount,
  matched: paymentReconciliations.matched,
  mismatched: paymentReconciliations.mismatched,
  missingHere: paymentReconciliations.missingHere,
  missingThere: paymentReconciliations.missingThere,
  oursPaidVnd: paymentReconciliations.oursPaidVnd,
  statementPaidVnd: paymentReconciliations.statementPaidVnd,
  runAt: paymentReconciliations.runAt,
  runById: users.id,
  runByName: users.fullName,
};

type RunRow = { runById: string | null; runByName: string | null } & Record<string, unknown>;

const shape = <T extends RunRow>({ runById, runByName, ...run }: T) => ({
  ...run,
  runBy: runById ? { id: runById, fullName: runByName! } : null,
});

export async function listReconciliations(
  db: Queryable,
  query: { from?: string | undefined; to?: string | undefined; page: number; pageSize: number },
) {
  const filters: SQL[] = [];
  if (query.from) filters.push(gte(paymentReconciliations.day, query.from));
  if (query.to) filters.push(lte(paymentReconciliations.day, query.to));
  const where = and(...filters);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(paymentReconciliations).where(where);
  const rows = await db
    .select(runColumns)
    .from(paymentReconciliations)
    .leftJoin(users, eq(users.id, paymentReconciliations.runBy))
    .where(where)
    .orderBy(desc(paymentReconciliations.day), desc(paymentReconciliations.runAt), desc(paymentReconciliations.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(shape), total };
}

/** One row per mismatch, whatever its kind: what it does not compare is null. */
function lineOf(m: Mismatch) {
  const none = { transactionId: null, oursVnd: null, theirsVnd: null, oursStatus: null, theirsStatus: null };
  switch (m.kind) {
    case 'amount':
      return { ...none, kind: m.kind, orderId: m.orderId, oursVnd: m.ours, theirsVnd: m.theirs };
    case 'status':
      return { ...none, kind: m.kind, orderId: m.orderId, oursStatus: m.ours, theirsStatus: m.theirs };
    case 'missingHere':
      return { ...none, kind: m.kind, orderId: m.orderId, transactionId: m.transactionId, theirsVnd: m.amountVnd };
    case 'missingThere':
      return { ...none, kind: m.kind, orderId: m.orderId, oursVnd: m.amountVnd };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A run with its discrepancies, each with the dossier and transaction of our payment when there is one. */
export async function reconciliationById(db: Queryable, id: string) {
  const [found] = await db
    .select({ ...runColumns, mismatches: paymentReconciliations.mismatches })
    .from(paymentReconciliations)
    .leftJoin(users, eq(users.id, paymentReconciliations.runBy))
    .where(eq(paymentReconciliations.id, id));
  if (!found) throw new AppError('PAYMENT_RECONCILIATION_NOT_FOUND', { id });
  const { mismatches, ...row } = found;
  // A missing-here order id is the platform's word: it need not be one of our ids at all.
  const ids = [...new Set(mismatches.map((m) => m.orderId).filter((o) => UUID.test(o)))];
  const ours = ids.length
    ? await db
        .select({ id: payments.id, code: dossiers.code, transactionId: payments.providerTransactionId })
        .from(payments)
        .innerJoin(dossiers, eq(dossiers.id, payments.dossierId))
        .where(inArray(payments.id, ids))
    : [];
  const byId = new Map(ours.map((p) => [p.id, p]));
  const lines = mismatches.map((m) => {
    const line = lineOf(m);
    const mine = byId.get(m.orderId);
    return {
      ...line,
      dossierCode: mine?.code ?? null,
      transactionId: line.transactionId ?? mine?.transactionId ?? null,
    };
  });
  return { ...shape(row), lines };
}
