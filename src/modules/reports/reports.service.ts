/**
 * Statutory reports: prepare a draft for a closed period (form 06 figures frozen from the kpi
 * module's counts), sign and submit it (someone other than the preparer), and deliver it to the
 * reporting system. Submitting records an outbox event; the subscriber marks the report due for
 * delivery in the relay's transaction, and the `reports.deliver` task sends it with backoff, each
 * try written to the submission log. The idempotency key is the report's own, the same on every
 * try, so the system receives it once however often it is retried.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Database, type Queryable, queryRows, type Tx } from '../../kernel/db.js';
import { type Actor, type RequestContext, systemContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { vietnamDateOf } from '../calendar/dates.js';
import { scopeOf } from '../kpi/kpi.service.js';
import { countChunk } from '../kpi/report.query.js';
import { retryAt } from '../outbox/backoff.rules.js';
import { getUnit, subtreeIds } from '../org/units.service.js';
import { toBaoCao } from './baocao-protocol.js';
import { type Form06Row, form06Counts, FORM06_COLUMNS } from './form06.rules.js';
import { isClosed, type StatutoryPeriod, statutoryPeriod } from './periods.rules.js';
import { type ReportContent, reportSubmissionLog, statutoryReports } from './reports.tables.js';
import { ReportingError, type ReportingClient } from './reporting-client.js';

export type StatutoryReport = typeof statutoryReports.$inferSelect;

/** Waits between delivery tries: 1 min, 2, 4 … at most 1 h (then each hour until delivered). */
export const DELIVERY_BACKOFF = { baseSeconds: 60, maxSeconds: 3600 };
/** How long a claimed delivery may take before another run may take it again. */
const LEASE_MS = 5 * 60_000;

export function periodOrFail(periodId: string): StatutoryPeriod {
  const period = statutoryPeriod(periodId);
  if (!period) throw new AppError('REPORT_PERIOD_INVALID', { periodId });
  return period;
}

/**
 * Form 06 of a unit's subtree over a period: one row per competent unit that had dossiers, from the
 * kpi module's report counts grouped by channel (one count per unit; the figures are the index's).
 */
export async function computeForm06(
  db: Queryable,
  unitId: string,
  period: StatutoryPeriod,
  now: Date,
): Promise<ReportContent> {
  const unit = await getUnit(db, unitId);
  const parent = unit.parentId ? await getUnit(db, unit.parentId) : null;
  const scope = scopeOf(unitId, period, now);
  const rows: Form06Row[] = [];
  for (const id of (await subtreeIds(db, [unitId])).sort()) {
    const byChannel = await countChunk(db, scope, 'channel', { competentUnitIds: [id] });
    if (byChannel.length === 0) continue;
    const counts = form06Counts(byChannel);
    if (FORM06_COLUMNS.every((c) => counts[c] === 0)) continue;
    rows.push({ unitId: id, unitName: id === unitId ? unit.name : (await getUnit(db, id)).name, counts });
  }
  rows.sort((a, b) =>
    a.unitId === unitId ? -1 : b.unitId === unitId ? 1 : a.unitName.localeCompare(b.unitName, 'vi'),
  );
  return {
    unitName: unit.name,
    unitCode: unit.officialCode,
    parentName: parent?.name ?? null,
    asOf: scope.asOf.toISOString(),
    rows,
  };
}

export async function findReport(db: Queryable, id: string): Promise<StatutoryReport> {
  const [row] = await db.select().from(statutoryReports).where(eq(statutoryReports.id, id));
  if (!row) throw new AppError('REPORT_NOT_FOUND', { id });
  return row;
}

export async function reportsOfUnit(db: Queryable, unitId: string, year?: number): Promise<StatutoryReport[]> {
  return db
    .select()
    .from(statutoryReports)
    .where(
      and(
        eq(statutoryReports.unitId, unitId),
        year === undefined ? undefined : sql`${statutoryReports.periodId} like ${`${year}-%`}`,
      ),
    )
    .orderBy(asc(statutoryReports.periodTo), asc(statutoryReports.periodId));
}

export async function submissionLog(db: Queryable, reportId: string) {
  return db
    .select()
    .from(reportSubmissionLog)
    .where(eq(reportSubmissionLog.reportId, reportId))
    .orderBy(asc(reportSubmissionLog.id));
}

/** A draft for a closed period; one report per unit, period and form. */
export async function prepareReport(
  tx: Tx,
  ctx: RequestContext & { actor: Actor },
  input: { unitId: string; periodId: string },
  now: Date,
): Promise<StatutoryReport> {
  const period = periodOrFail(input.periodId);
  if (!isClosed(period, vietnamDateOf(now)))
    throw new AppError('REPORT_PERIOD_OPEN', { periodId: period.id, closesAfter: period.to });
  const [existing] = await tx
    .select({ id: statutoryReports.id })
    .from(statutoryReports)
    .where(and(eq(statutoryReports.unitId, input.unitId), eq(statutoryReports.periodId, period.id)));
  if (existing) throw new AppError('REPORT_EXISTS', { id: existing.id });
  const content = await computeForm06(tx, input.unitId, period, now);
  const [row] = await tx
    .insert(statutoryReports)
    .values({
      unitId: input.unitId,
      periodId: period.id,
      periodFrom: period.from,
      periodTo: period.to,
      content,
      preparedBy: ctx.actor.userId,
      preparerName: ctx.actor.fullName,
      preparedAt: now,
    })
    .returning();
  await recordChange(tx, ctx, {
    action: 'statutory_report.prepare',
    targetType: 'statutory_report',
    targetId: row!.id,
    unitId: input.unitId,
    after: { periodId: period.id, form: '06', rows: content.rows.length },
    event: { reportId: row!.id, unitId: input.unitId, periodId: period.id },
  });
  return row!;
}

/** The signer signs and submits a draft: not its preparer (four eyes). Delivery follows through the outbox. */
export async function signAndSubmit(
  tx: Tx,
  ctx: RequestContext & { actor: Actor },
  id: string,
  now: Date,
): Promise<StatutoryReport> {
  const [report] = await tx.select().from(statutoryReports).where(eq(statutoryReports.id, id)).for('update');
  if (!report) throw new AppError('REPORT_NOT_FOUND', { id });
  if (report.status !== 'draft') throw new AppError('REPORT_NOT_DRAFT', { id, status: report.status });
  // Separation of duties: the one who drew the report up does not sign it (Decree 09/2019/NĐ-CP
  // Art. 5: a report is signed by the head of the reporting body or the person authorised).
  if (report.preparedBy === ctx.actor.userId) throw new AppError('REPORT_SELF_SIGN', { id });
  const [row] = await tx
    .update(statutoryReports)
    .set({
      status: 'submitted',
      signedBy: ctx.actor.userId,
      signerName: ctx.actor.fullName,
      signedAt: now,
      version: sql`${statutoryReports.version} + 1`,
    })
    .where(eq(statutoryReports.id, id))
    .returning();
  await recordChange(tx, ctx, {
    action: 'statutory_report.submit',
    targetType: 'statutory_report',
    targetId: id,
    unitId: report.unitId,
    before: { status: 'draft' },
    after: { status: 'submitted' },
    event: { reportId: id, unitId: report.unitId, periodId: report.periodId },
  });
  return row!;
}

/** In the relay's transaction: the submitted report becomes due for delivery (once). */
export async function markForDelivery(tx: Tx, reportId: string, now: Date): Promise<void> {
  await tx
    .update(statutoryReports)
    .set({ deliveryStatus: 'pending', nextAttemptAt: now })
    .where(
      and(
        eq(statutoryReports.id, reportId),
        eq(statutoryReports.status, 'submitted'),
        sql`${statutoryReports.deliveryStatus} is null`,
      ),
    );
}

/** Takes the due reports and leases them (a concurrent run skips them). */
async function claimDue(db: Database, now: Date): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update statutory_reports set next_attempt_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz
      where id in (select id from statutory_reports
        where delivery_status in ('pending', 'failed') and next_attempt_at <= ${now.toISOString()}::timestamptz
        order by next_attempt_at limit 20 for update skip locked)
      returning id`,
  );
  return rows.map((r) => r.id);
}

export type DeliveryCounts = { delivered: number; failed: number };

/** One run of delivery: every due report is sent; the outcome of each try is logged. */
export async function deliverDue(db: Database, client: ReportingClient, now: Date): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { delivered: 0, failed: 0 };
  for (;;) {
    const ids = await claimDue(db, now);
    for (const id of ids) counts[(await deliverOne(db, client, id, now)) ? 'delivered' : 'failed'] += 1;
    if (ids.length < 20) return counts;
  }
}

async function deliverOne(db: Database, client: ReportingClient, id: string, now: Date): Promise<boolean> {
  const report = await findReport(db, id);
  const attempt = report.attempts + 1;
  const label = statutoryPeriod(report.periodId)?.label ?? report.periodId;
  const message = toBaoCao(report, label, { name: report.signerName ?? '', at: report.signedAt ?? now });
  let receipt: string | null = null;
  let httpStatus: number | null = null;
  let failure: ReportingError | null = null;
  try {
    ({ receipt, httpStatus } = await client.submit(message, report.idempotencyKey));
  } catch (error) {
    failure = error instanceof ReportingError ? error : new ReportingError('CLIENT', (error as Error).message);
    httpStatus = failure.httpStatus;
  }
  const error = failure ? `${failure.code}: ${failure.message}`.slice(0, 1000) : null;
  await db.transaction(async (tx) => {
    await tx.insert(reportSubmissionLog).values({
      reportId: id,
      attempt,
      at: now,
      outcome: receipt ? 'delivered' : 'failed',
      httpStatus,
      receipt,
      error,
    });
    if (receipt) {
      await tx
        .update(statutoryReports)
        .set({
          status: 'delivered',
          deliveryStatus: 'delivered',
          attempts: attempt,
          nextAttemptAt: null,
          deliveredAt: now,
          receipt,
          lastError: null,
          version: sql`${statutoryReports.version} + 1`,
        })
        .where(eq(statutoryReports.id, id));
      await recordChange(tx, systemContext(), {
        action: 'statutory_report.deliver',
        targetType: 'statutory_report',
        targetId: id,
        unitId: report.unitId,
        before: { status: 'submitted' },
        after: { status: 'delivered', receipt },
      });
    } else {
      await tx
        .update(statutoryReports)
        .set({
          deliveryStatus: 'failed',
          attempts: attempt,
          nextAttemptAt: retryAt(now, attempt, DELIVERY_BACKOFF),
          lastError: error,
        })
        .where(eq(statutoryReports.id, id));
    }
  });
  return receipt !== null;
}
