/**
 * The queue without login: the display board (JSON and a server-sent-event stream) and kiosk
 * check-in. Check-in is rate-limited per client address like the public lookup.
 */
import { z } from 'zod';
import { errorResponses } from '../../kernel/schemas.js';
import { FixedWindowLimiter, rateLimitHook } from '../../kernel/rate-limit.js';
import type { App, Deps } from '../../kernel/http.js';
import { getUnit } from '../org/units.service.js';
import { publishQueueChange, subscribeQueue } from './queue-bus.js';
import { listenForQueueChanges, notifyQueueChange, type QueueListener } from './queue-notify.js';
import { Board, CheckInBody, IssuedTicket, UnitParams } from './queue.schema.js';
import { queueUnits } from './slots.service.js';
import { checkIn, queueBoard } from './tickets.service.js';

const tags = ['Lịch hẹn và xếp hàng (queue)'];
/** A comment line every 25 s keeps proxies from closing an idle stream. */
const KEEP_ALIVE_MS = 25_000;

export function queuePublicRoutes(app: App, { db, env, handle, clock }: Deps): void {
  // Several API processes on PostgreSQL: hear the others' changes (queue-notify.ts).
  if (handle.engine === 'postgres' && env.DATABASE_URL) {
    const url = env.DATABASE_URL;
    let listener: QueueListener | null = null;
    app.addHook('onReady', async () => {
      listener = await listenForQueueChanges(url, handle.schemaName, (error) =>
        app.log.warn({ err: error }, 'queue LISTEN connection failed'),
      );
    });
    app.addHook('onClose', async () => listener?.close());
  }
  const limiter = new FixedWindowLimiter({ limit: env.QUEUE_CHECKIN_RATE_PER_MINUTE, windowMs: 60_000 });
  const board = async (unitId: string) => {
    const { name } = await getUnit(db, unitId);
    return { ...(await queueBoard(db, unitId, clock.now())), unitName: name };
  };

  app.get(
    '/api/public/queue',
    {
      config: { access: { public: 'the public queue board' } },
      schema: {
        tags,
        summary: 'Units that run a counter queue (no login)',
        response: { 200: z.object({ units: z.array(z.object({ unitId: z.uuid(), unitName: z.string() })) }) },
      },
    },
    async () => ({ units: await queueUnits(db) }),
  );

  app.get(
    '/api/public/queue/:unitId',
    {
      config: { access: { public: 'the public queue board' } },
      schema: {
        tags,
        summary: 'The display board of a unit: numbers served per counter, the next ones (no login)',
        params: UnitParams,
        response: { 200: Board, ...errorResponses(400, 404) },
      },
    },
    async (request) => board(request.params.unitId),
  );

  app.get(
    '/api/public/queue/:unitId/events',
    {
      config: { access: { public: 'the public queue board' } },
      schema: {
        tags,
        summary:
          'The display board as server-sent events (text/event-stream): an `event: board` with the board JSON at once and after every change',
        params: UnitParams,
        response: { 200: z.string().describe('text/event-stream'), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { unitId } = request.params;
      let current = JSON.stringify(await board(unitId)); // 404 before the stream starts
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write(`retry: 3000\nevent: board\ndata: ${current}\n\n`);
      // Changes that arrive while the board is being read are folded into one more read.
      let reading = false;
      let again = false;
      const refresh = async (): Promise<void> => {
        if (reading) {
          again = true;
          return;
        }
        reading = true;
        try {
          do {
            again = false;
            const next = JSON.stringify(await board(unitId));
            if (next !== current && !raw.destroyed) raw.write(`event: board\ndata: ${next}\n\n`);
            current = next;
          } while (again);
        } catch (error) {
          request.log.warn({ err: error }, 'queue board refresh failed');
        } finally {
          reading = false;
        }
      };
      const unsubscribe = subscribeQueue(unitId, () => void refresh());
      const ping = setInterval(() => raw.write(': ping\n\n'), KEEP_ALIVE_MS);
      raw.on('close', () => {
        clearInterval(ping);
        unsubscribe();
      });
    },
  );

  app.post(
    '/api/public/queue/:unitId/tickets',
    {
      config: { access: { public: 'a walk-in takes a number at the kiosk' } },
      onRequest: rateLimitHook(limiter),
      schema: {
        tags,
        summary:
          'Kiosk check-in (no login): a booking code or its QR text, or a walk-in for a field → a numbered ticket',
        params: UnitParams,
        body: CheckInBody,
        response: { 201: IssuedTicket, ...errorResponses(400, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const { unitId } = request.params;
      await getUnit(db, unitId);
      const ticket = await db.transaction(async (tx) => {
        const issued = await checkIn(
          tx,
          request.ctx,
          unitId,
          request.body,
          clock.now(),
          env.QUEUE_NO_SHOW_GRACE_MINUTES,
        );
        if (handle.engine === 'postgres') await notifyQueueChange(tx, unitId);
        return issued;
      });
      publishQueueChange(unitId);
      return reply.status(201).send(ticket);
    },
  );
}
