/**
 * The public accountability pages' API (no login): the published late lists, the published
 * Decision-766 index snapshots and the one-stop directory; and the directory's upkeep by the
 * unit's system administrator. Public answers are snapshots or directory rows, rate-limited per
 * client like the public lookup.
 */
import { z } from 'zod';
import { requireActor } from '../../kernel/http.js';
import type { App, Deps } from '../../kernel/http.js';
import { FixedWindowLimiter, rateLimitHook } from '../../kernel/rate-limit.js';
import { errorResponses, IdParams } from '../../kernel/schemas.js';
import { authorize } from '../access/policy.js';
import { unitPath } from '../org/units.service.js';
import {
  createDirectoryEntry,
  deleteDirectoryEntry,
  getDirectoryEntry,
  listDirectory,
  updateDirectoryEntry,
} from './directory.service.js';
import {
  CreateDirectoryEntryBody,
  DeleteDirectoryEntryQuery,
  DirectoryPerson,
  DirectoryQuery,
  DirectoryReply,
  IndexPublication,
  IndexPublicationQuery,
  LateListPublication,
  PeriodParams,
  PublicationList,
  PublicationListQuery,
  UpdateDirectoryEntryBody,
} from './publications.schema.js';
import { getPublication, listPublications } from './publications.service.js';
import type { PublicationKind } from './publications.rules.js';

const tags = ['Công khai (public accountability)'];
const PeriodQuery = z.object({ period: PeriodParams.shape.period.optional().describe('Default: the latest') });
const INDEX_KINDS: PublicationKind[] = ['index-week', 'index-month'];

export function publicationsRoutes(app: App, { db, env, clock }: Deps): void {
  const limiter = new FixedWindowLimiter({ limit: env.PUBLIC_LOOKUP_RATE_PER_MINUTE, windowMs: 60_000 });
  const publicRoute = (why: string) => ({ access: { public: why } }) as const;

  app.get(
    '/api/public/late-lists',
    {
      config: publicRoute('the published monthly late lists'),
      onRequest: rateLimitHook(limiter),
      schema: {
        tags,
        summary: 'The monthly lists of late agencies and officials published so far, newest first (no login)',
        querystring: PublicationListQuery,
        response: { 200: PublicationList, ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => ({ items: await listPublications(db, ['late-list'], request.query.limit) }),
  );

  app.get(
    '/api/public/late-list',
    {
      config: publicRoute('a published monthly late list'),
      onRequest: rateLimitHook(limiter),
      schema: {
        tags,
        summary:
          "A reporting month's published list of late agencies, officials and dossiers with the apology-letter status, as published (no applicant data; no login)",
        querystring: PeriodQuery,
        response: { 200: LateListPublication, ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const row = await getPublication(db, ['late-list'], request.query.period ?? null);
      return { ...row, content: LateListPublication.shape.content.parse(row.content) };
    },
  );

  app.get(
    '/api/public/kpi/publications',
    {
      config: publicRoute('the published Decision-766 index snapshots'),
      onRequest: rateLimitHook(limiter),
      schema: {
        tags,
        summary: 'The weekly and monthly publications of the Decision-766 index so far, newest first (no login)',
        querystring: IndexPublicationQuery,
        response: { 200: PublicationList, ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const { kind, limit } = request.query;
      const kinds: PublicationKind[] = kind ? [kind === 'week' ? 'index-week' : 'index-month'] : INDEX_KINDS;
      return { items: await listPublications(db, kinds, limit) };
    },
  );

  app.get(
    '/api/public/kpi/publication',
    {
      config: publicRoute('a published Decision-766 index snapshot'),
      onRequest: rateLimitHook(limiter),
      schema: {
        tags,
        summary:
          'One publication of the Decision-766 index (a week 2026-W48 or a reporting month 2026-11) as published (no login)',
        querystring: PeriodQuery,
        response: { 200: IndexPublication, ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const row = await getPublication(db, INDEX_KINDS, request.query.period ?? null);
      return { ...row, content: IndexPublication.shape.content.parse(row.content) };
    },
  );

  app.get(
    '/api/public/directory',
    {
      config: publicRoute('the one-stop departments’ directory is public by design'),
      onRequest: rateLimitHook(limiter),
      schema: {
        tags,
        summary: "The one-stop department's directory per unit: head and staff with title and work phone (no login)",
        querystring: DirectoryQuery,
        response: { 200: DirectoryReply, ...errorResponses(400, 429) },
      },
    },
    async (request) => {
      const { unit } = request.query;
      return { units: await listDirectory(db, clock.now(), unit ? [unit] : undefined) };
    },
  );

  app.post(
    '/api/directory',
    {
      config: { access: { action: 'unit.manage', scope: 'unit' } },
      schema: {
        tags,
        summary: "Add a person to a unit's one-stop directory (the unit's system administrator)",
        body: CreateDirectoryEntryBody,
        response: { 201: DirectoryPerson, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      authorize(requireActor(request), 'unit.manage', { unitPath: await unitPath(db, request.body.unitId) });
      const entry = await db.transaction((tx) => createDirectoryEntry(tx, request.ctx, request.body, clock.now()));
      return reply.status(201).send(entry);
    },
  );

  app.patch(
    '/api/directory/:id',
    {
      config: { access: { action: 'unit.manage', scope: 'unit' } },
      schema: {
        tags,
        summary: "Edit a person of a unit's one-stop directory",
        params: IdParams,
        body: UpdateDirectoryEntryBody,
        response: { 200: DirectoryPerson, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const entry = await getDirectoryEntry(db, request.params.id);
      authorize(requireActor(request), 'unit.manage', { unitPath: await unitPath(db, entry.unitId) });
      return db.transaction((tx) => updateDirectoryEntry(tx, request.ctx, entry.id, request.body, clock.now()));
    },
  );

  app.delete(
    '/api/directory/:id',
    {
      config: { access: { action: 'unit.manage', scope: 'unit' } },
      schema: {
        tags,
        summary: "Remove a person from a unit's one-stop directory",
        params: IdParams,
        querystring: DeleteDirectoryEntryQuery,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const entry = await getDirectoryEntry(db, request.params.id);
      authorize(requireActor(request), 'unit.manage', { unitPath: await unitPath(db, entry.unitId) });
      await db.transaction((tx) => deleteDirectoryEntry(tx, request.ctx, entry.id, request.query.version));
      return reply.status(204).send(null);
    },
  );
}
