/**
 * The notifications API: a person's inbox (with its unread count live over server-sent events)
 * and preferences; the administrator's templates (versions, preview) and delivery log; and the
 * Zalo ZNS delivery-report webhook.
 */
import { z } from 'zod';
import { type App, type Deps, requireActor } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import { authorize } from '../access/policy.js';
import {
  assertKind,
  deliveryLog,
  inbox,
  localeOf,
  markRead,
  preferencesOf,
  preview,
  saveTemplate,
  setLocale,
  setPreferences,
  templateOf,
  unreadCount,
} from './inbox.service.js';
import { KIND_NAMES } from './kinds.js';
import { acceptZnsReport } from './zns-webhook.js';
import {
  DeliveryLog,
  DeliveryQuery,
  Inbox,
  InboxQuery,
  KindParams,
  Preferences,
  PreferencesBody,
  PreviewBody,
  ReadBody,
  Template,
  Templates,
  TemplateSaveBody,
  TemplateText,
  Unread,
  ZnsCallback,
} from './notifications.schema.js';

const tags = ['Thông báo (notifications)'];
/** How often an open inbox stream looks for new messages (any API process may have written them). */
const STREAM_POLL_MS = 3_000;

export function notificationRoutes(app: App, { db, env, clock }: Deps): void {
  const own = { signedIn: 'the caller’s own inbox and preferences' } as const;

  app.get(
    '/api/notifications/inbox',
    {
      config: { access: own },
      schema: {
        tags,
        summary: 'My inbox, newest first, with the unread count',
        querystring: InboxQuery,
        response: { 200: Inbox, ...errorResponses(400, 401) },
      },
    },
    async (request) => inbox(db, requireActor(request).userId, request.query.limit),
  );

  app.get(
    '/api/notifications/inbox/unread',
    {
      config: { access: own },
      schema: {
        tags,
        summary: 'How many of my messages are unread',
        response: { 200: Unread, ...errorResponses(401) },
      },
    },
    async (request) => ({ unread: await unreadCount(db, requireActor(request).userId) }),
  );

  app.post(
    '/api/notifications/inbox/read',
    {
      config: { access: own },
      schema: {
        tags,
        summary: 'Mark one message (or all) read',
        body: ReadBody,
        response: { 200: Unread, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { userId } = requireActor(request);
      return { unread: await db.transaction((tx) => markRead(tx, userId, request.body.id, clock.now())) };
    },
  );

  app.get(
    '/api/notifications/inbox/stream',
    {
      config: { access: own },
      schema: {
        tags,
        summary:
          'The unread count as server-sent events (`event: unread`, data `{"unread": n}`) at once and on every change',
        response: { 200: z.string().describe('text/event-stream'), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const { userId } = requireActor(request);
      let last = await unreadCount(db, userId);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write(`retry: 3000\nevent: unread\ndata: ${JSON.stringify({ unread: last })}\n\n`);
      let busy = false;
      const poll = setInterval(() => {
        if (busy) return;
        busy = true;
        unreadCount(db, userId)
          .then((n) => {
            if (n !== last && !raw.destroyed) raw.write(`event: unread\ndata: ${JSON.stringify({ unread: n })}\n\n`);
            else if (!raw.destroyed) raw.write(': ping\n\n');
            last = n;
          })
          .catch((error: unknown) => request.log.warn({ err: error }, 'inbox stream read failed'))
          .finally(() => {
            busy = false;
          });
      }, STREAM_POLL_MS);
      raw.on('close', () => clearInterval(poll));
    },
  );

  app.get(
    '/api/notifications/preferences',
    {
      config: { access: own },
      schema: {
        tags,
        summary: 'My channels per kind of message (legal notices always on) and my language for messages',
        response: { 200: Preferences, ...errorResponses(401) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return {
        items: await preferencesOf(db, actor.userId, actor.kind === 'staff'),
        locale: await localeOf(db, actor.userId),
      };
    },
  );

  app.put(
    '/api/notifications/preferences',
    {
      config: { access: own },
      schema: {
        tags,
        summary: 'Switch channels on or off per kind of message; choose the language of my messages',
        body: PreferencesBody,
        response: { 200: Preferences, ...errorResponses(400, 401, 404, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { items, locale } = request.body;
      await db.transaction(async (tx) => {
        await setPreferences(tx, actor.userId, items, clock.now());
        if (locale) await setLocale(tx, actor.userId, locale, clock.now());
      });
      return {
        items: await preferencesOf(db, actor.userId, actor.kind === 'staff'),
        locale: await localeOf(db, actor.userId),
      };
    },
  );

  const manage = { action: 'notification.manage', scope: 'anywhere' } as const;

  app.get(
    '/api/notifications/templates',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Every template in force (Vietnamese and English) with its variables',
        response: { 200: Templates, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'notification.manage');
      const items = [];
      for (const kind of KIND_NAMES) items.push(await templateOf(db, kind));
      return { items };
    },
  );

  app.post(
    '/api/notifications/templates/:kind/preview',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'A text rendered with sample values (nothing saved)',
        params: KindParams,
        body: PreviewBody,
        response: { 200: TemplateText, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'notification.manage');
      const { sample, ...text } = request.body;
      return preview(assertKind(request.params.kind), text, sample);
    },
  );

  app.post(
    '/api/notifications/templates/:kind',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Save a new version of a template in one language',
        params: KindParams,
        body: TemplateSaveBody,
        response: { 201: Template, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'notification.manage');
      const kind = assertKind(request.params.kind);
      const { locale, ...text } = request.body;
      await db.transaction((tx) => saveTemplate(tx, { ...request.ctx, actor }, kind, locale, text, clock.now()));
      reply.status(201).send(await templateOf(db, kind));
    },
  );

  app.get(
    '/api/notifications/messages',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'The delivery log (addresses masked, no texts): failures and bounces first by filter',
        querystring: DeliveryQuery,
        response: { 200: DeliveryLog, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'notification.manage');
      return { items: await deliveryLog(db, (request.query.status ?? '').split(','), request.query.limit) };
    },
  );

  app.post(
    '/api/notifications/zalo/callback',
    {
      config: { access: { public: 'Zalo posts delivery reports; the X-ZEvent-Signature proves the sender' } },
      schema: {
        tags,
        summary: 'Zalo ZNS delivery report (webhook)',
        body: ZnsCallback,
        response: { 200: z.object({ updated: z.boolean() }), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const signature = String(request.headers['x-zevent-signature'] ?? '');
      const app = { appId: env.ZALO_APP_ID, secret: env.ZALO_APP_SECRET };
      return { updated: await db.transaction((tx) => acceptZnsReport(tx, request.body, signature, app, clock.now())) };
    },
  );
}
