import { z } from 'zod';
import type { Actor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { requireActor } from '../../kernel/http.js';
import { errorResponses, IdParams } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { authorize, can } from '../access/policy.js';
import { unitPath } from '../org/units.service.js';
import {
  ApproveWorkflowBody,
  CreateWorkflowBody,
  UpdateWorkflowBody,
  ValidateWorkflowBody,
  WorkflowDetail,
  WorkflowListQuery,
  WorkflowSummary,
  WorkflowValidation,
} from './workflows.schema.js';
import {
  activateWorkflow,
  approveWorkflow,
  copyWorkflow,
  createWorkflow,
  describeWorkflow,
  dryRunValidation,
  getWorkflow,
  listWorkflows,
  updateWorkflow,
  workflowUnitId,
} from './workflows.service.js';

const tags = ['Quy trình nội bộ (workflows)'];

/**
 * Internal workflows are read by staff (every officer sees the steps a dossier follows), not by
 * citizens or anonymous callers: drafts are work in progress.
 */
function requireStaff(actor: Actor): void {
  if (actor.kind === 'citizen' || !actor.grants.some((g) => g.role !== 'citizen')) throw new AppError('FORBIDDEN');
}

export function workflowRoutes(app: App, { db, env, clock }: Deps): void {
  app.get(
    '/api/workflows',
    {
      config: { access: { signedIn: 'internal workflows are for staff', only: 'staff' } },
      schema: {
        tags,
        summary: 'List workflow versions by procedure, unit and status (staff)',
        querystring: WorkflowListQuery,
        response: {
          200: z.object({ items: z.array(WorkflowSummary), total: z.number().int() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      requireStaff(requireActor(request));
      return listWorkflows(db, request.query);
    },
  );

  app.get(
    '/api/workflows/:id',
    {
      config: { access: { signedIn: 'internal workflows are for staff', only: 'staff' } },
      schema: {
        tags,
        summary: 'One workflow version with its steps, validation problems and compliance with seed 002 (staff)',
        params: IdParams,
        response: { 200: WorkflowDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      requireStaff(requireActor(request));
      return describeWorkflow(db, env, await getWorkflow(db, request.params.id), clock.now());
    },
  );

  app.post(
    '/api/workflows/validate',
    {
      config: { access: { signedIn: 'internal workflows are for staff', only: 'staff' } },
      schema: {
        tags,
        summary: 'Dry run: validate steps for a procedure at a competent unit, saving nothing (staff)',
        body: ValidateWorkflowBody,
        response: { 200: WorkflowValidation, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireStaff(requireActor(request));
      return dryRunValidation(db, env, request.body, clock.now());
    },
  );

  app.post(
    '/api/workflows',
    {
      config: { access: { action: 'catalog.manage', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Create a draft version (procedure control officer over the unit)',
        body: CreateWorkflowBody,
        response: { 201: WorkflowDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const now = clock.now();
      const actor = requireActor(request);
      authorize(actor, 'catalog.manage', { unitPath: await unitPath(db, request.body.unitId) });
      const created = await db.transaction((tx) => createWorkflow(tx, request.ctx, request.body, now));
      return reply.status(201).send(await describeWorkflow(db, env, created, now));
    },
  );

  app.put(
    '/api/workflows/:id',
    {
      config: { access: { action: 'catalog.manage', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Edit a draft (optimistic lock on updatedAt); approved, active and retired versions never change',
        params: IdParams,
        body: UpdateWorkflowBody,
        response: { 200: WorkflowDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const now = clock.now();
      const actor = requireActor(request);
      const { id } = request.params;
      authorize(actor, 'catalog.manage', { unitPath: await unitPath(db, await workflowUnitId(db, id)) });
      const updated = await db.transaction((tx) => updateWorkflow(tx, request.ctx, id, request.body, now));
      return describeWorkflow(db, env, updated, now);
    },
  );

  app.post(
    '/api/workflows/:id/approve',
    {
      config: { access: { action: 'workflow.approve', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Approve a valid draft (leader of the unit); 422 WORKFLOW_INVALID lists the problems',
        params: IdParams,
        body: ApproveWorkflowBody,
        response: { 200: WorkflowDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const now = clock.now();
      const actor = requireActor(request);
      const { id } = request.params;
      authorize(actor, 'workflow.approve', { unitPath: await unitPath(db, await workflowUnitId(db, id)) });
      const approved = await db.transaction((tx) =>
        approveWorkflow(tx, request.ctx, env, id, now, request.body?.updatedAt),
      );
      return describeWorkflow(db, env, approved, now);
    },
  );

  app.post(
    '/api/workflows/:id/activate',
    {
      config: { access: { action: 'workflow.approve', scope: 'unit' } },
      schema: {
        tags,
        summary:
          'Activate an approved version (leader or procedure control officer of the unit); the previous active one is retired',
        params: IdParams,
        response: { 200: WorkflowDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const now = clock.now();
      const actor = requireActor(request);
      const { id } = request.params;
      const target = { unitPath: await unitPath(db, await workflowUnitId(db, id)) };
      // Activation configures already-approved content in the system (seed 002, item 2): the
      // unit's leader may do it, and so may the control officer who administers the system.
      if (!can(actor, 'workflow.approve', target)) authorize(actor, 'catalog.manage', target);
      const active = await db.transaction((tx) => activateWorkflow(tx, request.ctx, id, now));
      return describeWorkflow(db, env, active, now);
    },
  );

  app.post(
    '/api/workflows/:id/copy',
    {
      config: { access: { action: 'catalog.manage', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Copy any version into a new draft against the current procedure version',
        params: IdParams,
        response: { 201: WorkflowDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const now = clock.now();
      const actor = requireActor(request);
      const { id } = request.params;
      authorize(actor, 'catalog.manage', { unitPath: await unitPath(db, await workflowUnitId(db, id)) });
      const copy = await db.transaction((tx) => copyWorkflow(tx, request.ctx, id, now));
      return reply.status(201).send(await describeWorkflow(db, env, copy, now));
    },
  );
}
