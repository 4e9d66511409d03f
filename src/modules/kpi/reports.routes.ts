/**
 * Periodic and ad-hoc reports. `POST /api/kpi/reports` records a job (202 with its id) and pokes
 * this process's worker; `GET …/{id}` shows progress and, when done, the figures;
 * `GET …/{id}/file?format=xlsx|pdf` renders them. Requesting needs `kpi.read` on the unit;
 * reading a job, that again (or having requested it).
 */
import { z } from 'zod';
import { AppError } from '../../kernel/errors.js';
import { requireActor } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { authorize } from '../access/policy.js';
import { unitPath } from '../org/units.service.js';
import { periodOf } from './kpi-period.js';
import { getReportJob, type ReportJob, requestReport } from './report-jobs.service.js';
import { renderReportPdf } from './report.pdf.js';
import { type ReportParams, reportTitle, sumRows } from './report.rules.js';
import { ReportWorker } from './report-worker.js';
import { renderReportXlsx } from './report.xlsx.js';
import { ReportFileQuery, ReportJobReply, ReportRequestBody } from './reports.schema.js';

const tags = ['Chỉ số 766 (kpi)'];
const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

function kindOf(period: string | undefined): ReportParams['kind'] {
  if (period === undefined) return 'adhoc';
  if (/-W\d{2}$/.test(period)) return 'week';
  if (/-Q[1-4]$/.test(period)) return 'quarter';
  return /^\d{4}$/.test(period) ? 'year' : 'month';
}

function view(job: ReportJob) {
  const p = job.params;
  return {
    id: job.id,
    status: job.status,
    progress: job.status === 'done' ? 1 : job.stepsTotal ? job.stepsDone / job.stepsTotal : 0,
    stepsDone: job.stepsDone,
    stepsTotal: job.stepsTotal,
    unit: p.unitId,
    from: p.from,
    to: p.to,
    kind: p.kind,
    groupBy: p.groupBy,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    error: job.status === 'failed' ? 'Lập báo cáo không thành công.' : null,
    report:
      job.status === 'done' && job.result
        ? {
            title: reportTitle(p.kind, p.from, p.to),
            unitName: job.result.unitName,
            asOf: job.result.asOf,
            rows: job.result.rows,
            totals: sumRows(job.result.rows),
          }
        : null,
  };
}

/** Each app's worker, for tests that must hold it still while they claim jobs themselves. */
export const reportWorkers = new WeakMap<App, ReportWorker>();

export function kpiReportRoutes(app: App, { db }: Deps): void {
  const worker = new ReportWorker(db, (message, error) => app.log.error({ err: error }, message));
  reportWorkers.set(app, worker);
  app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => worker.stop());

  const readable = async (request: Parameters<typeof requireActor>[0], id: string) => {
    const actor = requireActor(request);
    const job = await getReportJob(db, id);
    if (!job) throw new AppError('KPI_REPORT_NOT_FOUND', { id });
    if (job.requestedBy !== actor.userId)
      authorize(actor, 'kpi.read', { unitPath: await unitPath(db, job.params.unitId) });
    return job;
  };

  app.post(
    '/api/kpi/reports',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary:
          'Request a report (monthly, quarterly, yearly or ad hoc; by unit, procedure, field or channel): runs in the background, 202 with its id',
        body: ReportRequestBody,
        response: {
          202: z.object({ id: z.uuid(), status: z.literal('queued') }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { unit, groupBy } = request.body;
      const period = periodOf(request.body);
      authorize(requireActor(request), 'kpi.read', { unitPath: await unitPath(db, unit) });
      const params: ReportParams = {
        unitId: unit,
        from: period.from,
        to: period.to,
        kind: kindOf(request.body.period),
        groupBy,
      };
      const job = await db.transaction((tx) => requestReport(tx, request.ctx, params));
      worker.poke();
      return reply.status(202).send({ id: job.id, status: 'queued' as const });
    },
  );

  app.get(
    '/api/kpi/reports/:id',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary: "A report job's progress and, once done, its figures",
        params: z.object({ id: z.uuid() }),
        response: { 200: ReportJobReply, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => view(await readable(request, request.params.id)),
  );

  app.get(
    '/api/kpi/reports/:id/file',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary: 'A finished report as XLSX (formulas for the totals) or PDF (administrative layout)',
        params: z.object({ id: z.uuid() }),
        querystring: ReportFileQuery,
        response: errorResponses(400, 401, 403, 404, 409),
      },
    },
    async (request, reply) => {
      const job = await readable(request, request.params.id);
      if (job.status === 'failed') throw new AppError('KPI_REPORT_FAILED', { id: job.id });
      if (job.status !== 'done' || !job.result)
        throw new AppError('KPI_REPORT_NOT_READY', { id: job.id, status: job.status });
      const p = job.params;
      const header = { title: reportTitle(p.kind, p.from, p.to), from: p.from, to: p.to, groupBy: p.groupBy };
      const { format } = request.query;
      const bytes =
        format === 'xlsx'
          ? await renderReportXlsx(header, job.result)
          : await renderReportPdf(header, job.result, job.finishedAt ?? new Date());
      return reply
        .header('content-type', TYPES[format])
        .header('content-disposition', `attachment; filename="bao-cao-${p.kind}-${p.from}-${p.to}.${format}"`)
        .send(bytes as never);
    },
  );
}
