import { z } from 'zod';
import { errorResponses } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { searchKey } from '../catalog/search.rules.js';
import { ComplaintBody, PublicCodeParams, PublicFeedback, PublicListQuery, VoteBody } from './feedback.schema.js';
import { getFeedback, publishedFeedback } from './feedback.query.js';
import { AppError } from '../../kernel/errors.js';
import { complainAgain, publicView, vote } from './public.service.js';
import { verifiedContact } from './verification.service.js';

const tags = ['Phản ánh, kiến nghị (feedback)'];

/** Published answers on the portal: no login to read; an account or a verified contact to react. */
export function feedbackPublicRoutes(app: App, { db, env, clock }: Deps): void {
  app.get(
    '/api/public/feedback',
    {
      config: { access: { public: 'published answers to feedback' } },
      schema: {
        tags,
        summary: 'Published answers (no login), newest first',
        querystring: PublicListQuery,
        response: {
          200: z.object({ items: z.array(PublicFeedback), total: z.number().int() }),
          ...errorResponses(400),
        },
      },
    },
    async (request) => {
      const { q, ...paging } = request.query;
      const { items, total } = await publishedFeedback(db, { ...paging, text: q ? searchKey(q) : undefined });
      return { items: await Promise.all(items.map((i) => publicView(db, i))), total };
    },
  );

  app.get(
    '/api/public/feedback/:code',
    {
      config: { access: { public: 'published answers to feedback' } },
      schema: {
        tags,
        summary: 'A published answer (no login; personal data removed)',
        params: PublicCodeParams,
        response: { 200: PublicFeedback, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const item = await getFeedback(db, request.params.code);
      if (item.status !== 'published') throw new AppError('FEEDBACK_NOT_FOUND');
      return publicView(db, item);
    },
  );

  const contactOf = async (actorPresent: boolean, token: string | undefined) =>
    !actorPresent && token ? verifiedContact(db, token, clock.now()) : null;

  app.post(
    '/api/public/feedback/:code/votes',
    {
      config: { access: { public: 'anyone may rate a published answer' } },
      schema: {
        tags,
        summary: 'Mark an answer useful or not (once per account or verified contact)',
        params: PublicCodeParams,
        body: VoteBody,
        response: { 200: PublicFeedback, ...errorResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request) => {
      const contact = await contactOf(!!request.ctx.actor, request.body.contactToken);
      const item = await db.transaction((tx) =>
        vote(tx, request.ctx, request.params.code, request.body.useful, contact),
      );
      return publicView(db, item);
    },
  );

  app.post(
    '/api/public/feedback/:code/complaints',
    {
      config: { access: { public: 'anyone may object to a published answer' } },
      schema: {
        tags,
        summary: 'Complain again about a published answer: a new item, and the answer counts as unsatisfied',
        params: PublicCodeParams,
        body: ComplaintBody,
        response: { 201: z.object({ code: z.string() }), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { contactToken, ...input } = request.body;
      const contact = await contactOf(!!request.ctx.actor, contactToken);
      const created = await db.transaction((tx) =>
        complainAgain(tx, request.ctx, env, request.params.code, input, contact, clock.now()),
      );
      return reply.status(201).send({ code: created.code });
    },
  );
}
