import { requireActor } from '../../server/http/auth.js';
import { errorResponses } from '../../server/http/schemas.js';
import type { App, Deps } from '../../server/http/types.js';
import type { Actor } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { authorize, can, unitsWhere } from '../identity/policy.js';
import { getUnit, subtreeIds, unitPath } from '../org/units.service.js';
import { z } from 'zod';
import { ActionBody, CodeParams, DossierDetail, FormParams, IdempotencyHeaders, IntakeBody, WorklistItem, WorklistQuery } from './dossiers.schema.js';
import { worklist } from './worklist.query.js';
import { allowedActions, performAction } from './actions.service.js';
import { type DossierView, getDossierByCode } from './dossiers.query.js';
import { receiveDossier } from './intake.service.js';
import { dossierFormPdf } from './dossier-forms.js';
import { getWorkflow } from '../workflows/workflows.service.js';
import { units } from '../org/units.table.js';
import { inArray } from 'drizzle-orm';
import { nationalStatusCode } from './status.rules.js';

const tags = ['Hồ sơ (dossiers)'];

export function dossierRoutes(app: App, { db, env }: Deps): void {
  app.post(
    '/api/dossiers',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận hồ sơ: counter or postal intake by a one-stop/postal officer; online filing by a citizen',
        headers: IdempotencyHeaders,
        body: IntakeBody,
        response: { 201: DossierDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const input = { ...request.body, receivingUnitId: await receivingUnitFor(actor, request.body) };
      // Officers receive at their own unit; a citizen filing online only names where to file.
      if (input.channel !== 'online' && input.receivingUnitId) {
        authorize(actor, 'dossier.receive', { unitPath: await unitPath(db, input.receivingUnitId) });
      }
      const key = request.headers['idempotency-key'];
      const dossier = await db.transaction((tx) =>
        receiveDossier(tx, { ...request.ctx, actor }, env, input, key ? { key, body: request.body } : undefined),
      );
      return reply.status(201).send(await detail(actor, dossier.code));
    },
  );

  app.get(
    '/api/dossiers',
    {
      schema: {
        tags,
        summary: 'Worklist: a unit’s dossiers, most urgent first (staff), or your own (citizen)',
        querystring: WorklistQuery,
        response: { 200: z.object({ items: z.array(WorklistItem), total: z.number().int() }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { unit, ...rest } = request.query;
      const now = new Date();
      let scope: { unitIds?: string[]; ownerUserId?: string };
      if (actor.kind === 'citizen') {
        scope = { ownerUserId: actor.userId };
      } else if (unit) {
        authorize(actor, 'dossier.read', { unitPath: await unitPath(db, unit) });
        scope = { unitIds: await subtreeIds(db, [unit]) };
      } else {
        const roots = unitsWhere(actor, 'dossier.read');
        if (roots.length === 0) throw new AppError('FORBIDDEN', { action: 'dossier.read' });
        scope = { unitIds: await subtreeIds(db, roots) };
      }
      const { rows, total } = await worklist(db, { ...rest, ...scope, now });
      return {
        items: rows.map((r) => ({
          ...summary(r.dossier),
          procedureName: r.procedureName,
          overdue: r.dossier.completedAt === null && r.dossier.appointmentAt !== null && r.dossier.appointmentAt < now,
        })),
        total,
      };
    },
  );

  app.get(
    '/api/dossiers/:code',
    {
      schema: {
        tags,
        summary: 'A dossier with its components and history (its units’ staff, or the citizen who filed it)',
        params: CodeParams,
        response: { 200: DossierDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await readable(actor, request.params.code);
      return detail(actor, request.params.code);
    },
  );

  app.post(
    '/api/dossiers/:code/actions',
    {
      schema: {
        tags,
        summary: 'Act on a dossier: accept, forward, return, finish, returnResult, requestSupplement, supply, refuse, withdraw',
        params: CodeParams,
        body: ActionBody,
        response: { 200: DossierDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await readable(actor, request.params.code);
      const dossier = await db.transaction((tx) => performAction(tx, { ...request.ctx, actor }, env, request.params.code, request.body));
      return detail(actor, dossier.code);
    },
  );

  async function detail(actor: Actor, code: string) {
    const view = await getDossierByCode(db, code);
    return { ...shape(view), allowedActions: await allowedActions(db, actor, view.dossier) };
  }

  app.get(
    '/api/dossiers/:code/forms/:form',
    {
      schema: {
        tags,
        summary: 'A form of the dossier as PDF: 01 receipt, 02 supplement request, 03 refusal, 06 processing-control slip',
        params: FormParams,
        response: errorResponses(400, 401, 403, 404, 422),
      },
    },
    async (request, reply) => {
      const view = await readable(requireActor(request), request.params.code);
      const receiving = await getUnit(db, view.receivingUnit.id);
      const parent = receiving.parentId ? (await getUnit(db, receiving.parentId)).name : undefined;
      const { steps } = await getWorkflow(db, view.dossier.workflowId);
      const unitIds = [...new Set(view.events.flatMap((e) => (e.unitId ? [e.unitId] : [])))];
      const names = unitIds.length ? await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds)) : [];
      const pdf = await dossierFormPdf(request.params.form, {
        env,
        view,
        receivingParentName: parent,
        steps,
        unitNames: new Map(names.map((u) => [u.id, u.name])),
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${view.dossier.code}-mau-${request.params.form}.pdf"`)
        // Bytes, not JSON: the schema lists only the error shapes.
        .send(pdf as never);
    },
  );

  /** The dossier, if the actor may read it: staff of its receiving or competent unit, or its owner. */
  async function readable(actor: Actor, code: string): Promise<DossierView> {
    const view = await getDossierByCode(db, code);
    const { dossier } = view;
    const paths = await Promise.all([unitPath(db, dossier.receivingUnitId), unitPath(db, dossier.competentUnitId)]);
    const allowed = paths.some((p) => can(actor, 'dossier.read', { unitPath: p })) || can(actor, 'dossier.read', { ownerUserId: dossier.ownerUserId });
    if (!allowed) authorize(actor, 'dossier.read', { unitPath: paths[1]! });
    return view;
  }
}

/**
 * Counter and postal intake happen where the officer holds dossier.receive: the unit named in the
 * request, else the one unit they receive at. Online filing is for citizens only.
 */
async function receivingUnitFor(actor: Actor, body: { channel: string; receivingUnitId?: string | undefined }) {
  if (body.channel === 'online') {
    if (actor.kind !== 'citizen') throw new AppError('FORBIDDEN', { reason: 'Nộp trực tuyến dành cho công dân, tổ chức' });
    return body.receivingUnitId;
  }
  if (body.receivingUnitId) return body.receivingUnitId;
  const units = unitsWhere(actor, 'dossier.receive');
  if (units.length === 1) return units[0];
  if (units.length === 0) throw new AppError('FORBIDDEN', { action: 'dossier.receive' });
  throw new AppError('RECEIVING_UNIT_REQUIRED', { units });
}

function shape(view: DossierView) {
  const { dossier } = view;
  return {
    ...summary(dossier),
    procedure: { id: dossier.procedureId, nationalCode: view.procedureCode, name: view.procedureName, versionId: dossier.procedureVersionId },
    receivingUnit: { id: view.receivingUnit.id, name: view.receivingUnit.name, officialCode: view.receivingUnit.officialCode },
    competentUnit: view.competentUnit,
    applicant: dossier.applicant,
    fees: dossier.fees,
    components: view.components.map((c) => ({ componentId: c.componentId, name: c.name, fileIds: c.fileIds })),
    events: view.events.map(({ unitId: _u, ...e }) => e),
  };
}

function summary(dossier: DossierView['dossier']) {
  return {
    id: dossier.id,
    code: dossier.code,
    status: dossier.status,
    nationalStatusCode: nationalStatusCode(dossier.status),
    channel: dossier.channel,
    submittedAt: dossier.submittedAt,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
    currentStepKey: dossier.currentStepKey,
    completedAt: dossier.completedAt,
    outcome: dossier.outcome,
    returnedAt: dossier.returnedAt,
    supplementCount: dossier.supplementCount,
    version: dossier.version,
  };
}
