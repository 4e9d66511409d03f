/**
 * /api/reports: the statutory reports (báo cáo định kỳ, form 06 of Circular 01/2020/TT-VPCP) of a
 * unit — the periods and their reports, preparing a draft, signing and submitting it (another
 * person than the preparer), the PDF/XLSX, and the submission log of its delivery to the
 * Government's reporting information system (Decree 09/2019/NĐ-CP).
 */
import type { z } from 'zod';
import { type App, type Deps, requireActor } from '../../kernel/http.js';
import { errorResponses, IdParams } from '../../kernel/schemas.js';
import { authorize } from '../access/policy.js';
import { vietnamDateOf } from '../calendar/dates.js';
import { unitPath } from '../org/units.service.js';
import { renderForm06Pdf, renderForm06Xlsx } from './form06.render.js';
import { sumForm06 } from './form06.rules.js';
import { isClosed, periodsOfYear, statutoryPeriod } from './periods.rules.js';
import {
  FileQuery,
  PeriodList,
  PrepareBody,
  Report,
  ReportList,
  type ReportSummary,
  UnitYearQuery,
} from './reports.schema.js';
import {
  findReport,
  prepareReport,
  reportsOfUnit,
  type StatutoryReport,
  signAndSubmit,
  submissionLog,
} from './reports.service.js';

const tags = ['Báo cáo định kỳ (statutory reports)'];
const TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const iso = (d: Date | null) => d?.toISOString() ?? null;

function summary(r: StatutoryReport): z.infer<typeof ReportSummary> {
  return {
    id: r.id,
    unitId: r.unitId,
    periodId: r.periodId,
    periodLabel: statutoryPeriod(r.periodId)?.label ?? r.periodId,
    form: r.form,
    from: r.periodFrom,
    to: r.periodTo,
    status: r.status,
    deliveryStatus: r.deliveryStatus ?? null,
    preparerName: r.preparerName,
    preparedAt: r.preparedAt.toISOString(),
    signerName: r.signerName ?? null,
    signedAt: iso(r.signedAt),
    deliveredAt: iso(r.deliveredAt),
    receipt: r.receipt ?? null,
    attempts: r.attempts,
    lastError: r.lastError ?? null,
  };
}

export function reportRoutes(app: App, { db, clock }: Deps): void {
  const full = async (r: StatutoryReport): Promise<z.infer<typeof Report>> => ({
    ...summary(r),
    unitName: r.content.unitName,
    unitCode: r.content.unitCode,
    asOf: r.content.asOf,
    rows: r.content.rows,
    totals: sumForm06(r.content.rows),
    submissionLog: (await submissionLog(db, r.id)).map((l) => ({
      attempt: l.attempt,
      at: l.at.toISOString(),
      outcome: l.outcome,
      httpStatus: l.httpStatus ?? null,
      receipt: l.receipt ?? null,
      error: l.error ?? null,
    })),
  });

  app.get(
    '/api/reports/periods',
    {
      config: { access: { action: 'report.read', scope: 'unit' } },
      schema: {
        tags,
        summary:
          "A year's reporting periods (quarters, six months, year) with their cut-off, deadline and the unit's report",
        querystring: UnitYearQuery,
        response: { 200: PeriodList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { unitId } = request.query;
      authorize(requireActor(request), 'report.read', { unitPath: await unitPath(db, unitId) });
      const today = vietnamDateOf(clock.now());
      const year = request.query.year ?? Number(today.slice(0, 4));
      const reports = new Map((await reportsOfUnit(db, unitId, year)).map((r) => [r.periodId, r]));
      return {
        periods: periodsOfYear(year).map((p) => {
          const r = reports.get(p.id);
          return {
            id: p.id,
            kind: p.kind,
            label: p.label,
            from: p.from,
            to: p.to,
            submitBy: p.submitBy,
            unitsSubmitBy: p.unitsSubmitBy,
            closed: isClosed(p, today),
            report: r ? { id: r.id, status: r.status } : null,
          };
        }),
      };
    },
  );

  app.get(
    '/api/reports',
    {
      config: { access: { action: 'report.read', scope: 'unit' } },
      schema: {
        tags,
        summary: "A unit's statutory reports (optionally of one year)",
        querystring: UnitYearQuery,
        response: { 200: ReportList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { unitId, year } = request.query;
      authorize(requireActor(request), 'report.read', { unitPath: await unitPath(db, unitId) });
      return { items: (await reportsOfUnit(db, unitId, year)).map(summary) };
    },
  );

  app.post(
    '/api/reports',
    {
      config: { access: { action: 'report.prepare', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Prepares the draft of form 06 for a closed period: the figures are computed and frozen',
        body: PrepareBody,
        response: { 201: Report, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'report.prepare', { unitPath: await unitPath(db, request.body.unitId) });
      const row = await db.transaction((tx) => prepareReport(tx, { ...request.ctx, actor }, request.body, clock.now()));
      return reply.code(201).send(await full(row));
    },
  );

  const readable = async (
    request: Parameters<typeof requireActor>[0],
    id: string,
    action: 'report.read' | 'report.sign',
  ) => {
    const actor = requireActor(request);
    const report = await findReport(db, id);
    authorize(actor, action, { unitPath: await unitPath(db, report.unitId) });
    return { actor, report };
  };

  app.get(
    '/api/reports/:id',
    {
      config: { access: { action: 'report.read', scope: 'unit' } },
      schema: {
        tags,
        summary: 'A report with its figures and the submission log',
        params: IdParams,
        response: { 200: Report, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => full((await readable(request, request.params.id, 'report.read')).report),
  );

  app.post(
    '/api/reports/:id/submit',
    {
      config: { access: { action: 'report.sign', scope: 'unit' } },
      schema: {
        tags,
        summary:
          'Signs and submits a draft (not by its preparer); delivery to the reporting system follows, with retries',
        params: IdParams,
        response: { 200: Report, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { actor } = await readable(request, request.params.id, 'report.sign');
      const row = await db.transaction((tx) =>
        signAndSubmit(tx, { ...request.ctx, actor }, request.params.id, clock.now()),
      );
      return full(row);
    },
  );

  app.get(
    '/api/reports/:id/file',
    {
      config: { access: { action: 'report.read', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Form 06 as PDF (Decree 30/2020 layout) or XLSX (formulas for the totals)',
        params: IdParams,
        querystring: FileQuery,
        response: errorResponses(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const { report } = await readable(request, request.params.id, 'report.read');
      const header = {
        periodLabel: statutoryPeriod(report.periodId)?.label ?? report.periodId,
        from: report.periodFrom,
        to: report.periodTo,
        preparedByName: report.preparerName,
        signerName: report.signerName,
        signedAt: report.signedAt,
      };
      const { format } = request.query;
      const bytes =
        format === 'xlsx'
          ? await renderForm06Xlsx(header, report.content)
          : await renderForm06Pdf(header, report.content, report.preparedAt);
      return reply
        .header('content-type', TYPES[format])
        .header('content-disposition', `attachment; filename="bao-cao-mau-06-${report.periodId}.${format}"`)
        .send(bytes as never);
    },
  );
}
