import { requireActor } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import type { Actor, RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { authorize, unitsWhere } from '../access/policy.js';
import { unitsByIds } from '../org/units.query.js';
import { getUnit, subtreeIds, unitPath } from '../org/units.service.js';
import { z } from 'zod';
import {
  ActionBody,
  CodeParams,
  DossierDetail,
  FormParams,
  IdempotencyHeaders,
  IntakeBody,
  WorklistItem,
  WorklistQuery,
} from './dossiers.schema.js';
import { worklist } from './worklist.query.js';
import { allowedActions, performAction } from './actions.service.js';
import { receiveDossier } from './intake.service.js';
import { dossierFormPdf } from './dossier-forms.js';
import { workflowSteps } from '../workflows/workflows.service.js';
import { applicantName } from './applicant.schema.js';
import { dossierDetail, dossierSummary } from './dossier-view.js';
import { readableDossier } from './dossier-access.js';
import { type DossierView, getDossierByCode, stillOpen } from './dossiers.query.js';
import { auditStaffRead } from '../audit/audit.service.js';
import { sealPdf } from '../signing/seal.service.js';

const tags = ['Hồ sơ (dossiers)'];

export function dossierRoutes(app: App, { db, env, services, extensions, clock }: Deps): void {
  const intakeSources = { national: services.nationalData, files: services.files };
  app.post(
    '/api/dossiers',
    {
      config: { access: { action: 'dossier.receive', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Tiếp nhận hồ sơ: counter or postal intake by a one-stop/postal officer; online filing by a citizen',
        headers: IdempotencyHeaders,
        body: IntakeBody,
        response: { 201: DossierDetail, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
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
      // Answered from the transaction's own data: nothing is read after commit.
      const now = clock.now();
      const answer = await db.transaction(async (tx) => {
        const view = await receiveDossier(
          tx,
          { ...request.ctx, actor },
          env,
          intakeSources,
          input,
          now,
          key ? { key, body: request.body } : undefined,
        );
        return {
          ...dossierDetail(view, now),
          allowedActions: await allowedActions(tx, actor, view.dossier, stillOpen(view)),
        };
      });
      return reply.status(201).send(answer);
    },
  );

  app.get(
    '/api/dossiers',
    {
      config: { access: { action: 'dossier.read', scope: 'own' } },
      schema: {
        tags,
        summary: 'Worklist: a unit’s dossiers, most urgent first (staff), or your own (citizen)',
        querystring: WorklistQuery,
        response: {
          200: z.object({ items: z.array(WorklistItem), total: z.number().int() }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { unit, mine, ...rest } = request.query;
      const now = clock.now();
      const { rows, total } = await worklist(db, { ...rest, ...(await worklistScope(actor, unit, mine)), now });
      return {
        items: rows.map((r) => ({
          ...dossierSummary(r.dossier, r, now),
          procedureName: r.procedureName,
          applicantName: applicantName(r.dossier.applicant),
          overdue: r.dossier.completedAt === null && r.dossier.appointmentAt !== null && r.dossier.appointmentAt < now,
        })),
        total,
      };
    },
  );

  /** Whose dossiers a worklist shows: the citizen's own, my tasks, one unit's, or all my units'. */
  async function worklistScope(actor: Actor, unit: string | undefined, mine: boolean | undefined) {
    if (actor.kind === 'citizen') return { ownerUserId: actor.userId };
    const unitIds = unit ? await subtreeIds(db, [authorizedUnit(actor, unit, await unitPath(db, unit))]) : undefined;
    if (mine) {
      const grants = actor.grants.filter((g) => g.unitId !== null && g.role !== 'citizen');
      const reach = await Promise.all(
        grants.map(async (g) => ({ role: g.role, unitIds: await subtreeIds(db, [g.unitId!]) })),
      );
      return { unitIds, mine: { userId: actor.userId, reach } };
    }
    if (unitIds) return { unitIds };
    const roots = unitsWhere(actor, 'dossier.read');
    if (roots.length === 0) throw new AppError('FORBIDDEN', { action: 'dossier.read' });
    return { unitIds: await subtreeIds(db, roots) };
  }

  app.get(
    '/api/dossiers/:code',
    {
      config: { access: { action: 'dossier.read', scope: 'record', personalData: true } },
      schema: {
        tags,
        summary: 'A dossier with its components and history (its units’ staff, or the citizen who filed it)',
        params: CodeParams,
        response: { 200: DossierDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const view = await readable(actor, request.params.code);
      await auditRead(request.ctx, view.dossier, 'detail');
      return detail(actor, view);
    },
  );

  app.post(
    '/api/dossiers/:code/actions',
    {
      config: { access: { action: 'dossier.read', scope: 'record' } },
      schema: {
        tags,
        summary:
          'Act on a dossier: accept, forward, return, finish, returnResult, requestSupplement, supply, refuse, withdraw, requestConsultation, answerConsultation, transfer, requestPayment, confirmPayment, stop, apologize, signResult',
        params: CodeParams,
        body: ActionBody,
        response: { 200: DossierDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      // performAction checks that the actor may read the dossier on the row it locks.
      const dossier = await db.transaction((tx) =>
        performAction(
          tx,
          { ...request.ctx, actor },
          env,
          request.params.code,
          request.body,
          clock.now(),
          services.files,
          extensions.dossierActionGuards,
        ),
      );
      return detail(actor, await getDossierByCode(db, dossier.code));
    },
  );

  async function detail(actor: Actor, view: DossierView) {
    return {
      ...dossierDetail(view, clock.now()),
      allowedActions: await allowedActions(db, actor, view.dossier, stillOpen(view)),
    };
  }

  app.get(
    '/api/dossiers/:code/forms/:form',
    {
      config: { access: { action: 'dossier.read', scope: 'record', personalData: true } },
      schema: {
        tags,
        summary:
          'A form of the dossier as PDF: 01 receipt, 02 supplement request, 03 refusal, 04 apology and new appointment, 05 notice of stopping, 06 processing-control slip',
        params: FormParams,
        response: errorResponses(400, 401, 403, 404, 422),
      },
    },
    async (request, reply) => {
      const view = await readable(requireActor(request), request.params.code);
      await auditRead(request.ctx, view.dossier, `form ${request.params.form}`);
      const parentName = async (id: string) => {
        const unit = await getUnit(db, id);
        return unit.parentId ? (await getUnit(db, unit.parentId)).name : undefined;
      };
      const steps = await workflowSteps(db, view.dossier.workflowId);
      const unitIds = [...new Set(view.events.flatMap((e) => (e.unitId ? [e.unitId] : [])))];
      const names = await unitsByIds(db, unitIds);
      const rendered = await dossierFormPdf(request.params.form, {
        env,
        view,
        receivingParentName: await parentName(view.receivingUnit.id),
        competentParentName: await parentName(view.competentUnit.id),
        steps,
        unitNames: new Map(names.map((u) => [u.id, u.name])),
      });
      // Forms handed to the citizen (01–05) carry the receiving unit's seal signature; 06 stays internal.
      const unit = view.receivingUnit;
      const pdf =
        request.params.form === '06'
          ? rendered
          : await sealPdf(db, request.ctx, services.trust, {
              pdf: rendered,
              unit: { code: unit.officialCode ?? unit.id, name: unit.name },
              documentRef: `${view.dossier.code}/form-${request.params.form}`,
              reason: `Mẫu ${request.params.form} — Thông tư 03/2025/TT-VPCP`,
              now: clock.now(),
            });
      return (
        reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="${view.dossier.code}-mau-${request.params.form}.pdf"`)
          // Bytes, not JSON: the schema lists only the error shapes.
          .send(pdf as never)
      );
    },
  );

  const readable = (actor: Actor, code: string) => readableDossier(db, actor, code);

  /** Staff opening the applicant's identity leave an audit row (audit.service.ts auditStaffRead). */
  const auditRead = (
    ctx: RequestContext,
    dossier: { id: string; code: string; competentUnitId: string },
    what: string,
  ) =>
    auditStaffRead(db, ctx, {
      action: 'dossier.read',
      targetType: 'dossier',
      targetId: dossier.id,
      unitId: dossier.competentUnitId,
      summary: { code: dossier.code, what },
    });
}

/**
 * Counter and postal intake happen where the officer holds dossier.receive: the unit named in the
 * request, else the one unit they receive at. Online filing is for citizens only.
 */
async function receivingUnitFor(actor: Actor, body: { channel: string; receivingUnitId?: string | undefined }) {
  if (body.channel === 'online') {
    if (actor.kind !== 'citizen')
      throw new AppError('FORBIDDEN', { reason: 'Nộp trực tuyến dành cho công dân, tổ chức' });
    return body.receivingUnitId;
  }
  if (body.receivingUnitId) return body.receivingUnitId;
  const units = unitsWhere(actor, 'dossier.receive');
  if (units.length === 1) return units[0];
  if (units.length === 0) throw new AppError('FORBIDDEN', { action: 'dossier.receive' });
  throw new AppError('RECEIVING_UNIT_REQUIRED', { units });
}

/** The unit named in a worklist query, if the actor may read its dossiers. */
function authorizedUnit(actor: Actor, unit: string, path: string[]): string {
  authorize(actor, 'dossier.read', { unitPath: path });
  return unit;
}
