import { z } from 'zod';
import { requireActor } from '../../kernel/http.js';
import { errorResponses, IdParams } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { authorize } from '../access/policy.js';
import {
  CloseUnitBody,
  CreateUnitBody,
  Unit,
  UnitDetail,
  UnitNode,
  UnitTreeQuery,
  UpdateUnitBody,
} from './units.schema.js';
import {
  closeUnit,
  createUnit,
  getUnit,
  listUnitTree,
  rootUnitIds,
  unitLineage,
  unitPath,
  updateUnit,
} from './units.service.js';

const tags = ['Đơn vị (units)'];

export function unitRoutes(app: App, { db, clock }: Deps): void {
  app.get(
    '/api/units',
    {
      config: { access: { public: 'the organisation chart is public' } },
      schema: {
        tags,
        summary: 'Cây đơn vị: the organisation tree (public)',
        querystring: UnitTreeQuery,
        response: { 200: z.object({ units: z.array(UnitNode) }), ...errorResponses(400) },
      },
    },
    async (request) => ({ units: await listUnitTree(db, request.query) }),
  );

  app.get(
    '/api/units/:id',
    {
      config: { access: { public: 'the organisation chart is public' } },
      schema: {
        tags,
        summary: 'One unit with its ancestors (public)',
        params: IdParams,
        response: { 200: UnitDetail, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const unit = await getUnit(db, request.params.id);
      const lineage = await unitLineage(db, unit.id);
      return { ...unit, path: lineage.slice(0, -1) };
    },
  );

  app.post(
    '/api/units',
    {
      config: { access: { action: 'unit.manage', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Create a unit (system administrator of the parent subtree)',
        body: CreateUnitBody,
        response: { 201: Unit, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { parentId } = request.body;
      // A new root (another tree, a central agency) needs an administrator of an existing root.
      const target = parentId ? await unitPath(db, parentId) : await rootUnitIds(db);
      authorize(actor, 'unit.manage', { unitPath: target });
      const unit = await db.transaction((tx) => createUnit(tx, request.ctx, request.body, clock.now()));
      return reply.status(201).send(unit);
    },
  );

  app.patch(
    '/api/units/:id',
    {
      config: { access: { action: 'unit.manage', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Edit a unit (optimistic lock on version)',
        params: IdParams,
        body: UpdateUnitBody,
        response: { 200: Unit, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params;
      authorize(actor, 'unit.manage', { unitPath: await unitPath(db, id) });
      const { parentId } = request.body;
      if (parentId) authorize(actor, 'unit.manage', { unitPath: await unitPath(db, parentId) });
      return db.transaction((tx) => updateUnit(tx, request.ctx, id, request.body, clock.now()));
    },
  );

  app.post(
    '/api/units/:id/close',
    {
      config: { access: { action: 'unit.manage', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Close or merge a unit into a successor; old records keep it',
        params: IdParams,
        body: CloseUnitBody,
        response: { 200: Unit, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params;
      authorize(actor, 'unit.manage', { unitPath: await unitPath(db, id) });
      return db.transaction((tx) => closeUnit(tx, request.ctx, id, request.body, clock.now()));
    },
  );
}
