/**
 * The queue as the one-stop unit's staff run it: generating slots tells which days the calendar
 * closed, the day's slots with their bookings (personal data masked), and booking for a caller
 * who phones or walks in (đặt lịch hộ) — validated with codes, authorized at the slot's unit,
 * audited under the officer, and sharing the citizen booking's locked path: 50 parallel bookings
 * (citizens and officers mixed) for 10 places give exactly 10. PGlite and PostgreSQL.
 */
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/kernel/db.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { demoUnits } from '../fixtures/units.js';

let t: TestApp;
let admin: Session;
let tiepnhan: Session;
let chuyenvien: Session;
let lanhdao: Session;
let congdan: Session;
let centre: string;
let soTuPhap: string;
let hoTich: { id: string; fieldCode: string };
let chungThuc: { id: string; fieldCode: string };

// Mon 1/3/2027 … Sun 7/3/2027: five working days, then the weekend.
const MONDAY = '2027-03-01';

beforeAll(async () => {
  t = await createTestApp();
  [admin, tiepnhan, chuyenvien, lanhdao, congdan] = await Promise.all([
    t.login('admin'),
    t.login('tiepnhan'),
    t.login('chuyenvien'),
    t.login('lanhdao'),
    t.login('congdan'),
  ]);
  const unit = await demoUnits(t);
  centre = unit('Trung tâm Phục vụ hành chính công', true);
  soTuPhap = unit('Sở Tư pháp');
  hoTich = await procedureByCode(t, '2.000635');
  chungThuc = await procedureByCode(t, '2.000815');
  const entry = { fieldCode: 'HT', weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '09:00', minutes: 30, capacity: 10 };
  expect(
    (
      await tiepnhan.request({
        method: 'PUT',
        url: `/api/queue/units/${centre}/template`,
        payload: { entries: [entry] },
      })
    ).statusCode,
  ).toBe(200);
  expect(
    (
      await lanhdao.request({
        method: 'PUT',
        url: `/api/queue/units/${soTuPhap}/template`,
        payload: { entries: [entry] },
      })
    ).statusCode,
  ).toBe(200);
});
afterAll(() => t.close());

const rows = <T extends Record<string, unknown> = Record<string, unknown>>(query: SQL) =>
  queryRows<T>(t.handle.db, query);
const dayOf = (s: Session, date: string, unitId = centre) =>
  s.request({ url: `/api/queue/units/${unitId}/days/${date}` });
const bookFor = (s: Session, payload: Record<string, unknown>, unitId = centre) =>
  s.request({ method: 'POST', url: `/api/queue/units/${unitId}/bookings`, payload });
const caller = (slotId: string, over: Record<string, unknown> = {}) => ({
  slotId,
  procedureId: hoTich.id,
  name: 'Trần Thị Bình',
  phone: '0987 654 321',
  ...over,
});

interface DaySlot {
  id: string;
  startsAt: string;
  capacity: number;
  booked: number;
  bookings: {
    code: string;
    status: string;
    name: string;
    phone: string | null;
    personalId: string | null;
    forCaller: boolean;
  }[];
}
const daySlots = async (s: Session, date: string, unitId = centre) =>
  (await dayOf(s, date, unitId)).json().slots as DaySlot[];

describe('slots of a day', () => {
  it('generating says which days the calendar closed; the day lists each slot with booked / capacity', async () => {
    const res = await tiepnhan.request({
      method: 'POST',
      url: `/api/queue/units/${centre}/slots`,
      payload: { from: MONDAY, to: '2027-03-07' },
    });
    expect(res.json()).toEqual({
      created: 5 * 2,
      days: 5,
      skipped: [
        { date: '2027-03-06', reason: 'weekend', name: null },
        { date: '2027-03-07', reason: 'weekend', name: null },
      ],
    });
    const slots = await daySlots(tiepnhan, MONDAY);
    expect(slots.map((s) => [s.startsAt, s.capacity, s.booked, s.bookings.length])).toEqual([
      ['2027-03-01T01:00:00.000Z', 10, 0, 0],
      ['2027-03-01T01:30:00.000Z', 10, 0, 0],
    ]);
    expect(await daySlots(tiepnhan, '2027-03-06')).toEqual([]);
  });

  it('only staff managing the unit see its day', async () => {
    expect((await dayOf(chuyenvien, MONDAY)).statusCode).toBe(403);
    expect((await dayOf(congdan, MONDAY)).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/queue/units/${centre}/days/${MONDAY}` })).statusCode).toBe(401);
    expect((await dayOf(tiepnhan, '2027-02-30')).json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('booking for a caller (đặt lịch hộ)', () => {
  let slotId: string;
  let code: string;

  it('an officer books for a caller: a code, the booking in the day’s list masked and marked as booked for a caller', async () => {
    slotId = (await daySlots(tiepnhan, MONDAY))[1]!.id;
    const res = await bookFor(tiepnhan, caller(slotId, { personalId: '001090012345' }));
    expect(res.statusCode, res.body).toBe(201);
    code = res.json().code;
    expect(code).toMatch(/^LH-[2-9A-HJKMNP-Z]{8}$/);
    expect(res.json()).toMatchObject({
      status: 'booked',
      name: 'Trần Thị Bình',
      phone: '0987654321',
      procedureId: hoTich.id,
    });
    const [slot] = (await daySlots(tiepnhan, MONDAY)).filter((s) => s.id === slotId);
    expect(slot).toMatchObject({
      booked: 1,
      bookings: [
        {
          code,
          status: 'booked',
          name: 'T*** T** B***',
          phone: '*******321',
          personalId: '********2345',
          forCaller: true,
        },
      ],
    });
  });

  it('is audited under the officer, the phone and personal id masked', async () => {
    const [audit] = await rows<{ actor_name: string; summary: { after: Record<string, string | null> } }>(
      sql`select actor_name, summary from audit_log where action = 'queue.bookForCaller' order by id desc limit 1`,
    );
    const [officer] = await rows<{ id: string }>(sql`select id from users where username = 'tiepnhan'`);
    expect(audit!.summary.after).toMatchObject({
      code,
      bookedBy: officer!.id,
      userId: null,
      phone: '*******321',
      personalId: '********2345',
    });
    expect(JSON.stringify(audit)).not.toContain('0987654321');
    expect(JSON.stringify(audit)).not.toContain('001090012345');
  });

  it('refuses with codes: bad phone or personal id, missing name, the same caller twice, a slot of another unit or field', async () => {
    const badPhone = await bookFor(tiepnhan, caller(slotId, { phone: '12ab' }));
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.code).toBe('VALIDATION_FAILED');
    expect(badPhone.json().error.details.map((d: { path: string }) => d.path)).toEqual(['phone']);
    const badId = await bookFor(tiepnhan, caller(slotId, { personalId: '12345' }));
    expect(badId.json().error.details.map((d: { path: string; message: string }) => [d.path, d.message])).toEqual([
      ['personalId', 'Số định danh cá nhân gồm 12 chữ số (hoặc CMND 9 chữ số)'],
    ]);
    const { phone: _phone, ...noPhone } = caller(slotId);
    expect((await bookFor(tiepnhan, noPhone)).json().error.code).toBe('VALIDATION_FAILED');
    expect((await bookFor(tiepnhan, caller(slotId, { name: ' ' }))).json().error.code).toBe('VALIDATION_FAILED');
    // The same number written another way is the same caller.
    expect((await bookFor(tiepnhan, caller(slotId, { phone: '0987.654.321' }))).json().error.code).toBe(
      'QUEUE_CALLER_ALREADY_BOOKED',
    );
    expect((await bookFor(tiepnhan, caller(slotId, { procedureId: chungThuc.id }))).json().error.code).toBe(
      'QUEUE_FIELD_MISMATCH',
    );
    expect((await bookFor(tiepnhan, caller('00000000-0000-4000-8000-000000000000'))).json().error.code).toBe(
      'QUEUE_SLOT_NOT_FOUND',
    );
    await lanhdao.request({
      method: 'POST',
      url: `/api/queue/units/${soTuPhap}/slots`,
      payload: { from: MONDAY, to: MONDAY },
    });
    const elsewhere = (await daySlots(lanhdao, MONDAY, soTuPhap))[0]!.id;
    const other = await bookFor(tiepnhan, caller(elsewhere));
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({
      code: 'QUEUE_SLOT_OTHER_UNIT',
      message: expect.stringContaining('đơn vị khác'),
    });
  });

  it('only one-stop officers of the unit book for callers', async () => {
    expect((await bookFor(lanhdao, caller(slotId, { phone: '0911111111' }), soTuPhap)).statusCode).toBe(403);
    expect((await bookFor(chuyenvien, caller(slotId, { phone: '0911111111' }))).statusCode).toBe(403);
    expect((await bookFor(congdan, caller(slotId, { phone: '0911111111' }))).statusCode).toBe(403);
    expect((await bookFor(admin, caller(slotId, { phone: '0911111111' }))).statusCode).toBe(403);
  });

  it('staff cancel it through the booking API; the place is free again and the day shows it cancelled', async () => {
    const cancelled = await tiepnhan.request({ method: 'POST', url: `/api/queue/bookings/${code}/cancel` });
    expect(cancelled.json().status).toBe('cancelled');
    const [slot] = (await daySlots(tiepnhan, MONDAY)).filter((s) => s.id === slotId);
    expect(slot).toMatchObject({ booked: 0, bookings: [{ code, status: 'cancelled' }] });
    // The caller may book the slot again once the first booking is cancelled.
    expect((await bookFor(tiepnhan, caller(slotId))).statusCode).toBe(201);
  });
});

describe('capacity under concurrency', () => {
  it('25 citizens and 25 officer bookings at once for a 10-place slot: exactly 10 succeed, the rest are told it is full', async () => {
    const slotId = (await daySlots(tiepnhan, '2027-03-02'))[0]!.id;
    const password = 'MatKhau-Thu-2026';
    const citizens: Session[] = [];
    for (let i = 0; i < 25; i += 1) {
      const username = `congdan.s${i}`;
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
      citizens.push(await t.login(username, password));
    }
    const requests = citizens.flatMap((c, i) => [
      c.request({
        method: 'POST',
        url: '/api/queue/bookings',
        payload: { slotId, procedureId: hoTich.id, name: `Công dân ${i}` },
      }),
      bookFor(tiepnhan, caller(slotId, { name: `Người gọi ${i}`, phone: `09120000${String(i).padStart(2, '0')}` })),
    ]);
    const results = await Promise.all(requests);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(10);
    expect(results.filter((r) => r.statusCode !== 201).map((r) => r.json().error.code)).toEqual(
      Array(40).fill('QUEUE_SLOT_FULL'),
    );
    const [row] = await rows<{ booked: number; live: number }>(
      sql`select booked, (select count(*)::int from queue_bookings where slot_id = ${slotId} and status = 'booked') as live from queue_slots where id = ${slotId}`,
    );
    expect(row).toEqual({ booked: 10, live: 10 });
    const [slot] = (await daySlots(tiepnhan, '2027-03-02')).filter((s) => s.id === slotId);
    expect(slot!.bookings).toHaveLength(10);
  }, 120_000);
});
