/**
 * Report jobs: requested in a transaction (with its audit record), claimed by a worker with
 * `FOR UPDATE SKIP LOCKED` (several API processes poll the same table; each job goes to one of
 * them), worked chunk by chunk — each chunk's rows and the progress are saved in one statement
 * that also renews the lease — and finished or failed. A job whose lease ran out (the process
 * died mid-way) is claimed again and resumes after its last saved chunk: chunks are planned in a
 * stable order and a saved chunk is never counted twice.
 */
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Queryable, type Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import { getUnit, subtreeIds } from '../org/units.service.js';
import { kpiReportJobs } from './insights.tables.js';
import { scopeOf } from './kpi.service.js';
import { rangePeriod } from './periods.rules.js';
import { chunksOf, countChunk } from './report.query.js';
import { mergeRows, type ReportParams, type ReportResult } from './report.rules.js';
import { recordChange } from '../audit/record-change.js';

/** How long a claim holds a job without news from its worker. */
export const LEASE_SECONDS = 120;

export type ReportJob = typeof kpiReportJobs.$inferSelect;

export async function requestReport(tx: Tx, ctx: RequestContext, params: ReportParams): Promise<ReportJob> {
  const [job] = await tx
    .insert(kpiReportJobs)
    .values({ params, requestedBy: ctx.actor?.userId ?? null })
    .returning();
  await recordChange(tx, ctx, {
    action: 'kpi.report.request',
    targetType: 'kpi_report_job',
    targetId: job!.id,
    unitId: params.unitId,
    after: params,
    event: { jobId: job!.id, ...params },
  });
  return job!;
}

/** The oldest queued job, or a running one whose lease expired; null when there is none. */
export async function claimReportJob(db: Queryable): Promise<ReportJob | null> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`
    update kpi_report_jobs set status = 'running', started_at = coalesce(started_at, now()), attempts = attempts + 1,
           locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
    where id = (select id from kpi_report_jobs
                where status = 'queued' or (status = 'running' and locked_until < now())
                order by created_at limit 1 for update skip locked)
    returning id`,
  );
  if (!row) return null;
  const [job] = await db.select().from(kpiReportJobs).where(eq(kpiReportJobs.id, row.id));
  return job ?? null;
}

/** Works a claimed job to the end; `onChunk` runs after each saved chunk (tests pace it). */
export async function runReportJob(
  db: Queryable,
  job: ReportJob,
  now: () => Date,
  onChunk: () => Promise<void> = async () => {},
): Promise<void> {
  try {
    const p = job.params;
    const period = rangePeriod(p.from, p.to);
    const unit = await getUnit(db, p.unitId);
    const parent = unit.parentId ? await getUnit(db, unit.parentId) : null;
    const chunks = chunksOf(await subtreeIds(db, [p.unitId]));
    // "Within time" is judged once for the whole report, when it first ran: a resumed job agrees.
    let result: ReportResult = job.result ?? {
      unitName: unit.name,
      parentName: parent?.name ?? null,
      asOf: scopeOf(p.unitId, period, now()).asOf.toISOString(),
      rows: [],
    };
    const scope = { ...scopeOf(p.unitId, period, now()), asOf: new Date(result.asOf) };
    for (let i = job.stepsDone; i < chunks.length; i++) {
      result = { ...result, rows: mergeRows(result.rows, await countChunk(db, scope, p.groupBy, chunks[i]!)) };
      await db
        .update(kpiReportJobs)
        .set({
          result,
          stepsDone: i + 1,
          stepsTotal: chunks.length,
          lockedUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
        })
        .where(eq(kpiReportJobs.id, job.id));
      await onChunk();
    }
    await db
      .update(kpiReportJobs)
      .set({ status: 'done', finishedAt: sql`now()`, lockedUntil: null, stepsTotal: chunks.length })
      .where(eq(kpiReportJobs.id, job.id));
  } catch (error) {
    // The message names the fault, never a dossier's personal data (the queries return counts).
    const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
    await db
      .update(kpiReportJobs)
      .set({ status: 'failed', error: message, finishedAt: sql`now()`, lockedUntil: null })
      .where(eq(kpiReportJobs.id, job.id));
  }
}

export async function getReportJob(db: Queryable, id: string): Promise<ReportJob | null> {
  const [job] = await db.select().from(kpiReportJobs).where(eq(kpiReportJobs.id, id));
  return job ?? null;
}
