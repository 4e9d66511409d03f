/**
 * Notifications end to end through the router, the outbox relay and the delivery task, with the
 * in-process SMS / Zalo simulators and the mail sink: a citizen's inbox and channels on each state
 * change (once per event, recipient and channel), opting out (not of legal notices), a channel
 * down → retried with backoff → delivered once, quiet hours, Zalo delivery reports; officials'
 * "assigned to you", "due soon" and "overdue" (pinned clock), the morning digest and the leaders'
 * late list; the administrator's templates. Runs on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 */
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/kernel/db.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { vietnamClockText } from '../../src/modules/calendar/dates.js';
import { dossierNotices } from '../../src/modules/dossiers/dossier-notices.subscriber.js';
import { sendMorningMessages, sendStepDeadlineReminders } from '../../src/modules/dossiers/step-reminders.service.js';
import { deliverDue } from '../../src/modules/notifications/deliver.service.js';
import { parseQuietHours } from '../../src/modules/notifications/delivery.rules.js';
import { outboxRelay } from '../../src/modules/outbox/outbox.tasks.js';
import { type DemoProcedure, fileDossier, setTimes, step } from '../fixtures/dossiers.js';
import { feedbackStep, submit } from '../fixtures/feedback.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { demoUnits } from '../fixtures/units.js';

let t: TestApp;
let admin: Session;
let tiepnhan: Session;
let congdan: Session;
let procedure: DemoProcedure;
let soTuPhap: string;
let centre: string;

const CITIZEN_EMAIL = 'congdan@example.vn';
const CITIZEN_PHONE = '0912000111';
const applicant = { kind: 'citizen', fullName: 'Trần Thị Mai', idNumber: '089195000456', phone: '0912345678' };

beforeAll(async () => {
  t = await createTestApp();
  [admin, tiepnhan, congdan] = await Promise.all([t.login('admin'), t.login('tiepnhan'), t.login('congdan')]);
  procedure = await procedureByCode<DemoProcedure>(t, '2.000635');
  const unit = await demoUnits(t);
  soTuPhap = unit('Sở Tư pháp');
  centre = unit('Trung tâm Phục vụ hành chính công', true);
  await t.handle.db.execute(
    sql`update users set email = ${CITIZEN_EMAIL}, phone = ${CITIZEN_PHONE} where username = 'congdan'`,
  );
  await t.handle.db.execute(
    sql`update users set email = username || '@stp.angiang.gov.vn' where username in ('chuyenvien', 'lanhdao')`,
  );
});
afterAll(() => t.close());

const rows = <T extends Record<string, unknown>>(query: SQL) => queryRows<T>(t.handle.db, query);
const relay = (now = new Date()) =>
  outboxRelay(t.deps.extensions.outboxSubscribers).run(t.handle.db, t.deps.env, now, t.deps.services);
/** Delivery outside the quiet hours unless a test says otherwise. */
const deliver = (now = new Date(), quietHours: string | null = null) =>
  deliverDue(t.handle.db, t.deps.services.notificationChannels, now, {
    ...t.deps.services.notifier.settings,
    quietHours: quietHours ? parseQuietHours(quietHours) : null,
  });
const messages = (reference: string) =>
  rows<{
    kind: string;
    channel: string;
    address: string | null;
    status: string;
    body: string;
    attempts: number;
    user_id: string | null;
  }>(
    sql`select kind, channel, address, status, body, attempts, user_id from notification_messages where reference = ${reference} order by kind, channel`,
  );
const sims = () => t.deps.services.notificationSimulators;

const online = async () =>
  fileDossier(congdan, procedure, { channel: 'online', applicant, competentUnitId: soTuPhap, receivingUnitId: centre });
const counter = async (extra: Record<string, unknown> = {}) =>
  fileDossier(tiepnhan, procedure, {
    channel: 'counter',
    applicant: { ...applicant, ...extra },
    competentUnitId: soTuPhap,
  });

describe('citizens', () => {
  it('hear of receipt in the inbox, by e-mail and Zalo, once per event, recipient and channel', async () => {
    const d = await step(tiepnhan, (await online()).code, 1, 'accept');
    await relay();
    const queued = await messages(d.code);
    expect(queued.filter((m) => m.kind === 'dossier.received').map((m) => [m.channel, m.address, m.status])).toEqual([
      ['email', CITIZEN_EMAIL, 'pending'],
      ['inapp', null, 'sent'],
      ['zalo', CITIZEN_PHONE, 'pending'],
    ]);
    const text = queued.find((m) => m.channel === 'inapp')!.body;
    expect(text).toContain(d.code);
    expect(text).toMatch(/Ngày hẹn trả kết quả: \d\d:\d\d \d\d\/\d\d\/\d{4}/);

    // The relay retrying the same event (another subscriber failed) queues nothing twice.
    const [event] = await rows<{ id: number; topic: string; payload: Record<string, unknown> }>(
      sql`select id, topic, payload from outbox_events where aggregate_id = ${d.id} and topic = 'dossier.accept'`,
    );
    const again = {
      ...event!,
      id: Number(event!.id),
      aggregateType: 'dossier',
      aggregateId: d.id,
      occurredAt: new Date(),
    };
    await t.handle.db.transaction((tx) => dossierNotices.handle(tx, again, new Date()));
    expect(await messages(d.code)).toHaveLength(queued.length);

    const inbox = await congdan.request({ url: '/api/notifications/inbox' });
    expect(inbox.statusCode, inbox.body).toBe(200);
    const mine = inbox.json().items.find((i: { reference: string }) => i.reference === d.code);
    expect(mine).toMatchObject({
      kind: 'dossier.received',
      link: `/ho-so-cua-toi/${encodeURIComponent(d.code)}`,
      readAt: null,
    });
    const before = inbox.json().unread as number;
    const read = await congdan.request({
      method: 'POST',
      url: '/api/notifications/inbox/read',
      payload: { id: mine.id },
    });
    expect(read.json()).toEqual({ unread: before - 1 });
    // Someone else's message is not theirs to read.
    const other = await tiepnhan.request({
      method: 'POST',
      url: '/api/notifications/inbox/read',
      payload: { id: mine.id },
    });
    expect(other.statusCode).toBe(404);

    // Delivery: e-mail to the sink, Zalo through the ZNS protocol; the delivery report arrives signed.
    await deliver();
    expect(
      sims()
        .mail!.list()
        .filter((m) => m.to === CITIZEN_EMAIL && m.text.includes(d.code)),
    ).toHaveLength(1);
    const zns = sims()
      .zalo!.list()
      .filter((m) => m.to === '84912000111' && m.text.includes(d.code));
    expect(zns).toHaveLength(1);
    expect(zns[0]!.details).toMatchObject({
      templateId: t.deps.env.ZALO_TEMPLATE_ID,
      templateData: { ma_ho_so: d.code },
    });
    // The simulators list what they sent over HTTP, and speak their protocol there too.
    const listed = (await t.app.inject({ url: '/sim/zalo/messages' })).json().items as { to: string; text: string }[];
    expect(listed.some((m) => m.to === '84912000111' && m.text.includes(d.code))).toBe(true);
    const direct = await t.app.inject({
      method: 'POST',
      url: '/sim/sms/send',
      headers: { authorization: `Bearer ${t.deps.env.SMS_GATEWAY_API_KEY}` },
      payload: { brandname: t.deps.env.SMS_BRANDNAME, phone: '84912999888', message: 'Thử', requestId: 'r1' },
    });
    expect(direct.json()).toMatchObject({ code: '00' });
    const wrongKey = await t.app.inject({ method: 'POST', url: '/sim/sms/send', payload: { brandname: 'X' } });
    expect(wrongKey.statusCode).toBe(401);
    await sims().zalo!.settled();
    const after = await messages(d.code);
    expect(after.filter((m) => m.kind === 'dossier.received').map((m) => m.status)).toEqual([
      'sent',
      'sent',
      'delivered',
    ]);
    await deliver(new Date(Date.now() + 3_600_000));
    expect(
      sims()
        .mail!.list()
        .filter((m) => m.text.includes(d.code)),
    ).toHaveLength(1);
  });

  it('a Zalo delivery report that comes before the send is recorded still marks the message delivered', async () => {
    const zalo = sims().zalo!;
    zalo.reportsBeforeReply = true;
    try {
      const d = await step(tiepnhan, (await online()).code, 1, 'accept');
      await relay();
      await deliver();
      const zns = (await messages(d.code)).filter((m) => m.kind === 'dossier.received' && m.channel === 'zalo');
      expect(zns.map((m) => m.status)).toEqual(['delivered']);
      const [row] = await rows<{ provider_id: string; delivered_at: Date | null }>(
        sql`select provider_id, delivered_at from notification_messages
          where reference = ${d.code} and kind = 'dossier.received' and channel = 'zalo'`,
      );
      expect(zalo.find(row!.provider_id)?.deliveredAt).toBeTruthy();
      expect(row!.delivered_at).not.toBeNull();
    } finally {
      zalo.reportsBeforeReply = false;
    }
  });

  it('a channel down: the message is retried with backoff and delivered once when it is back', async () => {
    let d = await counter({ phone: '0933444555' }); // no account: the applicant's phone
    d = await step(tiepnhan, d.code, d.version, 'forward');
    await relay();
    const chuyenvien = await t.login('chuyenvien');
    d = await step(chuyenvien, d.code, d.version, 'requestSupplement', { note: 'Thiếu bản sao giấy khai sinh' });
    await relay();
    const notice = (await messages(d.code)).filter((m) => m.kind === 'dossier.supplementRequested');
    // A legal notice goes by SMS too; the note is the applicant's own form's text.
    expect(notice.map((m) => m.channel)).toEqual(['sms', 'zalo']);
    expect(notice[0]!.body).toContain('Thiếu bản sao giấy khai sinh');

    const sms = sims().sms!;
    const T = new Date(Date.now() + 60_000);
    sms.down = true;
    try {
      await deliver(T);
      await deliver(new Date(T.getTime() + 10_000)); // within the 30 s backoff: not tried again
      const waiting = (await messages(d.code)).find(
        (m) => m.kind === 'dossier.supplementRequested' && m.channel === 'sms',
      )!;
      expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
      // The administrator reads why, in Vietnamese, with a stable code.
      const admin = await t.login('admin');
      const log = (await admin.request({ url: '/api/notifications/messages?status=pending&limit=500' })).json();
      const shown = log.items.find(
        (m: { reference: string; channel: string }) => m.reference === d.code && m.channel === 'sms',
      );
      expect(shown).toMatchObject({
        lastErrorCode: 'NOTIFY_PEER_UNAVAILABLE',
        lastError: 'cổng SMS thương hiệu tạm thời không nhận tin (lỗi 503 99)',
      });
      await deliver(new Date(T.getTime() + 31_000)); // due again, still down: backoff doubles
      expect((await messages(d.code)).find((m) => m.channel === 'sms')!.attempts).toBe(2);
    } finally {
      sms.down = false;
    }
    await deliver(new Date(T.getTime() + 60_000)); // 2nd backoff (60 s) not over yet
    expect(sms.list().filter((m) => m.to === '84933444555')).toHaveLength(0);
    await deliver(new Date(T.getTime() + 92_000));
    await deliver(new Date(T.getTime() + 600_000));
    expect(sms.list().filter((m) => m.to === '84933444555' && m.text.includes(d.code))).toHaveLength(1);
    expect((await messages(d.code)).find((m) => m.channel === 'sms')).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('hear that processing resumed after supplying, with the appointment moved by the wait', async () => {
    let d = await step(tiepnhan, (await online()).code, 1, 'accept');
    d = await step(tiepnhan, d.code, d.version, 'forward');
    const chuyenvien = await t.login('chuyenvien');
    d = await step(chuyenvien, d.code, d.version, 'requestSupplement', { note: 'Bổ sung bản sao giấy khai sinh' });
    // Waiting two weeks holds working time whatever the day the suite runs (Tết is shorter).
    await setTimes(t, d.code, { paused_since: new Date(Date.now() - 14 * 86_400_000) });
    const before = d.appointmentAt as string;
    const prefer = (enabled: boolean) =>
      congdan.request({
        method: 'PUT',
        url: '/api/notifications/preferences',
        payload: { items: [{ kind: 'dossier.resumed', medium: 'email', enabled }] },
      });
    expect((await prefer(false)).statusCode).toBe(200);
    try {
      d = await step(congdan, d.code, d.version, 'supply');
      await relay();
      await deliver();
      await sims().zalo!.settled(); // its delivery report, or the status races it
    } finally {
      await prefer(true);
    }
    expect(Date.parse(d.appointmentAt)).toBeGreaterThan(Date.parse(before));
    const resumed = (await messages(d.code)).filter((m) => m.kind === 'dossier.resumed');
    // Not a legal notice: the channel the citizen switched off gets nothing.
    expect(resumed.map((m) => [m.channel, m.status])).toEqual([
      ['email', 'skipped'],
      ['inapp', 'sent'],
      ['zalo', 'delivered'],
    ]);
    const inbox = (await congdan.request({ url: '/api/notifications/inbox?limit=200' })).json();
    const shown = inbox.items.find(
      (i: { reference: string; kind: string }) => i.reference === d.code && i.kind === 'dossier.resumed',
    );
    expect(shown).toMatchObject({
      subject: `Hồ sơ ${d.code} tiếp tục được giải quyết`,
      link: `/ho-so-cua-toi/${encodeURIComponent(d.code)}`,
    });
    expect(shown.body).toContain(`Ngày hẹn trả kết quả: ${vietnamClockText(new Date(d.appointmentAt))}.`);
  });

  it('an opted-out channel gets nothing; legal notices cannot be switched off', async () => {
    const off = await congdan.request({
      method: 'PUT',
      url: '/api/notifications/preferences',
      payload: { items: [{ kind: 'dossier.received', medium: 'email', enabled: false }] },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().items).toContainEqual({
      kind: 'dossier.received',
      medium: 'email',
      enabled: false,
      legal: false,
    });
    const legal = await congdan.request({
      method: 'PUT',
      url: '/api/notifications/preferences',
      payload: { items: [{ kind: 'dossier.refused', medium: 'email', enabled: false }] },
    });
    expect(legal.statusCode).toBe(422);
    expect(legal.json().error.code).toBe('NOTIFICATION_LEGAL_NOTICE');

    const d = await step(tiepnhan, (await online()).code, 1, 'accept');
    await relay();
    await deliver();
    await sims().zalo!.settled(); // its delivery report, or the status races it
    const received = (await messages(d.code)).filter((m) => m.kind === 'dossier.received');
    expect(received.map((m) => [m.channel, m.status])).toEqual([
      ['email', 'skipped'],
      ['inapp', 'sent'],
      ['zalo', 'delivered'],
    ]);
    expect(
      sims()
        .mail!.list()
        .filter((m) => m.text.includes(d.code)),
    ).toHaveLength(0);
  });

  it('a person who chose English gets the English template on every channel; Vietnamese by default', async () => {
    const before = (await congdan.request({ url: '/api/notifications/preferences' })).json();
    expect(before.locale).toBe('vi');
    const empty = await congdan.request({ method: 'PUT', url: '/api/notifications/preferences', payload: {} });
    expect(empty.statusCode).toBe(400);
    const en = await congdan.request({
      method: 'PUT',
      url: '/api/notifications/preferences',
      payload: { locale: 'en' },
    });
    expect(en.statusCode, en.body).toBe(200);
    expect(en.json().locale).toBe('en');
    try {
      const d = await step(tiepnhan, (await online()).code, 1, 'accept');
      await relay();
      await deliver();
      const received = (await messages(d.code)).filter((m) => m.kind === 'dossier.received');
      expect(received.map((m) => m.channel)).toEqual(['email', 'inapp', 'zalo']);
      for (const m of received) expect(m.body).toMatch(new RegExp(`^Application ${d.code} \\(.+\\) was received\\.`));
      const inbox = (await congdan.request({ url: '/api/notifications/inbox' })).json();
      expect(inbox.items.find((i: { reference: string }) => i.reference === d.code).subject).toBe(
        `Application ${d.code} received`,
      );
      const zalo = (await t.app.inject({ url: '/sim/zalo/messages' })).json().items as { text: string }[];
      expect(zalo.some((m) => m.text.startsWith(`Application ${d.code}`))).toBe(true);
      // Another person's messages of the same kind stay Vietnamese.
      const staffLocale = (await tiepnhan.request({ url: '/api/notifications/preferences' })).json().locale;
      expect(staffLocale).toBe('vi');
    } finally {
      await congdan.request({ method: 'PUT', url: '/api/notifications/preferences', payload: { locale: 'vi' } });
    }
  });

  it('non-urgent messages wait for the end of the quiet hours; urgent ones do not', async () => {
    const d = await step(tiepnhan, (await online()).code, 1, 'accept');
    await relay();
    await t.handle.db.transaction((tx) =>
      t.deps.services.notifier.send(tx, {
        medium: 'sms',
        recipient: '0977888999',
        template: 'store.consent-code',
        body: `Ma ${d.code}`,
      }),
    );
    // 22:00 in Vietnam (15:00 UTC) with quiet hours 21:00-07:00: the receipt notice waits.
    const night = new Date(Date.UTC(2031, 0, 1, 15, 0));
    await t.handle.db.execute(
      sql`update notification_messages set next_attempt_at = ${night.toISOString()} where reference = ${d.code}`,
    );
    await deliver(night, '21:00-07:00');
    expect((await messages(d.code)).find((m) => m.channel === 'zalo')!.status).toBe('pending');
    // A one-time code is urgent: it leaves in the night.
    expect(
      sims()
        .sms!.list()
        .filter((m) => m.to === '84977888999' && m.text === `Ma ${d.code}`),
    ).toHaveLength(1);
    await deliver(new Date(Date.UTC(2031, 0, 2, 0, 1)), '21:00-07:00'); // 07:01
    await sims().zalo!.settled();
    expect((await messages(d.code)).find((m) => m.channel === 'zalo')!.status).toBe('delivered');
  });

  it('the submitter of a feedback hears that it was answered, by SMS when only a phone is known', async () => {
    const item = await submit(tiepnhan, {
      channel: 'counter',
      title: 'Thời gian chờ tại quầy',
      content: 'Đề nghị rút ngắn thời gian chờ',
      submitter: { name: 'Hồ Văn Khánh', phone: '0911222444' },
    });
    const kstthc = await t.login('kstthc');
    const chuyenvien = await t.login('chuyenvien');
    const routed = await feedbackStep(kstthc, item, 'classify', { category: 'conduct', unitId: soTuPhap });
    await feedbackStep(chuyenvien, routed, 'answer', { note: 'Đã bố trí thêm quầy tiếp nhận.' });
    await relay();
    const sent = (await messages(item.code)).filter((m) => m.kind === 'feedback.answered');
    expect(sent.map((m) => [m.channel, m.address])).toEqual([['sms', '0911222444']]);
    expect(sent[0]!.body).toBe(`Phản ánh, kiến nghị ${item.code} (Thời gian chờ tại quầy) đã có văn bản trả lời.`);
  });

  it('refuses a Zalo delivery report without the OA’s signature', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/zalo/callback',
      headers: { 'x-zevent-signature': 'mac=00' },
      payload: {
        event_name: 'user_received_message',
        app_id: t.deps.env.ZALO_APP_ID,
        timestamp: '1',
        message: { msg_id: 'x', tracking_id: 'y' },
      },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('officials and leaders (pinned clock)', () => {
  // Tuesday 8 December 2026, a working day; Vietnam time = UTC + 7.
  const at = (hhmm: string, day = '2026-12-08') => new Date(`${day}T${hhmm}:00+07:00`);
  let code: string;
  let assignee: Session;

  it('the official a step is handed to hears "assigned to you" on forward', async () => {
    const d = await step(tiepnhan, (await counter()).code, 1, 'forward');
    code = d.code;
    await relay();
    const assigned = (await messages(code)).filter((m) => m.kind === 'step.assigned');
    expect(assigned.map((m) => m.channel)).toEqual(['email', 'inapp']);
    const [who] = await rows<{ username: string }>(sql`select username from users where id = ${assigned[0]!.user_id}`);
    assignee = await t.login(who!.username);
    const inbox = (await assignee.request({ url: '/api/notifications/inbox' })).json();
    expect(inbox.items.find((i: { reference: string }) => i.reference === code).subject).toBe(
      `Hồ sơ ${code} chuyển đến ông/bà`,
    );
  });

  it('"due soon" before the step’s due time, "overdue" after it, each once', async () => {
    await setTimes(t, code, { current_step_due_at: at('15:00') });
    const run = (now: Date) => t.handle.db.transaction((tx) => sendStepDeadlineReminders(tx, t.deps.env, now));
    const kinds = async () =>
      (await messages(code))
        .filter((m) => m.channel === 'inapp')
        .map((m) => m.kind)
        .sort();
    await run(at('08:00')); // 6 working hours left
    expect(await kinds()).toEqual(['step.assigned']);
    await run(at('13:30')); // 1.5 working hours left
    await run(at('14:00'));
    expect(await kinds()).toEqual(['step.assigned', 'step.dueSoon']);
    await run(at('15:30'));
    await run(at('16:00'));
    expect(await kinds()).toEqual(['step.assigned', 'step.dueSoon', 'step.overdue']);
    const body = (await messages(code)).find((m) => m.kind === 'step.overdue')!.body;
    expect(body).toBe(`Bước "${body.match(/"(.+)"/)![1]}" của hồ sơ ${code} đã quá hạn từ 15:00 08/12/2026.`);
  });

  it('the morning digest at 07:30 on working days, and the leaders’ late list', async () => {
    await setTimes(t, code, { legal_due_at: at('10:00', '2026-12-01') });
    const run = (now: Date) => t.handle.db.transaction((tx) => sendMorningMessages(tx, t.deps.env, now));
    expect(await run(at('07:29'))).toEqual({ digests: 0, lateLists: 0 });
    expect(await run(at('07:31', '2026-12-06'))).toEqual({ digests: 0, lateLists: 0 }); // a Sunday
    const first = await run(at('07:31'));
    expect(first.digests).toBeGreaterThan(0);
    expect(first.lateLists).toBeGreaterThan(0);
    expect(await run(at('07:36'))).toEqual({ digests: 0, lateLists: 0 }); // once a day

    const digest = (await assignee.request({ url: '/api/notifications/inbox?limit=200' }))
      .json()
      .items.find((i: { kind: string }) => i.kind === 'worklist.digest');
    expect(digest.subject).toMatch(/^Công việc ngày 08\/12\/2026: \d+ hồ sơ$/);
    expect(digest.body).toContain(code);
    const lanhdao = await t.login('lanhdao');
    const late = (await lanhdao.request({ url: '/api/notifications/inbox?limit=200' }))
      .json()
      .items.find((i: { kind: string }) => i.kind === 'unit.lateList');
    expect(late.subject).toBe('Hồ sơ trễ hạn của Sở Tư pháp ngày 08/12/2026');
    expect(late.body).toContain(code);
    expect(late.body).not.toContain(applicant.fullName);
  });
});

describe('templates (administrator)', () => {
  it('previews, saves a new version with allowed variables only, and later messages use it', async () => {
    expect((await tiepnhan.request({ url: '/api/notifications/templates' })).statusCode).toBe(403);
    const list = await admin.request({ url: '/api/notifications/templates' });
    expect(list.statusCode).toBe(200);
    const received = list.json().items.find((i: { kind: string }) => i.kind === 'dossier.received');
    expect(received).toMatchObject({ variables: ['code', 'procedure', 'status', 'appointment'], vi: { version: 0 } });

    const bad = { subject: 'Hồ sơ {{code}}', body: 'Người nộp {{applicantName}}' };
    const refused = await admin.request({
      method: 'POST',
      url: '/api/notifications/templates/dossier.received/preview',
      payload: bad,
    });
    expect(refused.json().error.code).toBe('NOTIFICATION_TEMPLATE_VARIABLE');
    const text = { subject: 'MotCua: đã nhận hồ sơ {{code}}', body: 'Đã nhận hồ sơ {{code}}, hẹn {{appointment}}.' };
    const preview = await admin.request({
      method: 'POST',
      url: '/api/notifications/templates/dossier.received/preview',
      payload: { ...text, sample: { code: 'X-1' } },
    });
    expect(preview.json()).toEqual({
      subject: 'MotCua: đã nhận hồ sơ X-1',
      body: 'Đã nhận hồ sơ X-1, hẹn [appointment].',
    });
    const saved = await admin.request({
      method: 'POST',
      url: '/api/notifications/templates/dossier.received',
      payload: { ...text, locale: 'vi' },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().vi).toMatchObject({ version: 1, ...text });

    const d = await step(tiepnhan, (await online()).code, 1, 'accept');
    await relay();
    const inapp = (await messages(d.code)).find((m) => m.channel === 'inapp')!;
    expect(inapp.body).toMatch(new RegExp(`^Đã nhận hồ sơ ${d.code}, hẹn \\d\\d:\\d\\d \\d\\d/\\d\\d/\\d{4}\\.$`));
    const log = await admin.request({ url: '/api/notifications/messages?status=skipped,failed' });
    expect(log.statusCode).toBe(200);
    expect(
      log
        .json()
        .items.every((m: { address: string | null }) => m.address === null || !m.address.includes(CITIZEN_EMAIL)),
    ).toBe(true);
  });
});
