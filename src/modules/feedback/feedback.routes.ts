import { z } from 'zod';
import { requireActor } from '../../kernel/http.js';
import { FixedWindowLimiter, rateLimitHook } from '../../kernel/rate-limit.js';
import { errorResponses } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import type { Actor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { authorize, tokenAllows, unitsWhere } from '../access/policy.js';
import { subtreeIds, unitPath } from '../org/units.service.js';
import { deadlineClock } from '../dossiers/dossier-view.js';
import type { DeadlineClock } from '../dossiers/dossier-view.js';
import { feedbackTimeState, isOverdue, isUnsatisfied } from './feedback.rules.js';
import {
  DueItem,
  FeedbackActionBody,
  FeedbackDetail,
  FeedbackListItem,
  FeedbackListQuery,
  FeedbackSubmit,
  RefParams,
  SimilarItem,
  VerificationConfirm,
  VerificationStart,
} from './feedback.schema.js';
import {
  allowedFeedbackActions,
  type FeedbackRow,
  itemPath,
  mayReadFeedback,
  performFeedbackAction,
  receiveFeedback,
} from './feedback.service.js';
import { feedbackDueSoon, feedbackHistory, getFeedback, listFeedback, similarFeedback } from './feedback.query.js';
import { confirmVerification, startVerification, verifiedContact } from './verification.service.js';
import { CODES_PER_CLIENT_PER_HOUR } from './verification.rules.js';

const tags = ['Phản ánh, kiến nghị (feedback)'];

export function listFields(item: FeedbackRow, clock: DeadlineClock) {
  return {
    id: item.id,
    code: item.code,
    channel: item.channel,
    status: item.status,
    category: item.category,
    title: item.title,
    unitId: item.unitId,
    receivedAt: item.receivedAt,
    answerDueAt: item.answerDueAt,
    timeState: feedbackTimeState(item, clock.now, clock.dueSoonBy),
    outcome: item.outcome,
    version: item.version,
  };
}

export function feedbackRoutes(app: App, { db, env, services, clock }: Deps): void {
  const { notifier } = services;
  const codeLimiter = new FixedWindowLimiter({ limit: CODES_PER_CLIENT_PER_HOUR, windowMs: 3_600_000 });

  app.post(
    '/api/feedback/contact-verifications',
    {
      config: { access: { public: 'anyone may send feedback, after verifying a contact' } },
      onRequest: rateLimitHook(codeLimiter),
      schema: {
        tags,
        summary: 'Send a one-time code to a phone or e-mail address (anonymous submitters)',
        body: VerificationStart,
        response: { 201: z.object({ id: z.uuid(), expiresAt: z.date() }), ...errorResponses(400, 422, 429) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await db.transaction((tx) => startVerification(tx, request.ctx, notifier, request.body, clock.now()))),
  );

  app.post(
    '/api/feedback/contact-verifications/:id/confirm',
    {
      config: { access: { public: 'anyone may send feedback, after verifying a contact' } },
      schema: {
        tags,
        summary: 'Confirm the code: returns a contact token for submitting, voting and complaining',
        params: z.object({ id: z.uuid() }),
        body: VerificationConfirm,
        response: {
          200: z.object({ contactToken: z.string(), expiresAt: z.date() }),
          ...errorResponses(400, 404, 422, 429),
        },
      },
    },
    async (request) => {
      const result = await db.transaction((tx) =>
        confirmVerification(tx, request.params.id, request.body.code, clock.now()),
      );
      if (!result.ok) throw new AppError(result.code);
      return { contactToken: result.token, expiresAt: result.expiresAt };
    },
  );

  app.post(
    '/api/feedback',
    {
      config: { access: { public: 'anyone may send feedback (verified contact); staff need feedback.receive' } },
      schema: {
        tags,
        summary:
          'Send feedback: a citizen or a verified contact through the portal; staff enter counter, phone and mail items',
        body: FeedbackSubmit,
        response: { 201: FeedbackDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { contactToken, ...input } = request.body;
      const actor = request.ctx.actor;
      if (actor && actor.kind !== 'citizen') authorize(actor, 'feedback.receive');
      const contact = !actor && contactToken ? await verifiedContact(db, contactToken, clock.now()) : null;
      const item = await db.transaction((tx) => receiveFeedback(tx, request.ctx, env, input, contact, clock.now()));
      // An anonymous submitter gets their item back once (they cannot read it later).
      return reply.status(201).send(await detail(actor, item));
    },
  );

  app.get(
    '/api/feedback',
    {
      config: { access: { action: 'feedback.handle', scope: 'own' } },
      schema: {
        tags,
        summary:
          'Feedback worklist: items routed to my units (and, for the provincial office, those awaiting classification), most urgent first; a citizen’s own',
        querystring: FeedbackListQuery,
        response: {
          200: z.object({ items: z.array(FeedbackListItem), total: z.number().int() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { unit, ...rest } = request.query;
      const deadlines = await deadlineClock(db, env, clock.now());
      const { items, total } = await listFeedback(db, { ...rest, ...(await scopeOf(actor, unit)) });
      return { items: items.map((i) => listFields(i, deadlines)), total };
    },
  );

  app.get(
    '/api/feedback/due-soon',
    {
      config: { access: { action: 'feedback.handle', scope: 'anywhere' } },
      schema: {
        tags,
        summary: 'Reminders: my units’ items whose answer or publication is due soon or overdue',
        response: { 200: z.object({ items: z.array(DueItem) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const scope = await scopeOf(actor, undefined);
      if (actor.kind === 'citizen') throw new AppError('FORBIDDEN', { action: 'feedback.handle' });
      const deadlines = await deadlineClock(db, env, clock.now());
      const rows = await feedbackDueSoon(db, deadlines, scope.unrouted ? undefined : scope.unitIds);
      return { items: rows.map((r) => ({ ...listFields(r.item, deadlines), dueAt: r.dueAt, state: r.state })) };
    },
  );

  app.get(
    '/api/feedback/:id',
    {
      config: { access: { action: 'feedback.handle', scope: 'record' } },
      schema: {
        tags,
        summary: 'A feedback item with its history and deadlines',
        params: RefParams,
        response: { 200: FeedbackDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return detail(actor, await readable(actor, request.params.id));
    },
  );

  app.get(
    '/api/feedback/:id/similar',
    {
      config: { access: { action: 'feedback.handle', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Possible duplicates: open items with similar text (pg_trgm), the same procedure ranked higher',
        params: RefParams,
        response: { 200: z.object({ items: z.array(SimilarItem) }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const item = await readable(actor, request.params.id);
      if (actor.kind === 'citizen') throw new AppError('FORBIDDEN', { action: 'feedback.handle' });
      return { items: await similarFeedback(db, item) };
    },
  );

  app.post(
    '/api/feedback/:id/actions',
    {
      config: { access: { action: 'feedback.handle', scope: 'record' } },
      schema: {
        tags,
        summary: 'Act on feedback: classify (and route), transfer, requestSupplement, supply, refuse, answer, publish',
        params: RefParams,
        body: FeedbackActionBody,
        response: { 200: FeedbackDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const item = await readable(actor, request.params.id);
      const updated = await db.transaction((tx) =>
        performFeedbackAction(tx, { ...request.ctx, actor }, env, item.id, request.body, clock.now()),
      );
      return detail(actor, updated);
    },
  );

  async function detail(actor: Actor | null, item: FeedbackRow) {
    const deadlines = await deadlineClock(db, env, clock.now());
    return {
      ...item,
      timeState: feedbackTimeState(item, deadlines.now, deadlines.dueSoonBy),
      unsatisfied: isUnsatisfied({
        likes: item.likes,
        dislikes: item.dislikes,
        complaints: item.complaints,
        overdue: isOverdue(item, deadlines.now),
      }),
      allowedActions: actor ? await allowedFeedbackActions(db, actor, item) : [],
      history: await feedbackHistory(db, item.id),
    };
  }

  /**
   * Staff see items routed into their units' subtrees; the provincial office also the unrouted
   * ones; the counter what it entered... through its unit's list once routed; citizens their own.
   */
  async function scopeOf(actor: Actor, unit: string | undefined) {
    if (actor.kind === 'citizen') return { submitterUserId: actor.userId };
    // A token reaches only the areas its scopes name.
    const held = (action: 'feedback.route' | 'feedback.handle') =>
      !actor.tokenScopes || tokenAllows(actor.tokenScopes, action) ? unitsWhere(actor, action) : [];
    const roots = [...new Set([...held('feedback.route'), ...held('feedback.handle')])];
    if (roots.length === 0) throw new AppError('FORBIDDEN', { action: 'feedback.handle' });
    if (unit) {
      const path = await unitPath(db, unit);
      if (!roots.some((r) => path.includes(r))) throw new AppError('FORBIDDEN', { action: 'feedback.handle' });
      return { unitIds: await subtreeIds(db, [unit]) };
    }
    return { unitIds: await subtreeIds(db, roots), unrouted: held('feedback.route').length > 0 };
  }

  async function readable(actor: Actor, ref: string): Promise<FeedbackRow> {
    const item = await getFeedback(db, ref);
    if (!mayReadFeedback(actor, item, await itemPath(db, item)))
      throw new AppError('FORBIDDEN', { action: 'feedback.read' });
    return item;
  }
}
