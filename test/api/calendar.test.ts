import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingTime } from '../../src/modules/calendar/calendar.rules.js';
import { loadWorkingCalendar } from '../../src/modules/calendar/calendar.service.js';
import { auditLog } from '../../src/modules/audit/audit.table.js';
import { calendarDays, calendarYears } from '../../src/modules/calendar/calendar.tables.js';
import { outboxEvents } from '../../src/modules/outbox/outbox.table.js';
import { createTestApp, type TestApp } from '../../src/app/testing/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const due = (from: string, amount: string) => get(`/api/calendar/due?from=${encodeURIComponent(from)}&${amount}`);

describe('GET /api/calendar/due (public)', () => {
  it('1 working day from Friday 13 Feb 2026 16:00 skips the weekend, Tết 16–20 Feb and the next weekend', async () => {
    const res = await due('2026-02-13T16:00:00+07:00', 'workingDays=1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ due: '2026-02-23T16:00:00+07:00' });
  });

  it('accepts any offset and answers in +07:00; working hours count inside office hours only', async () => {
    expect((await due('2026-02-13T09:00:00Z', 'workingDays=1')).json()).toEqual({ due: '2026-02-23T16:00:00+07:00' });
    // 16:00 + 2 h: one hour on Friday, one on Monday 23/2 from 07:30.
    expect((await due('2026-02-13T16:00:00+07:00', 'workingHours=2')).json()).toEqual({
      due: '2026-02-23T08:30:00+07:00',
    });
    // Half a day from 07:30 = 3 h 45 → 11:15.
    expect((await due('2026-03-02T07:30:00+07:00', 'workingDays=0.5')).json()).toEqual({
      due: '2026-03-02T11:15:00+07:00',
    });
  });

  it('tolerates a "+" that arrived as a space (unencoded URL)', async () => {
    const res = await get('/api/calendar/due?from=2026-02-13T16:00:00+07:00&workingDays=1');
    expect(res.json()).toEqual({ due: '2026-02-23T16:00:00+07:00' });
  });

  it('refuses a time without offset with 400 VALIDATION_FAILED in Vietnamese', async () => {
    const res = await due('2026-02-13T16:00:00', 'workingDays=1');
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/không hợp lệ/);
    expect(error.details).toEqual([
      expect.objectContaining({ in: 'querystring', path: 'from', message: expect.stringContaining('múi giờ') }),
    ]);
  });

  it('needs exactly one of workingDays and workingHours, and half-day steps', async () => {
    expect((await due('2026-02-13T16:00:00+07:00', 'workingDays=1&workingHours=2')).statusCode).toBe(400);
    expect((await get(`/api/calendar/due?from=${encodeURIComponent('2026-02-13T16:00:00+07:00')}`)).statusCode).toBe(
      400,
    );
    const third = await due('2026-02-13T16:00:00+07:00', 'workingDays=0.3');
    expect(third.statusCode).toBe(400);
    expect(third.json().error.code).toBe('VALIDATION_FAILED');
    expect((await due('2026-02-13T16:00:00+07:00', 'workingDays=-1')).statusCode).toBe(400);
  });

  it('answers 422 CALENDAR_YEAR_OUT_OF_RANGE past 2100', async () => {
    const res = await due('2100-12-31T16:00:00+07:00', 'workingDays=1');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
  });
});

describe('GET /api/calendar/between (public)', () => {
  it('counts working minutes across Tết 2026', async () => {
    const from = encodeURIComponent('2026-02-13T16:00:00+07:00');
    const to = encodeURIComponent('2026-02-23T16:00:00+07:00');
    const res = await get(`/api/calendar/between?from=${from}&to=${to}`);
    expect(res.json()).toEqual({ minutes: 450, workingDays: 1 });
  });
});

describe('GET /api/calendar/{year} (public)', () => {
  it('2026 is the shipped official schedule, sorted by date', async () => {
    const res = await get('/api/calendar/2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.year).toBe(2026);
    const dates = body.days.map((d: { date: string }) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(body.days).toContainEqual({
      date: '2026-01-10',
      kind: 'makeUpWorkday',
      name: expect.any(String),
      source: 'official',
    });
    expect(body.days).toContainEqual(
      expect.objectContaining({ date: '2026-04-27', kind: 'holiday', source: 'official' }),
    );
    expect(dates.filter((d: string) => d >= '2026-02-16' && d <= '2026-02-20')).toHaveLength(5);
  });

  it('2027 is proposed by the rules (Tết Sat 6 Feb 2027)', async () => {
    const body = (await get('/api/calendar/2027')).json();
    expect(body.days.every((d: { source: string }) => d.source === 'proposed')).toBe(true);
    expect(body.days.map((d: { date: string }) => d.date)).toEqual(
      expect.arrayContaining(['2027-01-01', '2027-02-05', '2027-02-08', '2027-04-16']),
    );
  });

  it('refuses years outside 1900–2100 and non-numbers', async () => {
    const res = await get('/api/calendar/2101');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
    expect((await get('/api/calendar/abc')).statusCode).toBe(400);
  });
});

describe('PUT /api/calendar/{year} (system administrator)', () => {
  it('needs a login (401) and calendar.manage (403)', async () => {
    const anonymous = await t.app.inject({ method: 'PUT', url: '/api/calendar/2026', payload: { days: [] } });
    expect(anonymous.statusCode).toBe(401);
    const official = await t.login('chuyenvien');
    const forbidden = await official.request({ method: 'PUT', url: '/api/calendar/2026', payload: { days: [] } });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');
  });

  it('validates the list: dates in the year, no duplicates, make-up days on weekends only', async () => {
    const admin = await t.login('admin');
    const res = await admin.request({
      method: 'PUT',
      url: '/api/calendar/2026',
      payload: {
        days: [
          { date: '2025-12-31', kind: 'holiday', name: 'Năm trước' },
          { date: '2026-03-07', kind: 'holiday', name: 'A' },
          { date: '2026-03-07', kind: 'makeUpWorkday', name: 'B' },
          { date: '2026-03-04', kind: 'makeUpWorkday', name: 'Thứ Tư' },
        ],
      },
    });
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('CALENDAR_DAYS_INVALID');
    expect(error.details.problems.map((p: { problem: string }) => p.problem)).toEqual([
      'outside_year',
      'holiday_on_make_up_day',
      'make_up_not_weekend',
    ]);
    const shape = await admin.request({
      method: 'PUT',
      url: '/api/calendar/2026',
      payload: { days: [{ date: '2026-13-01', kind: 'x' }] },
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      details: expect.any(Array),
    });
  });

  it('a saved holiday moves the due date at once, and the change is audited with an outbox event', async () => {
    const before = await due('2026-02-23T16:00:00+07:00', 'workingDays=1');
    expect(before.json()).toEqual({ due: '2026-02-24T16:00:00+07:00' });

    const admin = await t.login('admin');
    const current = (await get('/api/calendar/2026')).json().days;
    const extra = { date: '2026-02-24', kind: 'holiday', name: 'Nghỉ thêm (thử nghiệm)', source: 'official' };
    const res = await admin.request({
      method: 'PUT',
      url: '/api/calendar/2026',
      payload: { days: [...current, extra] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().days).toContainEqual(extra);

    const after = await due('2026-02-23T16:00:00+07:00', 'workingDays=1');
    expect(after.json()).toEqual({ due: '2026-02-25T16:00:00+07:00' });
    expect((await get('/api/calendar/2026')).json().days).toContainEqual(extra);

    // Stored: the year row and its days.
    const [yearRow] = await t.handle.db.select().from(calendarYears).where(eq(calendarYears.year, 2026));
    expect(yearRow!.updatedBy).toBe(admin.user.id);
    const stored = await t.handle.db.select().from(calendarDays).where(eq(calendarDays.year, 2026));
    expect(stored).toHaveLength(current.length + 1);

    // Audited: only the added day, not the whole list.
    const [record] = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.update'));
    expect(record).toMatchObject({ targetType: 'calendar_year', targetId: '2026', actorId: admin.user.id });
    expect(record!.summary).toEqual({
      before: { origin: 'official', removed: [] },
      after: { origin: 'saved', added: [extra] },
    });
    const events = await t.handle.db.select().from(outboxEvents).where(eq(outboxEvents.topic, 'calendar.update'));
    expect(events).toHaveLength(1);
    expect(events[0]!.aggregateId).toBe('2026');

    // Other modules load the same stored calendar.
    const cal = await loadWorkingCalendar(t.handle.db, t.deps.env, { from: 2026, to: 2026 });
    expect(addWorkingTime(cal, new Date('2026-02-23T16:00:00+07:00'), 1, 'workingDays').toISOString()).toBe(
      '2026-02-25T09:00:00.000Z',
    );
  });

  it('an empty saved list is a valid answer: the year then has only weekends', async () => {
    const admin = await t.login('admin');
    const res = await admin.request({ method: 'PUT', url: '/api/calendar/2030', payload: { days: [] } });
    expect(res.statusCode).toBe(200);
    expect((await get('/api/calendar/2030')).json()).toEqual({ year: 2030, days: [] });
    // Tết 2030 (Sat 2 Feb) would otherwise be proposed; now Monday 4 Feb is a working day.
    expect((await due('2030-02-01T10:00:00+07:00', 'workingDays=1')).json()).toEqual({
      due: '2030-02-04T10:00:00+07:00',
    });
    const [record] = await t.handle.db.select().from(auditLog).where(eq(auditLog.targetId, '2030'));
    expect((record!.summary as { before: { origin: string; removed: unknown[] } }).before.origin).toBe('proposed');
    expect((record!.summary as { before: { removed: unknown[] } }).before.removed.length).toBeGreaterThan(5);
  });
});
