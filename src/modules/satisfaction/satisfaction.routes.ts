import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { AppError } from '../../kernel/errors.js';
import { DAY_MS, dayIndex, fromVietnamLocalMs } from '../calendar/dates.js';
import { procedureName } from '../catalog/procedures.service.js';
import { authorize, can } from '../access/policy.js';
import { subtreeIds, unitPath } from '../org/units.service.js';
import { criterionForForm, type RatingChannel, verifyRatingToken } from './satisfaction.rules.js';
import {
  CriteriaBody,
  Criterion,
  Figures,
  FiguresQuery,
  LinkResult,
  RateBody,
  RateForm,
  RateParams,
  RateQuery,
  RatingResult,
} from './satisfaction.schema.js';
import {
  activeCriteria,
  alreadyRated,
  type DossierRow,
  dossierForRating,
  rateDossier,
  ratingLink,
  saveCriteria,
} from './satisfaction.service.js';
import { satisfactionFigures } from './satisfaction.query.js';

const tags = ['Đánh giá mức độ hài lòng (satisfaction)'];

export function satisfactionRoutes(app: App, { db, env }: Deps): void {
  const withLevels = (criteria: Awaited<ReturnType<typeof activeCriteria>>) => criteria.map(criterionForForm);

  /**
   * Which channel a rating comes through, from how the caller proved their link to the dossier:
   * a signed link token → link; the citizen who filed it → portal; an officer's session or a
   * kiosk token holding satisfaction.record at the receiving unit → counter.
   */
  async function channelOf(
    request: FastifyRequest,
    dossier: DossierRow,
    token: string | undefined,
  ): Promise<RatingChannel> {
    if (token) {
      if (!env.RATING_LINK_SECRET || !verifyRatingToken(env.RATING_LINK_SECRET, dossier.code, token, new Date()))
        throw new AppError('RATING_LINK_INVALID');
      return 'link';
    }
    const actor = requireActor(request);
    if (actor.kind === 'citizen') {
      if (dossier.ownerUserId !== actor.userId) throw new AppError('FORBIDDEN', { action: 'satisfaction.rate' });
      return 'portal';
    }
    authorize(actor, 'satisfaction.record', { unitPath: await unitPath(db, dossier.receivingUnitId) });
    return 'counter';
  }

  app.get(
    '/api/satisfaction/criteria',
    {
      config: { access: { public: 'the rating criteria' } },
      schema: {
        tags,
        summary: 'The rating criteria in force (no login)',
        response: { 200: z.object({ criteria: z.array(Criterion) }) },
      },
    },
    async () => ({ criteria: withLevels(await activeCriteria(db)) }),
  );

  app.put(
    '/api/satisfaction/criteria',
    {
      config: { access: { action: 'satisfaction.configure', scope: 'anywhere' } },
      schema: {
        tags,
        summary: 'Replace the rating criteria (provincial office); criteria left out are deactivated',
        body: CriteriaBody,
        response: { 200: z.object({ criteria: z.array(Criterion) }), ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'satisfaction.configure');
      return {
        criteria: withLevels(
          await db.transaction((tx) => saveCriteria(tx, { ...request.ctx, actor }, request.body.criteria)),
        ),
      };
    },
  );

  app.get(
    '/api/rate/:code',
    {
      config: { access: { public: 'the rating link (its code is the credential)' } },
      schema: {
        tags,
        summary: 'The rating form of a dossier (counter tablet /rate/{code}, portal, or a rating link with its token)',
        params: RateParams,
        querystring: RateQuery,
        response: { 200: RateForm, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const dossier = await dossierForRating(db, request.params.code);
      const channel = await channelOf(request, dossier, request.query.token);
      const name = await procedureName(db, dossier.procedureId);
      return {
        code: dossier.code,
        procedureName: name ?? '',
        channel,
        alreadyRated: await alreadyRated(db, dossier.id, channel),
        criteria: withLevels(await activeCriteria(db)),
      };
    },
  );

  app.post(
    '/api/rate/:code',
    {
      config: { access: { public: 'the rating link (its code is the credential)' } },
      schema: {
        tags,
        summary: 'Rate a dossier once per channel; a bad rating needs a reason and may become a feedback item',
        params: RateParams,
        body: RateBody,
        response: { 201: RatingResult, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { token, ...input } = request.body;
      const dossier = await dossierForRating(db, request.params.code);
      const channel = await channelOf(request, dossier, token);
      return reply
        .status(201)
        .send(await db.transaction((tx) => rateDossier(tx, request.ctx, env, dossier, channel, input)));
    },
  );

  app.post(
    '/api/satisfaction/links/:code',
    {
      config: { access: { action: 'dossier.receive', scope: 'record' } },
      schema: {
        tags,
        summary: 'A signed rating link for a notification (one-stop officers of the receiving unit)',
        params: RateParams,
        response: { 200: LinkResult, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const dossier = await dossierForRating(db, request.params.code);
      authorize(actor, 'dossier.receive', { unitPath: await unitPath(db, dossier.receivingUnitId) });
      const link = ratingLink(env, dossier.code);
      if (!link) throw new AppError('RATING_LINKS_DISABLED');
      return link;
    },
  );

  app.get(
    '/api/satisfaction/figures',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary:
          'Satisfaction rates of a unit’s subtree over a period: dossiers, ratings, per unit, officer and procedure',
        querystring: FiguresQuery,
        response: { 200: Figures, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { unit, from, to } = request.query;
      if (!can(actor, 'kpi.read', { unitPath: await unitPath(db, unit) }))
        authorize(actor, 'kpi.read', { unitPath: [unit] });
      return satisfactionFigures(db, {
        unitIds: await subtreeIds(db, [unit]),
        from: fromVietnamLocalMs(dayIndex(from) * DAY_MS),
        to: fromVietnamLocalMs((dayIndex(to) + 1) * DAY_MS),
      });
    },
  );
}
