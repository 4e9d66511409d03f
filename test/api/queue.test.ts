/**
 * Appointments and the counter queue through the API: the weekly template and slots on working
 * days only, bookings (no overbooking under 50 parallel requests for 10 places, one booking per
 * person and slot, cancel frees the place), reminders through the Notifier, no-shows, kiosk
 * check-in, the priority order at the counters, and the waiting/service-time figures computed
 * by hand from moved timestamps. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL with
 * a real connection pool (the concurrency test then has truly parallel transactions).
 */
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  bookingsDueForReminder,
  recordNoShows,
  runQueueJobs,
  sendBookingReminders,
} from '../../src/modules/queue/bookings.service.js';
import { subscribeQueue } from '../../src/modules/queue/queue-bus.js';
import { listenForQueueChanges, notifyQueueChange } from '../../src/modules/queue/queue-notify.js';
import { queueFigures } from '../../src/modules/queue/queue.query.js';
import { queryRows } from '../../src/kernel/db.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { demoUnits } from '../fixtures/units.js';

let t: TestApp;
let admin: Session;
let tiepnhan: Session;
let chuyenvien: Session;
let kstthc: Session;
let congdan: Session;
let centre: string;
let hoTich: { id: string; fieldCode: string };
let chungThuc: { id: string; fieldCode: string };

/**
 * Mon 21/12/2026 09:00 in Vietnam: a working morning a week before the slots of 28–31/12/2026 that
 * are generated, listed, booked and reminded below (listing and booking refuse slots already
 * started), and well inside one day for the kiosk's per-day ticket numbers. The queue reads the
 * time from Date only (nothing asserted here comes from SQL now()), so faking Date is enough. The
 * whole file runs from it, logins included: sessions made at the real time would have expired
 * (idle 2 h, at most 12 h) if Date were moved forward to it afterwards.
 */
const MONDAY_MORNING = new Date('2026-12-21T02:00:00Z');

const template = (over: Record<string, unknown> = {}) => ({
  fieldCode: 'HT',
  weekdays: [1, 2, 3, 4, 5],
  start: '08:00',
  end: '09:00',
  minutes: 30,
  capacity: 10,
  ...over,
});

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: MONDAY_MORNING, shouldAdvanceTime: true });
  t = await createTestApp({ env: { QUEUE_CHECKIN_RATE_PER_MINUTE: '1000' } });
  [admin, tiepnhan, chuyenvien, kstthc, congdan] = await Promise.all([
    t.login('admin'),
    t.login('tiepnhan'),
    t.login('chuyenvien'),
    t.login('kstthc'),
    t.login('congdan'),
  ]);
  centre = (await demoUnits(t))('Trung tâm Phục vụ hành chính công', true);
  hoTich = await procedureByCode(t, '2.000635');
  chungThuc = await procedureByCode(t, '2.000815');
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

const rows = <T extends Record<string, unknown> = Record<string, unknown>>(query: SQL) =>
  queryRows<T>(t.handle.db, query);

const putTemplate = (s: Session, entries: unknown[]) =>
  s.request({ method: 'PUT', url: `/api/queue/units/${centre}/template`, payload: { entries } });
const generate = (s: Session, from: string, to: string) =>
  s.request({ method: 'POST', url: `/api/queue/units/${centre}/slots`, payload: { from, to } });
const slotsOf = async (procedureId: string, from: string, days = 7) =>
  (await t.app.inject({ url: `/api/queue/slots?procedureId=${procedureId}&from=${from}&days=${days}` })).json()
    .slots as { id: string; startsAt: string; remaining: number }[];
const book = (s: Session, slotId: string, procedureId = hoTich.id) =>
  s.request({
    method: 'POST',
    url: '/api/queue/bookings',
    payload: { slotId, procedureId, name: 'Nguyễn Văn An', phone: '0912345678' },
  });
const kiosk = (payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/public/queue/${centre}/tickets`, payload });
const next = (s: Session, counter: number, fieldCodes?: string[]) =>
  s.request({
    method: 'POST',
    url: `/api/queue/units/${centre}/counters/${counter}/next`,
    payload: fieldCodes ? { fieldCodes } : {},
  });
const counterDo = (s: Session, counter: number, action: string) =>
  s.request({ method: 'POST', url: `/api/queue/units/${centre}/counters/${counter}/actions`, payload: { action } });

/** Citizens of their own, so 50 different people book at once. */
async function citizens(n: number): Promise<Session[]> {
  const password = 'MatKhau-Thu-2026';
  const sessions: Session[] = [];
  for (let i = 0; i < n; i += 1) {
    const username = `congdan.q${i}`;
    const res = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: {
        username,
        fullName: `Công dân ${i}`,
        kind: 'citizen',
        password,
        roles: [{ role: 'citizen', unitId: null }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    sessions.push(await t.login(username, password));
  }
  return sessions;
}

describe('template and slots', () => {
  it('only the unit’s one-stop officers and leaders set the template; times stay inside working hours', async () => {
    expect((await putTemplate(chuyenvien, [template()])).statusCode).toBe(403);
    const bad = await putTemplate(tiepnhan, [
      template({ start: '07:00', end: '08:00' }),
      template({ fieldCode: 'NOPE' }),
    ]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('QUEUE_TEMPLATE_INVALID');
    expect(
      bad
        .json()
        .error.details.problems.map((p: { code: string }) => p.code)
        .sort(),
    ).toEqual(['OUTSIDE_WORKING_HOURS', 'UNKNOWN_FIELD']);
    const ok = await putTemplate(tiepnhan, [
      template(),
      template({ fieldCode: 'CT', start: '14:00', end: '15:00', minutes: 60, capacity: 5 }),
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await tiepnhan.request({ url: `/api/queue/units/${centre}/template` })).json().entries).toHaveLength(2);
    const offered = async () =>
      (await t.app.inject({ url: '/api/public/queue' })).json().units.map((u: { unitId: string }) => u.unitId);
    expect(await offered()).toContain(centre);
    // An emptied template serves no field: the kiosk no longer offers the unit.
    expect((await putTemplate(tiepnhan, [])).statusCode).toBe(200);
    expect(await offered()).not.toContain(centre);
    expect((await putTemplate(tiepnhan, ok.json().entries)).statusCode).toBe(200);
  });

  it('generates slots on working days only: none on New Year’s Day or the weekend; again is a no-op', async () => {
    // Mon 28/12/2026 … Sun 3/1/2027: four working days, 1/1 a holiday, 2–3/1 the weekend.
    const res = await generate(tiepnhan, '2026-12-28', '2027-01-03');
    const skipped = [
      { date: '2027-01-01', reason: 'holiday', name: expect.any(String) },
      { date: '2027-01-02', reason: 'weekend', name: null },
      { date: '2027-01-03', reason: 'weekend', name: null },
    ];
    expect(res.json()).toEqual({ created: 4 * 3, days: 4, skipped });
    expect((await generate(tiepnhan, '2026-12-28', '2027-01-03')).json()).toEqual({ created: 0, days: 4, skipped });
    const slots = await slotsOf(hoTich.id, '2026-12-28');
    expect(slots.map((s) => s.startsAt)).toEqual(
      ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'].flatMap((d) => [
        `${d}T01:00:00.000Z`,
        `${d}T01:30:00.000Z`,
      ]),
    );
    expect(slots.every((s) => s.remaining === 10)).toBe(true);
    expect(await slotsOf(chungThuc.id, '2026-12-28')).toHaveLength(4);
    expect((await generate(tiepnhan, '2027-01-01', '2026-12-01')).json().error.code).toBe('QUEUE_RANGE_INVALID');
  });
});

describe('booking', () => {
  let slotId: string;
  let winners: Session[];
  let losers: Session[];

  it('50 parallel bookings for a 10-place slot: exactly 10 succeed, the rest are told it is full', async () => {
    slotId = (await slotsOf(hoTich.id, '2026-12-28'))[0]!.id;
    const people = await citizens(50);
    const results = await Promise.all(people.map((p) => book(p, slotId)));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(results.filter((r) => r.statusCode !== 201).map((r) => r.json().error.code)).toEqual(
      Array(40).fill('QUEUE_SLOT_FULL'),
    );
    const [row] = await rows<{ booked: number; live: number }>(
      sql`select booked, (select count(*)::int from queue_bookings where slot_id = ${slotId} and status = 'booked') as live from queue_slots where id = ${slotId}`,
    );
    expect(row).toEqual({ booked: 10, live: 10 });
    winners = people.filter((_, i) => results[i]!.statusCode === 201);
    losers = people.filter((_, i) => results[i]!.statusCode !== 201);
    expect(await slotsOf(hoTich.id, '2026-12-28').then((s) => s.find((x) => x.id === slotId))).toBeUndefined();
  }, 120_000);

  it('a booking has a code and a QR code; the same person cannot book the same slot twice', async () => {
    const other = (await slotsOf(hoTich.id, '2026-12-28'))[0]!.id;
    const res = await book(congdan, other);
    expect(res.statusCode, res.body).toBe(201);
    const booking = res.json();
    expect(booking.code).toMatch(/^LH-[2-9A-HJKMNP-Z]{8}$/);
    expect(booking.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(booking.qrText).toBe(`MOTCUA ${booking.code}`);
    expect((await book(congdan, other)).json().error.code).toBe('QUEUE_ALREADY_BOOKED');
    expect(
      (await congdan.request({ url: '/api/queue/bookings' })).json().items.map((b: { code: string }) => b.code),
    ).toContain(booking.code);
    expect((await chuyenvien.request({ url: `/api/queue/bookings/${booking.code}` })).statusCode).toBe(403);
    expect((await tiepnhan.request({ url: `/api/queue/bookings/${booking.code}` })).json().name).toBe('Nguyễn Văn An');
  });

  it('refuses a slot of another field, staff accounts and anonymous callers', async () => {
    expect((await book(congdan, slotId, chungThuc.id)).json().error.code).toBe('QUEUE_FIELD_MISMATCH');
    expect((await book(tiepnhan, slotId)).json().error.code).toBe('QUEUE_CITIZEN_ONLY');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/queue/bookings',
          payload: { slotId, procedureId: hoTich.id, name: 'Ai đó' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('cancelling frees the place for someone else; only the owner or the unit’s staff cancel', async () => {
    const code = (await winners[0]!.request({ url: '/api/queue/bookings' })).json().items[0].code as string;
    expect((await losers[0]!.request({ method: 'POST', url: `/api/queue/bookings/${code}/cancel` })).statusCode).toBe(
      403,
    );
    const cancelled = await winners[0]!.request({ method: 'POST', url: `/api/queue/bookings/${code}/cancel` });
    expect(cancelled.json().status).toBe('cancelled');
    expect(
      (await winners[0]!.request({ method: 'POST', url: `/api/queue/bookings/${code}/cancel` })).json().error.code,
    ).toBe('BOOKING_NOT_CANCELLABLE');
    expect((await book(losers[0]!, slotId)).statusCode).toBe(201);
    expect((await book(losers[1]!, slotId)).json().error.code).toBe('QUEUE_SLOT_FULL');
  });

  it('reminds once, through the Notifier, within the lead time; records no-shows after the slot', async () => {
    const start = new Date('2026-12-28T01:00:00Z');
    const due = await bookingsDueForReminder(t.handle.db, new Date(start.getTime() - 2 * 3_600_000), 24);
    // The ten of the 08:00 slot and congdan's 08:30 booking.
    expect(due).toHaveLength(11);
    expect(await bookingsDueForReminder(t.handle.db, new Date(start.getTime() - 25 * 3_600_000), 24)).toHaveLength(0);
    const sent = await t.handle.db.transaction((tx) =>
      sendBookingReminders(tx, t.deps.services.notifier, new Date(start.getTime() - 2 * 3_600_000), 24),
    );
    expect(sent).toBe(11);
    expect(
      await t.handle.db.transaction((tx) =>
        sendBookingReminders(tx, t.deps.services.notifier, new Date(start.getTime() - 3_600_000), 24),
      ),
    ).toBe(0);
    const messages = await rows<{ body: string }>(
      sql`select body from notification_messages where kind = 'queue.booking-reminder'`,
    );
    expect(messages).toHaveLength(11);
    expect(messages.filter((m) => m.body.includes('08:00 28/12/2026')).length).toBe(10);
    expect(messages.every((m) => m.body.includes('28/12/2026') && /LH-[2-9A-Z]{8}/.test(m.body))).toBe(true);

    const end = new Date('2026-12-28T01:30:00Z');
    expect(await t.handle.db.transaction((tx) => recordNoShows(tx, new Date(end.getTime() + 15 * 60_000), 15))).toEqual(
      [],
    );
    const marked = await t.handle.db.transaction((tx) => recordNoShows(tx, new Date(end.getTime() + 16 * 60_000), 15));
    expect(marked).toHaveLength(10);
    const statuses = await rows(
      sql`select status, count(*)::int as n from queue_bookings where slot_id = ${slotId} group by status order by status`,
    );
    expect(statuses).toEqual([
      { status: 'cancelled', n: 1 },
      { status: 'noShow', n: 10 },
    ]);
  });

  it('the job function sends the due reminders and records the no-shows with the configured times', async () => {
    const slot29 = (await slotsOf(hoTich.id, '2026-12-29', 1))[0]!;
    expect(slot29.startsAt).toBe('2026-12-29T01:00:00.000Z');
    expect((await book(congdan, slot29.id)).statusCode).toBe(201);
    // 29/12 07:00 Vietnam: the 29th's 08:00 booking is due (24 h lead); congdan's 28th 08:30 one, never checked in, is a no-show.
    expect(
      await runQueueJobs(t.deps.db, t.deps.env, t.deps.services.notifier, new Date('2026-12-29T00:00:00Z')),
    ).toEqual({ reminded: 1, noShows: 1 });
    expect(
      await runQueueJobs(t.deps.db, t.deps.env, t.deps.services.notifier, new Date('2026-12-29T00:05:00Z')),
    ).toEqual({ reminded: 0, noShows: 0 });
  });
});

describe('check-in and counters', () => {
  let bookingCode: string;

  it('a booking checks in at the kiosk by its QR text; walk-ins by field; numbers run 1, 2, 3 …', async () => {
    // A slot starting in 30 minutes (check-in opens an hour before).
    const now = Date.now();
    const [slot] = await rows<{ id: string }>(
      sql`insert into queue_slots (unit_id, field_code, starts_at, ends_at, capacity) values (${centre}, 'HT', ${new Date(now + 30 * 60_000).toISOString()}, ${new Date(now + 60 * 60_000).toISOString()}, 5) returning id`,
    );
    const booked = (await book(congdan, slot!.id)).json();
    bookingCode = booked.code;
    const a = await kiosk({ bookingCode: booked.qrText });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({
      number: 1,
      label: '001',
      booked: true,
      fieldCode: 'HT',
      status: 'waiting',
      ahead: 0,
    });
    expect((await kiosk({ bookingCode: booked.code })).json().error.code).toBe('BOOKING_ALREADY_CHECKED_IN');
    expect((await kiosk({ bookingCode: 'LH-ZZZZZZZZ' })).json().error.code).toBe('BOOKING_NOT_FOUND');
    expect((await kiosk({ bookingCode: 'xin chào' })).json().error.code).toBe('BOOKING_CODE_INVALID');
    expect((await kiosk({ fieldCode: 'HT' })).json()).toMatchObject({ number: 2, booked: false, ahead: 1 });
    expect((await kiosk({ fieldCode: 'HT', elderly: true })).json()).toMatchObject({
      number: 3,
      elderly: true,
      ahead: 0,
    });
    expect((await kiosk({ fieldCode: 'HT', disabled: true })).json()).toMatchObject({ number: 4, ahead: 1 });
    expect((await kiosk({ fieldCode: 'DD' })).json().error.code).toBe('QUEUE_FIELD_NOT_SERVED');
  });

  it('counters call elderly/disabled first, then the booking, then walk-ins; the board shows who is served', async () => {
    expect((await next(chuyenvien, 1)).statusCode).toBe(403);
    expect((await counterDo(tiepnhan, 1, 'finish')).json().error.code).toBe('QUEUE_NO_CURRENT_TICKET');
    const called: number[] = [];
    called.push((await next(tiepnhan, 1)).json().ticket.number);
    called.push((await next(tiepnhan, 2)).json().ticket.number);
    let board = (await t.app.inject({ url: `/api/public/queue/${centre}` })).json();
    expect(board.serving.map((s: { counter: number; label: string }) => `${s.counter}:${s.label}`)).toEqual([
      '1:003',
      '2:004',
    ]);
    expect(board.next.map((n: { label: string; priority: string }) => `${n.label}/${n.priority}`)).toEqual([
      '001/booked',
      '002/none',
    ]);
    expect(JSON.stringify(board)).not.toContain('Nguyễn');
    expect((await counterDo(tiepnhan, 1, 'recall')).json()).toMatchObject({ number: 3, recalls: 1, status: 'called' });
    called.push((await next(tiepnhan, 1)).json().ticket.number); // finishes 3
    expect((await counterDo(tiepnhan, 2, 'skip')).json()).toMatchObject({ number: 4, status: 'skipped' });
    called.push((await next(tiepnhan, 2)).json().ticket.number);
    expect(called).toEqual([3, 4, 1, 2]);
    expect((await next(tiepnhan, 3)).json()).toEqual({ ticket: null });
    board = (await t.app.inject({ url: `/api/public/queue/${centre}` })).json();
    expect(board.waitingCount).toBe(0);
    const tickets = await rows(
      sql`select number, status, counter_number from queue_tickets where unit_id = ${centre} order by number`,
    );
    expect(tickets).toEqual([
      { number: 1, status: 'called', counter_number: 1 },
      { number: 2, status: 'called', counter_number: 2 },
      { number: 3, status: 'done', counter_number: 1 },
      { number: 4, status: 'skipped', counter_number: 2 },
    ]);
    const booking = (await congdan.request({ url: `/api/queue/bookings/${bookingCode}` })).json();
    expect(booking.status).toBe('checkedIn');
  });

  it('ticket numbers stay unique under 20 parallel check-ins', async () => {
    const issued = await Promise.all(Array.from({ length: 20 }, () => kiosk({ fieldCode: 'CT' })));
    expect(issued.every((r) => r.statusCode === 201)).toBe(true);
    expect(issued.map((r) => r.json().number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => 5 + i),
    );
  });
});

describe('waiting-time figures', () => {
  it('averages waiting (check-in → called) and service (called → done) per unit and day, from moved timestamps', async () => {
    // Four tickets of 10/2/2026, computed by hand: waits 10, 30, 50 min (one never called);
    // services 15 and 5 min (the skipped one has none). Averages 30.0 and 10.0; 2 called within 30.
    const day = '2026-02-10';
    const at = (hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`).toISOString();
    const moved: [number, string, string, string | null, string | null][] = [
      [1, 'done', at('08:00'), at('08:10'), at('08:25')],
      [2, 'done', at('08:05'), at('08:35'), at('08:40')],
      [3, 'skipped', at('08:06'), at('08:56'), at('08:57')],
      [4, 'waiting', at('08:07'), null, null],
    ];
    for (const [number, status, checkedIn, called, finished] of moved) {
      await t.handle.db.execute(
        sql`insert into queue_tickets (unit_id, day, number, field_code, status, checked_in_at, called_at, finished_at) values (${centre}, ${day}, ${number}, 'HT', ${status}, ${checkedIn}, ${called}, ${finished})`,
      );
    }
    const expected = {
      tickets: 4,
      called: 3,
      calledWithinTarget: 2,
      served: 2,
      averageWaitingMinutes: 30,
      averageServiceMinutes: 10,
    };
    const figures = await queueFigures(t.handle.db, {
      unitIds: [centre],
      from: new Date(`${day}T00:00:00+07:00`),
      to: new Date('2026-02-11T00:00:00+07:00'),
    });
    expect(figures).toMatchObject(expected);
    expect(figures.byUnitDay).toEqual([
      { unitId: centre, day, tickets: 4, called: 3, averageWaitingMinutes: 30, averageServiceMinutes: 10 },
    ]);
    const api = await kstthc.request({ url: `/api/queue/figures?unit=${centre}&from=${day}&to=${day}` });
    expect(api.json()).toMatchObject(expected);
    expect(
      (await chuyenvien.request({ url: `/api/queue/figures?unit=${centre}&from=${day}&to=${day}` })).statusCode,
    ).toBe(403);
    expect(await queueFigures(t.handle.db, { unitIds: [], from: new Date(), to: new Date() })).toMatchObject({
      tickets: 0,
      averageWaitingMinutes: null,
    });
  });
});

describe('display stream (server-sent events)', () => {
  it('sends the board at once and again after a check-in; an unknown unit is a 404 before any stream', async () => {
    const base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const missing = await fetch(`${base}/api/public/queue/7b0a4a52-63c1-4f8e-9d55-0c2f4d3b1a99/events`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('UNIT_NOT_FOUND');
    const abort = new AbortController();
    const res = await fetch(`${base}/api/public/queue/${centre}/events`, { signal: abort.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    /** The next `event: board` message's data, parsed. */
    const nextBoard = async (): Promise<{ waitingCount: number }> => {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^event: board\ndata: (.*)$/m.exec(message);
          if (data) return JSON.parse(data[1]!);
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += value;
      }
    };
    try {
      const first = await nextBoard();
      expect((await kiosk({ fieldCode: 'HT' })).statusCode).toBe(201);
      const second = await nextBoard();
      expect(second.waitingCount).toBe(first.waitingCount + 1);
    } finally {
      abort.abort();
    }
  });
});

describe('several API processes (PostgreSQL LISTEN/NOTIFY)', () => {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) console.log('queue LISTEN/NOTIFY test skipped: it needs TEST_DATABASE_URL (PostgreSQL)');
  (url ? it : it.skip)(
    'a change committed anywhere reaches this process’s bus; a rolled-back one does not',
    async () => {
      const listener = await listenForQueueChanges(url!, t.handle.schemaName);
      const heard: string[] = [];
      const unsubscribe = subscribeQueue(centre, () => heard.push(centre));
      try {
        await t.handle.db.transaction((tx) => notifyQueueChange(tx, centre)).catch(() => {});
        await t.handle.db
          .transaction(async (tx) => {
            await notifyQueueChange(tx, centre);
            tx.rollback();
          })
          .catch(() => {});
        await expect.poll(() => heard.length, { timeout: 5_000 }).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(heard).toHaveLength(1);
        // Through the API: a kiosk check-in notifies too (and publishes locally: heard twice here).
        await kiosk({ fieldCode: 'HT' });
        await expect.poll(() => heard.length, { timeout: 5_000 }).toBe(3);
      } finally {
        unsubscribe();
        await listener.close();
      }
    },
  );
});
