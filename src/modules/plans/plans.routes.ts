/**
 * /api/plans: import preview, saving a reviewed plan, the list and a plan's tree, a task's
 * history and progress reports, and the progress report file.
 */
import type { Actor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { type App, type Deps, requireActor } from '../../kernel/http.js';
import { errorResponses, IdParams } from '../../kernel/schemas.js';
import { authorize } from '../access/policy.js';
import { todayInVietnam, unitPath } from '../org/units.service.js';
import { assignedUnitIds, listPlans, planDetail, planRow, taskHistory, taskLeads } from './plans.query.js';
import { progressPdf, progressXlsx } from './plans.report.js';
import {
  CreatePlanBody,
  PlanDetail,
  PlanList,
  PlanSummary,
  Preview,
  PreviewBody,
  ReportQuery,
  TaskDetail,
  TaskParams,
  TaskUpdateBody,
} from './plans.schema.js';
import {
  createPlan,
  mayReadPlan,
  previewPlan,
  readableIssuers,
  refreshPlanStatistics,
  reportingUnitFor,
  reportProgress,
} from './plans.service.js';

const tags = ['Kế hoạch, nhiệm vụ (plans)'];
const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export function planRoutes(app: App, { db, clock }: Deps): void {
  /** The plan, once the actor may read it (plan.read over its issuer). */
  async function readablePlan(actor: Actor | null, id: string) {
    authorize(actor, 'plan.read', {});
    const plan = await planRow(db, id);
    if (!(await mayReadPlan(db, actor, plan, await assignedUnitIds(db, plan.id))))
      throw new AppError('FORBIDDEN', { action: 'plan.read' });
    return plan;
  }

  app.post(
    '/api/plans/preview',
    {
      config: { access: { action: 'plan.manage', scope: 'unit' } },
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags,
        summary: 'What an import would save: heading, task tree, unit matches and what needs review (nothing saved)',
        body: PreviewBody,
        response: { 200: Preview, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'plan.manage', { unitPath: await unitPath(db, request.body.issuerUnitId) });
      return previewPlan(db, request.body, clock.now());
    },
  );

  app.post(
    '/api/plans',
    {
      config: { access: { action: 'plan.manage', scope: 'unit' } },
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Saves a reviewed plan (the preview, with its unit names resolved)',
        body: CreatePlanBody,
        response: { 201: PlanSummary, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'plan.manage', { unitPath: await unitPath(db, request.body.issuerUnitId) });
      const plan = await db.transaction((tx) => createPlan(tx, { ...request.ctx, actor }, request.body));
      await refreshPlanStatistics(db);
      const [view] = await listPlans(db, [plan.issuerUnitId], todayInVietnam(clock.now())).then((all) =>
        all.filter((p) => p.id === plan.id),
      );
      return reply.code(201).send(view!);
    },
  );

  app.get(
    '/api/plans',
    {
      config: { access: { action: 'plan.read', scope: 'anywhere' } },
      schema: {
        tags,
        summary: 'The plans of the units where the actor may read plans, with their completion',
        response: { 200: PlanList, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'plan.read', {});
      return { plans: await listPlans(db, await readableIssuers(db, actor), todayInVietnam(clock.now())) };
    },
  );

  app.get(
    '/api/plans/:id',
    {
      config: { access: { action: 'plan.read', scope: 'anywhere' } },
      schema: {
        tags,
        summary: 'A plan with its task tree, and its completion per lead unit and overall',
        params: IdParams,
        response: { 200: PlanDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await readablePlan(requireActor(request), request.params.id);
      return planDetail(db, request.params.id, todayInVietnam(clock.now()));
    },
  );

  app.get(
    '/api/plans/:id/tasks/:taskId',
    {
      config: { access: { action: 'plan.read', scope: 'anywhere' } },
      schema: {
        tags,
        summary: 'A task with its reports (history, comments, evidence) and whether the actor may report on it',
        params: TaskParams,
        response: { 200: TaskDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const plan = await readablePlan(actor, request.params.id);
      const leads = await taskLeads(db, plan.id, request.params.taskId);
      const detail = await planDetail(db, plan.id, todayInVietnam(clock.now()));
      const task = detail.tasks.find((t) => t.id === request.params.taskId)!;
      const unit = await reportingUnitFor(db, actor, plan.issuerUnitId, leads);
      return { task, history: await taskHistory(db, task.id), mayReport: unit !== undefined && task.kind !== 'group' };
    },
  );

  app.post(
    '/api/plans/:id/tasks/:taskId/updates',
    {
      config: { access: { action: 'plan.report', scope: 'unit' } },
      schema: {
        tags,
        summary: 'A lead unit reports progress on a task: status, %, comment, evidence files',
        params: TaskParams,
        body: TaskUpdateBody,
        response: { 201: TaskDetail.shape.task, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const plan = await planRow(db, request.params.id);
      const leads = await taskLeads(db, plan.id, request.params.taskId);
      const unitId = await reportingUnitFor(db, actor, plan.issuerUnitId, leads);
      if (unitId === undefined) throw new AppError('FORBIDDEN', { action: 'plan.report' });
      const now = clock.now();
      await db.transaction((tx) =>
        reportProgress(
          tx,
          { ...request.ctx, actor },
          { planId: plan.id, taskId: request.params.taskId, unitId, issuerUnitId: plan.issuerUnitId },
          request.body,
          now,
        ),
      );
      const detail = await planDetail(db, plan.id, todayInVietnam(now));
      return reply.code(201).send(detail.tasks.find((t) => t.id === request.params.taskId)!);
    },
  );

  app.get(
    '/api/plans/:id/report',
    {
      config: { access: { action: 'plan.read', scope: 'anywhere' } },
      schema: {
        tags,
        summary: 'The progress report of the plan as of a day, as XLSX or PDF',
        params: IdParams,
        querystring: ReportQuery,
        response: errorResponses(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      await readablePlan(requireActor(request), request.params.id);
      const now = clock.now();
      const asOf = request.query.asOf ?? todayInVietnam(now);
      const detail = await planDetail(db, request.params.id, asOf);
      const { format } = request.query;
      const bytes = format === 'xlsx' ? await progressXlsx(detail, asOf) : await progressPdf(detail, asOf, now);
      return reply
        .header('content-type', TYPES[format])
        .header('content-disposition', `attachment; filename="tien-do-ke-hoach-${asOf}.${format}"`)
        .send(bytes as never);
    },
  );
}
