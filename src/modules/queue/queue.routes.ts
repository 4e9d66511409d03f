/** Appointments and the counter queue: staff configuration and counters, citizens' bookings. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import type { Tx } from '../../kernel/db.js';
import { addDays } from '../calendar/dates.js';
import { authorize, can } from '../access/policy.js';
import { subtreeIds, todayInVietnam, unitPath } from '../org/units.service.js';
import { bookingByCode, bookingsOf, bookingView, bookSlot, cancelBooking } from './bookings.service.js';
import { bookForCaller, startOfVietnamDay, unitDay } from './counter-bookings.service.js';
import { publishQueueChange } from './queue-bus.js';
import { notifyQueueChange } from './queue-notify.js';
import { queueFigures } from './queue.query.js';
import {
  ActionBody,
  BookBody,
  Booking,
  CallerBookBody,
  CodeParams,
  CounterParams,
  DayParams,
  FiguresQuery,
  GenerateBody,
  GenerateResult,
  NextBody,
  QueueFigures,
  Slot,
  SlotsQuery,
  Template,
  Ticket,
  UnitDay,
  UnitParams,
} from './queue.schema.js';
import { availableSlots, generateSlots, getTemplate, saveTemplate } from './slots.service.js';
import { callNext, counterAction } from './tickets.service.js';

const tags = ['Lịch hẹn và xếp hàng (queue)'];

export function queueRoutes(app: App, { db, env, handle, clock }: Deps): void {
  /** On PostgreSQL the change is also announced to the other API processes (queue-notify.ts). */
  const announce = (tx: Tx, unitId: string) =>
    handle.engine === 'postgres' ? notifyQueueChange(tx, unitId) : Promise.resolve();

  const manage = async (
    request: FastifyRequest,
    unitId: string,
    action: 'queue.manage' | 'queue.serve' | 'queue.book',
  ) => {
    const actor = requireActor(request);
    authorize(actor, action, { unitPath: await unitPath(db, unitId) });
    return actor;
  };

  app.get(
    '/api/queue/units/:unitId/template',
    {
      config: { access: { action: 'queue.manage', scope: 'unit' } },
      schema: {
        tags,
        summary: "A unit's weekly booking template (queue.manage)",
        params: UnitParams,
        response: { 200: Template, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await manage(request, request.params.unitId, 'queue.manage');
      return { entries: await getTemplate(db, request.params.unitId) };
    },
  );

  app.put(
    '/api/queue/units/:unitId/template',
    {
      config: { access: { action: 'queue.manage', scope: 'unit' } },
      schema: {
        tags,
        summary:
          "Replace a unit's weekly booking template: counter groups (fields), times inside working hours, capacity per slot",
        params: UnitParams,
        body: Template,
        response: { 200: Template, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      await manage(request, request.params.unitId, 'queue.manage');
      return {
        entries: await db.transaction((tx) =>
          saveTemplate(tx, request.ctx, env.WORKING_PERIODS, request.params.unitId, request.body.entries, clock.now()),
        ),
      };
    },
  );

  app.post(
    '/api/queue/units/:unitId/slots',
    {
      config: { access: { action: 'queue.manage', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Generate booking slots from the template for a date range (working days only; existing slots kept)',
        params: UnitParams,
        body: GenerateBody,
        response: { 200: GenerateResult, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      await manage(request, request.params.unitId, 'queue.manage');
      return db.transaction((tx) => generateSlots(tx, request.ctx, env, request.params.unitId, request.body));
    },
  );

  app.get(
    '/api/queue/units/:unitId/days/:date',
    {
      config: { access: { action: 'queue.manage', scope: 'unit' } },
      schema: {
        tags,
        summary:
          "A unit's slots of a day with booked/capacity and their bookings, names and numbers masked (queue.manage)",
        params: DayParams,
        response: { 200: UnitDay, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await manage(request, request.params.unitId, 'queue.manage');
      return unitDay(db, request.params.unitId, request.params.date);
    },
  );

  app.post(
    '/api/queue/units/:unitId/bookings',
    {
      config: { access: { action: 'queue.book', scope: 'unit' } },
      schema: {
        tags,
        summary:
          'Book a slot of the unit for a caller who phones or walks in (đặt lịch hộ, queue.book): name, phone, optional personal id → a booking code',
        params: UnitParams,
        body: CallerBookBody,
        response: { 201: Booking, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const officer = await manage(request, request.params.unitId, 'queue.book');
      const booking = await db.transaction((tx) =>
        bookForCaller(tx, request.ctx, officer, request.params.unitId, request.body, clock.now()),
      );
      return reply.status(201).send(await bookingView(booking));
    },
  );

  app.post(
    '/api/queue/units/:unitId/counters/:counter/next',
    {
      config: { access: { action: 'queue.serve', scope: 'unit' } },
      schema: {
        tags,
        summary: 'Call the next ticket to a counter (priority order); the ticket it was serving is finished',
        params: CounterParams,
        body: NextBody,
        response: { 200: z.object({ ticket: Ticket.nullable() }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { unitId, counter } = request.params;
      await manage(request, unitId, 'queue.serve');
      const ticket = await db.transaction(async (tx) => {
        const called = await callNext(tx, request.ctx, unitId, counter, request.body?.fieldCodes, clock.now());
        await announce(tx, unitId);
        return called;
      });
      publishQueueChange(unitId);
      return { ticket };
    },
  );

  app.post(
    '/api/queue/units/:unitId/counters/:counter/actions',
    {
      config: { access: { action: 'queue.serve', scope: 'unit' } },
      schema: {
        tags,
        summary: "Recall, skip or finish the counter's current ticket",
        params: CounterParams,
        body: ActionBody,
        response: { 200: Ticket, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { unitId, counter } = request.params;
      await manage(request, unitId, 'queue.serve');
      const ticket = await db.transaction(async (tx) => {
        const done = await counterAction(tx, request.ctx, unitId, counter, request.body.action, clock.now());
        await announce(tx, unitId);
        return done;
      });
      publishQueueChange(unitId);
      return ticket;
    },
  );

  app.get(
    '/api/queue/figures',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary: "Waiting and service times of a unit's subtree per day (kpi.read)",
        querystring: FiguresQuery,
        response: { 200: QueueFigures, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { unit, from, to } = request.query;
      authorize(actor, 'kpi.read', { unitPath: await unitPath(db, unit) });
      return queueFigures(db, {
        unitIds: await subtreeIds(db, [unit]),
        from: startOfVietnamDay(from),
        to: startOfVietnamDay(addDays(to, 1)),
      });
    },
  );

  app.get(
    '/api/queue/slots',
    {
      config: { access: { public: 'free appointment slots' } },
      schema: {
        tags,
        summary:
          "Bookable slots for a procedure (its field's counters at every unit, or one), with the places left; no login",
        querystring: SlotsQuery,
        response: { 200: z.object({ slots: z.array(Slot) }), ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { procedureId, unitId, from, days } = request.query;
      const now = clock.now();
      const first = from ?? todayInVietnam(now);
      const start = new Date(Math.max(now.getTime(), startOfVietnamDay(first).getTime()));
      return {
        slots: await availableSlots(db, {
          procedureId,
          unitId,
          from: start,
          to: startOfVietnamDay(addDays(first, days)),
        }),
      };
    },
  );

  app.post(
    '/api/queue/bookings',
    {
      config: { access: { signedIn: 'a caller books an appointment for themself' } },
      schema: {
        tags,
        summary:
          'Book a slot (signed-in citizen): a booking code and its QR code; one live booking per person and slot',
        body: BookBody,
        response: { 201: Booking, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const booking = await db.transaction((tx) => bookSlot(tx, request.ctx, actor, request.body, clock.now()));
      return reply.status(201).send(await bookingView(booking));
    },
  );

  app.get(
    '/api/queue/bookings',
    {
      config: { access: { signedIn: 'the caller’s own appointments' } },
      schema: {
        tags,
        summary: 'My bookings, latest slot first',
        response: { 200: z.object({ items: z.array(Booking) }), ...errorResponses(401) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { items: await Promise.all((await bookingsOf(db, actor.userId)).map(bookingView)) };
    },
  );

  /** The owner, or staff managing the booking's unit. */
  const mayManage = async (actor: Parameters<typeof can>[0], unitId: string) =>
    can(actor, 'queue.manage', { unitPath: await unitPath(db, unitId) });

  app.get(
    '/api/queue/bookings/:code',
    {
      config: { access: { action: 'queue.manage', scope: 'record' } },
      schema: {
        tags,
        summary: 'A booking (its owner, or staff of its unit)',
        params: CodeParams,
        response: { 200: Booking, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const booking = await bookingByCode(db, request.params.code.trim().toUpperCase());
      if (booking.userId !== actor.userId)
        authorize(actor, 'queue.manage', { unitPath: await unitPath(db, booking.unitId) });
      return bookingView(booking);
    },
  );

  app.post(
    '/api/queue/bookings/:code/cancel',
    {
      config: { access: { action: 'queue.manage', scope: 'record' } },
      schema: {
        tags,
        summary: 'Cancel a booking before its slot starts; the place becomes free again',
        params: CodeParams,
        response: { 200: Booking, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const code = request.params.code.trim().toUpperCase();
      const { unitId } = await bookingByCode(db, code);
      const staff = await mayManage(actor, unitId);
      const booking = await db.transaction((tx) => cancelBooking(tx, request.ctx, code, staff, clock.now()));
      return bookingView(booking);
    },
  );
}
