import { z } from 'zod';
import { requireActor } from '../../kernel/http.js';
import { errorResponses, IdParams, Paging } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { authorize } from '../access/policy.js';
import { unitPath } from '../org/units.service.js';
import {
  Decision,
  DecisionDetail,
  Field,
  FieldBody,
  FieldParams,
  IssueDecisionBody,
  NationalPublicationBody,
  ProcedureDetail,
  ProcedureSearchQuery,
  ProcedureSummary,
  ProcedureVersionDetail,
} from './catalog.schema.js';
import { getDecision, listDecisions, recordNationalPublication } from './decisions.query.js';
import { issueDecision } from './decisions.service.js';
import { listFields, upsertField } from './fields.service.js';
import { getProcedure, getProcedureVersion, searchProcedures } from './procedures.service.js';
import { workingDayCounter } from './working-days.js';

const tags = ['Thủ tục hành chính (catalog)'];

export function catalogRoutes(app: App, { db, env, clock }: Deps): void {
  const counter = workingDayCounter(db, env);

  app.get(
    '/api/procedures',
    {
      config: { access: { public: 'the published catalog' } },
      schema: {
        tags,
        summary: 'Tra cứu thủ tục: search procedures by relevance, diacritics- and typo-tolerant (public)',
        querystring: ProcedureSearchQuery,
        response: {
          200: z.object({ items: z.array(ProcedureSummary), total: z.number().int() }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => searchProcedures(db, request.query),
  );

  app.get(
    '/api/procedures/:id',
    {
      config: { access: { public: 'the published catalog' } },
      schema: {
        tags,
        summary: 'A procedure with its current version in full and its version history (public)',
        params: IdParams,
        response: { 200: ProcedureDetail, ...errorResponses(400, 404) },
      },
    },
    async (request) => getProcedure(db, request.params.id),
  );

  app.get(
    '/api/procedure-versions/:id',
    {
      config: { access: { public: 'the published catalog' } },
      schema: {
        tags,
        summary: 'One version of a procedure exactly as published (what a dossier was filed under)',
        params: IdParams,
        response: { 200: ProcedureVersionDetail, ...errorResponses(400, 404) },
      },
    },
    async (request) => getProcedureVersion(db, request.params.id),
  );

  app.get(
    '/api/procedure-fields',
    {
      config: { access: { public: 'the published catalog' } },
      schema: {
        tags,
        summary: 'Lĩnh vực: procedure fields (public)',
        response: { 200: z.object({ items: z.array(Field) }) },
      },
    },
    async () => ({ items: await listFields(db) }),
  );

  app.put(
    '/api/procedure-fields/:code',
    {
      config: { access: { action: 'catalog.manage', scope: 'anywhere' } },
      schema: {
        tags,
        summary: 'Create or rename a field (procedure-control officer)',
        params: FieldParams,
        body: FieldBody,
        response: { 200: Field, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'catalog.manage');
      return db.transaction((tx) => upsertField(tx, request.ctx, request.params.code, request.body.name));
    },
  );

  app.get(
    '/api/decisions',
    {
      config: { access: { public: 'publication decisions are public acts' } },
      schema: {
        tags,
        summary: 'Quyết định công bố: publication decisions with their timeliness (public)',
        querystring: Paging,
        response: { 200: z.object({ items: z.array(Decision), total: z.number().int() }), ...errorResponses(400) },
      },
    },
    async (request) => listDecisions(db, request.query.page, request.query.pageSize, counter),
  );

  app.get(
    '/api/decisions/:id',
    {
      config: { access: { public: 'publication decisions are public acts' } },
      schema: {
        tags,
        summary: 'A publication decision with its items and timeliness (public)',
        params: IdParams,
        response: { 200: DecisionDetail, ...errorResponses(400, 404) },
      },
    },
    async (request) => getDecision(db, request.params.id, counter),
  );

  app.post(
    '/api/decisions',
    {
      config: { access: { action: 'catalog.manage', scope: 'unit' } },
      bodyLimit: 50 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Issue a publication decision: new, amended, replaced, abolished procedures (all or nothing)',
        body: IssueDecisionBody,
        response: { 201: DecisionDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'catalog.manage', { unitPath: await unitPath(db, request.body.issuingUnitId) });
      const decision = await db.transaction((tx) => issueDecision(tx, request.ctx, request.body, clock.now()));
      return reply.status(201).send(await getDecision(db, decision.id, counter));
    },
  );

  app.put(
    '/api/decisions/:id/national-publication',
    {
      config: { access: { action: 'catalog.manage', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Record the day the procedures appeared on the national database (KPI 1.2)',
        params: IdParams,
        body: NationalPublicationBody,
        response: { 200: DecisionDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const decision = await getDecision(db, request.params.id, counter);
      authorize(actor, 'catalog.manage', { unitPath: await unitPath(db, decision.issuingUnitId) });
      await db.transaction((tx) =>
        recordNationalPublication(tx, request.ctx, decision.id, request.body.nationalPublishedDate),
      );
      return getDecision(db, decision.id, counter);
    },
  );
}
