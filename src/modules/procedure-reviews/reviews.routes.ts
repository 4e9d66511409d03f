/** /api/procedure-reviews: the compliance-cost calculation, and reviews prefilled from the catalog. */
import { z } from 'zod';
import { type App, type Deps, requireActor } from '../../kernel/http.js';
import { errorResponses, IdParams } from '../../kernel/schemas.js';
import { authorize } from '../access/policy.js';
import { complianceCost } from './compliance-cost.rules.js';
import {
  CostBody,
  CostReply,
  CreateReviewBody,
  Prefill,
  PrefillQuery,
  Review,
  ReviewListQuery,
  ReviewSummary,
} from './reviews.schema.js';
import { approveReview, createReview, prefillReview, reviewSummary } from './reviews.service.js';

const tags = ['Rà soát, đánh giá TTHC (procedure reviews)'];

export function reviewRoutes(app: App, { db, clock }: Deps): void {
  app.post(
    '/api/procedure-reviews/cost',
    {
      config: {
        access: {
          signedIn: 'a calculation on the figures sent (Circular 02/2017/TT-VPCP Art. 27); reads and changes nothing',
        },
      },
      schema: {
        tags,
        summary: 'Compliance cost of one procedure: hourly income, cost per performance, cost per year (integer VND)',
        body: CostBody,
        response: { 200: CostReply, ...errorResponses(400, 401, 422) },
      },
    },
    async (request) => {
      requireActor(request);
      return complianceCost(request.body);
    },
  );

  app.get(
    '/api/procedure-reviews/prefill',
    {
      config: { access: { action: 'review.manage', scope: 'anywhere' } },
      schema: {
        tags,
        summary: "A review's starting point from the catalog: parts, forms, channels, time limits, fees",
        querystring: PrefillQuery,
        response: { 200: Prefill, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'review.manage', {});
      return prefillReview(db, request.query.procedureId);
    },
  );

  app.post(
    '/api/procedure-reviews',
    {
      config: { access: { action: 'review.manage', scope: 'anywhere' } },
      schema: {
        tags,
        summary: 'Records a review: costs before and after the proposed simplification, and the savings',
        body: CreateReviewBody,
        response: { 201: Review, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'review.manage', {});
      const row = await db.transaction((tx) => createReview(tx, { ...request.ctx, actor }, request.body));
      const { reviews } = await reviewSummary(db, row.year);
      return reply.code(201).send(reviews.find((r) => r.id === row.id)!);
    },
  );

  app.post(
    '/api/procedure-reviews/:id/approve',
    {
      config: { access: { action: 'review.manage', scope: 'anywhere' } },
      schema: {
        tags,
        summary: 'Approves a review (its simplification goes to the summary as approved)',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'review.manage', {});
      await db.transaction((tx) => approveReview(tx, { ...request.ctx, actor }, request.params.id, clock.now()));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/procedure-reviews',
    {
      config: { access: { action: 'review.manage', scope: 'anywhere' } },
      schema: {
        tags,
        summary: 'The reviews and the province-wide summary table (cost before, after, savings)',
        querystring: ReviewListQuery,
        response: { 200: ReviewSummary, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'review.manage', {});
      return reviewSummary(db, request.query.year);
    },
  );
}
