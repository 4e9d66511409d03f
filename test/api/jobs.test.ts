/**
 * Periodic tasks: the scheduled_tasks table claimed with FOR UPDATE SKIP LOCKED (two runners on
 * one database run each due task once), a failing task records its error and runs again at the
 * next interval, a paused task never runs, and the administrator's API. Then the registered
 * tasks through the app's runner, ticked with an injected clock: feedback deadline reminders and
 * apology-letter reminders (sent once, not again at the next tick), appointment reminders and
 * no-shows. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL (truly parallel claims).
 */
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { vietnamClockText } from '../../src/modules/calendar/dates.js';
import { registerTasks } from '../../src/modules/jobs/jobs.service.js';
import { taskRunners } from '../../src/modules/jobs/jobs.routes.js';
import type { PeriodicTask } from '../../src/kernel/module.js';
import { TaskRunner } from '../../src/modules/jobs/task-runner.js';
import { queryRows } from '../../src/kernel/db.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { type DemoProcedure, fileDossier, setTimes, step } from '../fixtures/dossiers.js';
import { feedbackStep, setFeedbackTimes, submit } from '../fixtures/feedback.js';
import { citizen } from '../fixtures/kpi.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { demoUnits } from '../fixtures/units.js';

let t: TestApp;
let admin: Session;
let tiepnhan: Session;
let chuyenvien: Session;
let kstthc: Session;
let congdan: Session;
let soTuPhap: string;
let soNoiVu: string;
let centre: string;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

beforeAll(async () => {
  t = await createTestApp();
  [admin, tiepnhan, chuyenvien, kstthc, congdan] = await Promise.all([
    t.login('admin'),
    t.login('tiepnhan'),
    t.login('chuyenvien'),
    t.login('kstthc'),
    t.login('congdan'),
  ]);
  const unit = await demoUnits(t);
  soTuPhap = unit('Sở Tư pháp');
  soNoiVu = unit('Sở Nội vụ');
  centre = unit('Trung tâm Phục vụ hành chính công', true);
  // Work contacts: the demo accounts have none. An official of another unit must hear nothing.
  await t.handle.db.execute(
    sql`update users set email = username || '@stp.angiang.gov.vn' where username in ('chuyenvien', 'lanhdao')`,
  );
  await t.handle.db.execute(
    sql`insert into users (username, full_name, kind, email, home_unit_id) values ('snv.cv', 'Cán bộ Sở Nội vụ', 'staff', 'snv.cv@angiang.gov.vn', ${soNoiVu})`,
  );
  await t.handle.db.execute(
    sql`insert into user_roles (user_id, role, unit_id) select id, 'processing_official', ${soNoiVu} from users where username = 'snv.cv'`,
  );
});
afterAll(() => t.close());

const rows = <T extends Record<string, unknown> = Record<string, unknown>>(query: SQL) =>
  queryRows<T>(t.handle.db, query);
const taskRow = async (name: string) =>
  (
    await rows<{
      runs: number;
      last_error: string | null;
      last_outcome: Record<string, unknown> | null;
      next_run_at: string;
      enabled: boolean;
    }>(sql`select * from scheduled_tasks where name = ${name}`)
  )[0]!;

describe('the runner', () => {
  const T0 = new Date('2031-03-03T01:00:00Z');
  const calls = new Map<string, number>();
  let failing = true;
  const counting = (
    name: string,
    intervalSeconds: number,
    run: () => Record<string, unknown> = () => ({ ok: 1 }),
  ): PeriodicTask => ({
    name,
    intervalSeconds,
    async run() {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return run();
    },
  });
  const tasks = [
    counting('test.a', 600),
    counting('test.b', 600),
    counting('test.c', 1200),
    counting('test.fails', 600, () => {
      if (failing) throw new Error('cổng SMS không phản hồi');
      return { sent: 3 };
    }),
    counting('test.paused', 600),
  ];
  const runner = () => new TaskRunner(t.deps.db, t.deps.env, t.deps.services, tasks, () => {}, 60_000);

  beforeAll(async () => {
    await registerTasks(t.handle.db, tasks);
    const paused = await admin.request({ method: 'PUT', url: '/api/jobs/test.paused', payload: { enabled: false } });
    expect(paused.statusCode, paused.body).toBe(200);
  });

  it('two runners on one database run each due task exactly once', async () => {
    const [a, b] = [runner(), runner()];
    const ran = await Promise.all([a.runDue(T0), b.runDue(T0), a.runDue(T0)]);
    expect(ran.reduce((x, y) => x + y, 0)).toBe(4);
    expect(Object.fromEntries(calls)).toEqual({ 'test.a': 1, 'test.b': 1, 'test.c': 1, 'test.fails': 1 });
    expect(new Date((await taskRow('test.a')).next_run_at)).toEqual(new Date(T0.getTime() + 600_000));
    // Before the next interval nothing is due.
    expect(await b.runDue(new Date(T0.getTime() + 599_000))).toBe(0);
  });

  it('a failing task records its error, and runs again at the next interval', async () => {
    expect(await taskRow('test.fails')).toMatchObject({
      runs: 1,
      last_error: 'cổng SMS không phản hồi',
      last_outcome: null,
    });
    failing = false;
    const at = new Date(T0.getTime() + 600_000);
    expect(await runner().runDue(at)).toBe(3); // a, b, fails (c's interval is longer)
    expect(calls.get('test.fails')).toBe(2);
    expect(await taskRow('test.fails')).toMatchObject({ runs: 2, last_error: null, last_outcome: { sent: 3 } });
  });

  it('a paused task never runs, and stays paused when the tasks are registered again', async () => {
    expect(await runner().runDue(new Date(T0.getTime() + 30 * DAY))).toBe(4);
    expect(calls.get('test.paused')).toBeUndefined();
    await registerTasks(t.handle.db, tasks);
    expect((await taskRow('test.paused')).enabled).toBe(false);
    expect((await taskRow('test.paused')).runs).toBe(0);
  });
});

describe('in the app', () => {
  it('with JOBS_ENABLED the process runs the tasks due at start by itself and stops when the app closes', async () => {
    const own = await createTestApp({ demo: false, env: { JOBS_ENABLED: 'true', JOBS_TICK_SECONDS: '1' } });
    try {
      await vi.waitFor(
        async () => {
          const ran = await queryRows<{ name: string; last_outcome: unknown }>(
            own.handle.db,
            sql`select name, last_outcome from scheduled_tasks where runs > 0 order by name`,
          );
          expect(ran).toEqual([
            { name: 'dossiers.apology-due', last_outcome: { reminded: 0 } },
            { name: 'dossiers.morning-messages', last_outcome: { digests: 0, lateLists: 0 } },
            { name: 'dossiers.prune-result-signing', last_outcome: { pruned: 0 } },
            { name: 'dossiers.step-deadlines', last_outcome: { dueSoon: 0, overdue: 0 } },
            { name: 'feedback.due-reminders', last_outcome: { reminded: 0 } },
            { name: 'identity.prune-login-attempts', last_outcome: { deleted: 0 } },
            // Due only from the 21st of a month (the month is named then): no dossiers, no messages.
            { name: 'kpi.monthly-late-lists', last_outcome: expect.objectContaining({ units: 0, messages: 0 }) },
            { name: 'kpi.refresh-rollup', last_outcome: { refreshed: expect.any(Number) } },
            { name: 'national-portal.sync', last_outcome: { synced: 0, failed: 0 } },
            { name: 'notifications.deliver', last_outcome: { sent: 0, retried: 0, failed: 0 } },
            { name: 'outbox.relay', last_outcome: { published: expect.any(Number), failed: 0 } },
            {
              name: 'payments.expire-pending',
              last_outcome: { paid: 0, cancelled: 0, failed: 0, expired: 0, errors: 0 },
            },
            { name: 'plans.deadlines', last_outcome: { dueSoon: 0, overdue: 0 } },
            { name: 'publications.publish-due', last_outcome: { published: expect.any(Number) } },
            { name: 'queue.reminders-and-no-shows', last_outcome: { reminded: 0, noShows: 0 } },
            { name: 'reports.deliver', last_outcome: { delivered: 0, failed: 0 } },
          ]);
        },
        { timeout: 20_000, interval: 100 },
      );
    } finally {
      await own.close();
    }
  });
});

describe('administration', () => {
  it('the system administrator lists the tasks; others may not', async () => {
    const res = await admin.request({ url: '/api/jobs' });
    expect(res.statusCode, res.body).toBe(200);
    const byName = Object.fromEntries(
      (res.json().items as { name: string; intervalSeconds: number; enabled: boolean }[]).map((j) => [j.name, j]),
    );
    expect(byName['queue.reminders-and-no-shows']).toMatchObject({ intervalSeconds: 300, enabled: true });
    expect(byName['feedback.due-reminders']).toMatchObject({ intervalSeconds: 1800, enabled: true });
    expect(byName['dossiers.apology-due']).toMatchObject({ intervalSeconds: 3600, enabled: true });
    expect(byName['payments.expire-pending']).toMatchObject({ intervalSeconds: 600, enabled: true });
    expect(byName['test.fails']).toMatchObject({ lastError: null, lastOutcome: { sent: 3 }, runs: 3 });
    expect((await kstthc.request({ url: '/api/jobs' })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/jobs' })).statusCode).toBe(401);
  });

  it('pausing and resuming is audited with an outbox event; an unknown task is a 404', async () => {
    const resumed = await admin.request({ method: 'PUT', url: '/api/jobs/test.paused', payload: { enabled: true } });
    expect(resumed.json()).toMatchObject({ name: 'test.paused', enabled: true });
    const paused = await admin.request({ method: 'PUT', url: '/api/jobs/test.paused', payload: { enabled: false } });
    expect(paused.json().enabled).toBe(false);
    const audit = await rows<{ action: string; summary: unknown }>(
      sql`select action, summary from audit_log where target_id = 'test.paused' order by id`,
    );
    expect(audit.map((a) => a.summary)).toEqual([
      { before: { enabled: true }, after: { enabled: false } },
      { before: { enabled: false }, after: { enabled: true } },
      { before: { enabled: true }, after: { enabled: false } },
    ]);
    const events = await rows<{ topic: string }>(
      sql`select topic from outbox_events where aggregate_id = 'test.paused' order by id`,
    );
    expect(events.map((e) => e.topic)).toEqual(['jobs.update', 'jobs.update', 'jobs.update']);
    const unknown = await admin.request({ method: 'PUT', url: '/api/jobs/nope', payload: { enabled: false } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('JOB_NOT_FOUND');
    expect(
      (await chuyenvien.request({ method: 'PUT', url: '/api/jobs/test.paused', payload: { enabled: true } }))
        .statusCode,
    ).toBe(403);
  });
});

describe('the registered tasks, ticked by the app’s runner', () => {
  /**
   * The injected clock: each tick moves it forward and runs what is due then. Each test starts a
   * day after the last (every task is due again) and sets its deadlines relative to the clock.
   */
  let clock = 0;
  beforeEach(() => {
    clock = Math.max(clock, Date.now()) + DAY;
  });
  const tick = async (ms: number) => {
    clock += ms;
    return taskRunners.get(t.app)!.runDue(new Date(clock));
  };
  const sent = (template: string) =>
    rows<{ recipient: string; body: string }>(
      sql`select address as recipient, body from notification_messages where kind = ${template} and channel <> 'inapp' order by created_at, address`,
    );
  const outcome = async (name: string) => (await taskRow(name)).last_outcome;

  it('feedback: the unit’s officials hear once per item and deadline, without the submitter’s details', async () => {
    const routed = async (title: string) => {
      const item = await submit(tiepnhan, {
        channel: 'counter',
        title,
        content: `${title}: đề nghị xem xét`,
        submitter: { name: 'Hồ Văn Khánh', phone: '0911222333' },
      });
      return feedbackStep(kstthc, item, 'classify', { category: 'conduct', unitId: soTuPhap });
    };
    const soon = await routed('Giờ làm việc tại bộ phận một cửa');
    const late = await routed('Thái độ của cán bộ tiếp nhận');
    const soonDue = new Date(clock + MINUTE + HOUR);
    const lateDue = new Date(clock - HOUR);
    await setFeedbackTimes(t, soon.id, { answer_due_at: soonDue });
    await setFeedbackTimes(t, late.id, { answer_due_at: lateDue });

    await tick(MINUTE);
    expect(await outcome('feedback.due-reminders')).toEqual({ reminded: 2 });
    const first = await sent('feedback.due-reminder');
    expect(first.map((m) => m.recipient).sort()).toEqual([
      'chuyenvien@stp.angiang.gov.vn',
      'chuyenvien@stp.angiang.gov.vn',
      'lanhdao@stp.angiang.gov.vn',
      'lanhdao@stp.angiang.gov.vn',
    ]);
    expect(first.filter((m) => m.body.includes(soon.code))[0]!.body).toBe(
      `MotCua: phản ánh, kiến nghị ${soon.code} sắp đến hạn trả lời (hạn ${vietnamClockText(soonDue)}).`,
    );
    expect(first.filter((m) => m.body.includes(late.code))[0]!.body).toBe(
      `MotCua: phản ánh, kiến nghị ${late.code} đã quá hạn trả lời (hạn ${vietnamClockText(lateDue)}).`,
    );
    expect(first.some((m) => /Khánh|0911222333/.test(m.body))).toBe(false);

    await tick(31 * MINUTE); // the next run: both still due soon / overdue, nothing new
    expect(await outcome('feedback.due-reminders')).toEqual({ reminded: 0 });
    expect(await sent('feedback.due-reminder')).toHaveLength(4);

    await tick(HOUR); // the first item's answer is now overdue: its overdue reminder, once
    expect(await outcome('feedback.due-reminders')).toEqual({ reminded: 1 });
    await tick(31 * MINUTE);
    expect(await outcome('feedback.due-reminders')).toEqual({ reminded: 0 });
    const all = await sent('feedback.due-reminder');
    expect(all.filter((m) => m.body.includes(`${soon.code} đã quá hạn trả lời`))).toHaveLength(2);
    expect(all).toHaveLength(6);
  });

  it('dossiers: the unit’s leaders and the assignee hear once that the apology letter is due', async () => {
    const procedure = await procedureByCode<DemoProcedure>(t, '2.000635');
    let d = await fileDossier(tiepnhan, procedure, {
      channel: 'counter',
      applicant: citizen,
      competentUnitId: soTuPhap,
    });
    d = await step(tiepnhan, d.code, d.version, 'forward');
    const appointment = new Date(clock + MINUTE + 2 * HOUR);
    await setTimes(t, d.code, { appointment_at: appointment, due_soon_from: new Date(clock) });

    await tick(MINUTE);
    expect(await outcome('dossiers.apology-due')).toEqual({ reminded: 1 });
    const first = await sent('dossier.apology-due');
    expect(first.map((m) => m.recipient)).toContain('lanhdao@stp.angiang.gov.vn');
    expect(first.every((m) => m.recipient.endsWith('@stp.angiang.gov.vn'))).toBe(true);
    expect(first[0]!.body).toBe(
      `MotCua: hồ sơ ${d.code} sắp đến hạn hẹn trả (${vietnamClockText(appointment)}) và chưa có văn bản xin lỗi, hẹn lại ngày trả kết quả (mẫu 04).`,
    );
    expect(first.some((m) => m.body.includes(citizen.fullName) || m.body.includes(citizen.idNumber))).toBe(false);

    await tick(3 * HOUR); // overdue now, same appointment: no second reminder
    expect(await outcome('dossiers.apology-due')).toEqual({ reminded: 0 });
    expect(await sent('dossier.apology-due')).toHaveLength(first.length);

    // A new appointment that again runs late needs its own letter, so its own reminder.
    await setTimes(t, d.code, { appointment_at: new Date(clock - MINUTE) });
    await tick(HOUR);
    expect(await outcome('dossiers.apology-due')).toEqual({ reminded: 1 });
    expect((await sent('dossier.apology-due')).filter((m) => m.body.includes('đã quá hạn hẹn trả'))).toHaveLength(
      first.length,
    );
  });

  it('queue: the appointment reminder goes out before the slot, and the no-show is recorded after it', async () => {
    const template = {
      fieldCode: 'HT',
      weekdays: [1, 2, 3, 4, 5],
      start: '08:00',
      end: '09:00',
      minutes: 30,
      capacity: 5,
    };
    expect(
      (
        await tiepnhan.request({
          method: 'PUT',
          url: `/api/queue/units/${centre}/template`,
          payload: { entries: [template] },
        })
      ).statusCode,
    ).toBe(200);
    const from = new Date(clock + 14 * DAY).toISOString().slice(0, 10);
    const to = new Date(clock + 21 * DAY).toISOString().slice(0, 10);
    const generated = await tiepnhan.request({
      method: 'POST',
      url: `/api/queue/units/${centre}/slots`,
      payload: { from, to },
    });
    expect(generated.json().created, generated.body).toBeGreaterThan(0);
    const hoTich = await procedureByCode<{ id: string }>(t, '2.000635');
    const slot = (await t.app.inject({ url: `/api/queue/slots?procedureId=${hoTich.id}&from=${from}&days=7` })).json()
      .slots[0] as { id: string; startsAt: string; endsAt: string };
    const booked = await congdan.request({
      method: 'POST',
      url: '/api/queue/bookings',
      payload: { slotId: slot.id, procedureId: hoTich.id, name: 'Nguyễn Văn An', phone: '0912345678' },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const code = booked.json().code as string;

    await tick(new Date(slot.startsAt).getTime() - 2 * HOUR - clock);
    expect(await outcome('queue.reminders-and-no-shows')).toEqual({ reminded: 1, noShows: 0 });
    expect((await sent('queue.booking-reminder')).map((m) => m.recipient)).toEqual(['0912345678']);
    await tick(5 * MINUTE);
    expect(await outcome('queue.reminders-and-no-shows')).toEqual({ reminded: 0, noShows: 0 });

    await tick(new Date(slot.endsAt).getTime() + 16 * MINUTE - clock);
    expect(await outcome('queue.reminders-and-no-shows')).toEqual({ reminded: 0, noShows: 1 });
    const [booking] = await rows<{ status: string }>(sql`select status from queue_bookings where code = ${code}`);
    expect(booking!.status).toBe('noShow');
    expect(await sent('queue.booking-reminder')).toHaveLength(1);
  });
});
