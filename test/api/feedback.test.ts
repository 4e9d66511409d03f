/**
 * Citizen feedback (phản ánh, kiến nghị) through the API: verified anonymous and signed-in
 * submissions, counter/phone entry, classification and routing, supplement with the clock
 * stopped, transfer, answer and publication with their deadlines and outcomes, refusal late,
 * reminders, duplicate detection, the public pages without personal data, votes, re-complaints
 * and the figures for the index.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/kernel/db.js';
import { feedbackFigures } from '../../src/modules/feedback/feedback.query.js';
import { ANONYMOUS_NAME } from '../../src/modules/feedback/public-view.rules.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { type DemoProcedure, fileDossier } from '../fixtures/dossiers.js';
import {
  feedbackAct,
  feedbackStep,
  lastCodeSent,
  setFeedbackTimes,
  submit,
  verifiedContactToken,
} from '../fixtures/feedback.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { demoUnits } from '../fixtures/units.js';
import { PDF, upload } from '../fixtures/uploads.js';

let t: TestApp;
let tiepnhan: Session;
let chuyenvien: Session;
let lanhdao: Session;
let kstthc: Session;
let congdan: Session;
let procedure: DemoProcedure;
let soTuPhap: string;
let soNoiVu: string;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const phone = '0987654321';
const email = 'an.tran@example.vn';
const personalId = '089095000999';
const address = 'Số 12 đường Trần Hưng Đạo, phường Mỹ Bình';
const text = (topic: string) =>
  `Thủ tục ${topic} yêu cầu nộp bản sao giấy khai sinh có chứng thực dù đã có dữ liệu dân cư, đề nghị bỏ yêu cầu này`;

beforeAll(async () => {
  t = await createTestApp();
  [tiepnhan, chuyenvien, lanhdao, kstthc, congdan] = await Promise.all([
    t.login('tiepnhan'),
    t.login('chuyenvien'),
    t.login('lanhdao'),
    t.login('kstthc'),
    t.login('congdan'),
  ]);
  procedure = await procedureByCode<DemoProcedure>(t, '2.000635');
  const unit = await demoUnits(t);
  soTuPhap = unit('Sở Tư pháp');
  soNoiVu = unit('Sở Nội vụ');
});
afterAll(() => t.close());

describe('receiving', () => {
  it('an anonymous portal submitter verifies a phone with a one-time code first', async () => {
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/feedback',
      payload: {
        channel: 'portal',
        title: 'Phản ánh thủ tục',
        content: text('khai sinh'),
        submitter: { name: 'Trần Thị Bình' },
      },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('FEEDBACK_SUBMITTER_UNVERIFIED');

    const started = await t.app.inject({
      method: 'POST',
      url: '/api/feedback/contact-verifications',
      payload: { phone: '+84 987 654 321' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const code = await lastCodeSent(t, phone);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/feedback/contact-verifications/${started.json().id}/confirm`,
      payload: { code: wrong },
    });
    expect(bad.json().error.code).toBe('VERIFICATION_CODE_INVALID');
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/feedback/contact-verifications/${started.json().id}/confirm`,
      payload: { code },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const reused = await t.app.inject({
      method: 'POST',
      url: `/api/feedback/contact-verifications/${started.json().id}/confirm`,
      payload: { code },
    });
    expect(reused.json().error.code).toBe('VERIFICATION_EXPIRED');

    const item = await submit(t, {
      channel: 'portal',
      title: 'Phản ánh thủ tục đăng ký khai sinh',
      content: text('đăng ký khai sinh'),
      submitter: { name: 'Trần Thị Bình', phone: '0900000000' },
      anonymous: true,
      contactToken: ok.json().contactToken,
    });
    expect(item).toMatchObject({
      code: expect.stringMatching(/^PAKN-\d{6}$/),
      status: 'received',
      channel: 'portal',
      anonymous: true,
    });
    // The verified phone replaces whatever was typed; internal keys stay inside.
    expect(item.submitter.phone).toBe(phone);
    expect(Object.keys(item)).not.toEqual(expect.arrayContaining(['contactKey']));
    expect(Object.keys(item)).not.toContain('searchText');

    // Neither the code nor the phone is in the audit log or the outbox.
    const leaks = await queryRows<{ n: number }>(
      t.handle.db,
      sql`select (select count(*) from audit_log where summary::text like ${`%${code}%`} or summary::text like ${`%${phone}%`})
               + (select count(*) from outbox_events where payload::text like ${`%${code}%`} or payload::text like ${`%${phone}%`}) as n`,
    );
    expect(Number(leaks[0]!.n)).toBe(0);
  });

  it('wrong codes are counted: the fifth locks the verification', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/feedback/contact-verifications',
      payload: { email: 'x@example.vn' },
    });
    const code = await lastCodeSent(t, 'x@example.vn');
    const wrong = String((Number(code) + 7) % 1_000_000).padStart(6, '0');
    const codes: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      codes.push(
        (
          await t.app.inject({
            method: 'POST',
            url: `/api/feedback/contact-verifications/${started.json().id}/confirm`,
            payload: { code: wrong },
          })
        ).json().error.code,
      );
    }
    expect(codes).toEqual([
      'VERIFICATION_CODE_INVALID',
      'VERIFICATION_CODE_INVALID',
      'VERIFICATION_CODE_INVALID',
      'VERIFICATION_CODE_INVALID',
      'VERIFICATION_ATTEMPTS_EXCEEDED',
    ]);
    const right = await t.app.inject({
      method: 'POST',
      url: `/api/feedback/contact-verifications/${started.json().id}/confirm`,
      payload: { code },
    });
    expect(right.statusCode).toBe(429);
  });

  it('at most five codes an hour to one contact, however it is spelled', async () => {
    const statuses: number[] = [];
    for (const phone of ['0977000111', '+84977000111', '84977000111', '0977 000 111', '097.700.0111', '0977000111']) {
      statuses.push(
        (await t.app.inject({ method: 'POST', url: '/api/feedback/contact-verifications', payload: { phone } }))
          .statusCode,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const messages = await queryRows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from notification_messages where address = '0977000111'`,
    );
    expect(messages[0]!.n).toBe(5);
  });

  it('a signed-in citizen attaches an upload and links a dossier; staff enter counter/phone/mail items only', async () => {
    const dossier = await fileDossier(tiepnhan, procedure, {
      channel: 'counter',
      applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '089095000123' },
      competentUnitId: soTuPhap,
    });
    const fileId = (await upload(congdan, PDF, 'anh-chup.pdf')).json().id;
    const item = await submit(congdan, {
      channel: 'portal',
      title: 'Chậm trả kết quả',
      content: text('chứng thực'),
      submitter: { name: 'Nguyễn Văn An' },
      dossierCode: dossier.code,
      fileIds: [fileId],
    });
    expect(item).toMatchObject({ dossierId: dossier.id, procedureId: procedure.id, fileIds: [fileId] });

    const foreign = await congdan.request({
      method: 'POST',
      url: '/api/feedback',
      payload: {
        channel: 'portal',
        title: 'Tệp của người khác',
        content: text('x'),
        submitter: { name: 'An' },
        fileIds: [(await upload(tiepnhan, PDF)).json().id],
      },
    });
    expect(foreign.statusCode, foreign.body).toBe(403);
    const citizenByPhone = await congdan.request({
      method: 'POST',
      url: '/api/feedback',
      payload: { channel: 'phone', title: 'Qua điện thoại', content: text('x'), submitter: { name: 'An' } },
    });
    expect(citizenByPhone.json().error.code).toBe('FEEDBACK_CHANNEL_NOT_ALLOWED');
    const staffPortal = await tiepnhan.request({
      method: 'POST',
      url: '/api/feedback',
      payload: { channel: 'portal', title: 'Cán bộ nhập', content: text('x'), submitter: { name: 'An' } },
    });
    expect(staffPortal.json().error.code).toBe('FEEDBACK_CHANNEL_NOT_ALLOWED');
    const byPhone = await submit(tiepnhan, {
      channel: 'phone',
      title: 'Phản ánh qua điện thoại',
      content: text('hộ tịch'),
      submitter: { name: 'Lê Văn Cường', phone: '0911222333' },
    });
    expect(byPhone.channel).toBe('phone');
    const noRole = await chuyenvien.request({
      method: 'POST',
      url: '/api/feedback',
      payload: { channel: 'mail', title: 'Thư phản ánh', content: text('x'), submitter: { name: 'An' } },
    });
    expect(noRole.statusCode).toBe(403);
  });
});

/**
 * The deadlines count working time (Monday–Friday, office hours in Vietnam, no public holidays),
 * so what a step moves them by depends on the day and hour it runs: a Saturday, 23:59 or Tết gave
 * other figures. This block runs as if it were Wednesday 11 March 2026, 10:00 in Vietnam
 * (03:00 UTC), a working morning in a week without holidays. Only Date is faked — for the test and
 * for the in-process server (app.inject) — and it moves on from there; timers stay real.
 */
const LIFECYCLE_NOW = new Date('2026-03-11T03:00:00Z');

describe('lifecycle with deadlines', () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: LIFECYCLE_NOW, shouldAdvanceTime: true });
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it('classify → supplement (clock stopped) → supply → answer on time → publish; stale versions are 409', async () => {
    let item = await submit(congdan, {
      channel: 'portal',
      title: 'Thủ tục cấp phiếu lý lịch tư pháp rườm rà',
      content: text('lý lịch tư pháp'),
      submitter: { name: 'Nguyễn Văn An' },
      procedureId: procedure.id,
    });
    expect(item.allowedActions).toEqual([]);
    expect((await chuyenvien.request({ url: `/api/feedback/${item.id}` })).statusCode).toBe(403);
    expect((await kstthc.request({ url: `/api/feedback/${item.code}` })).json().allowedActions).toEqual([
      'classify',
      'requestSupplement',
      'refuse',
    ]);

    const noUnit = await feedbackAct(kstthc, item.id, {
      action: 'classify',
      version: item.version,
      category: 'regulation',
    });
    expect(noUnit.json().error).toMatchObject({ code: 'FEEDBACK_INPUT_REQUIRED', details: { field: 'unitId' } });
    item = await feedbackStep(kstthc, item, 'classify', { category: 'regulation', unitId: soTuPhap });
    expect(item).toMatchObject({ status: 'routed', category: 'regulation', unitId: soTuPhap, timeState: 'withinTime' });
    expect((await chuyenvien.request({ url: `/api/feedback/${item.id}` })).json().allowedActions).toEqual([
      'transfer',
      'requestSupplement',
      'refuse',
      'answer',
    ]);

    item = await feedbackStep(chuyenvien, item, 'requestSupplement', { note: 'Đề nghị nêu rõ nơi đã nộp hồ sơ' });
    expect(item.status).toBe('awaitingSupplement');
    expect(item.history.at(-1)).toMatchObject({ action: 'requestSupplement', outcome: 'early' });
    // The submitter took two working days to answer: the answer's due time moves by as much.
    const answerDueBefore = new Date(item.answerDueAt);
    const pausedSince = await workingDaysAgo(2);
    await setFeedbackTimes(t, item.id, { paused_since: pausedSince });
    item = await feedbackStep(congdan, item, 'supply', { note: 'Tôi nộp tại Trung tâm Phục vụ hành chính công tỉnh' });
    expect(item.status).toBe('routed');
    const minutes = await workingMinutes(answerDueBefore, new Date(item.answerDueAt));
    expect(minutes).toBeGreaterThanOrEqual(2 * 450 - 1);
    expect(minutes).toBeLessThanOrEqual(2 * 450 + 1);
    expect(
      (
        await feedbackAct(chuyenvien, item.id, { action: 'requestSupplement', version: item.version, note: 'Lần hai' })
      ).json().error.code,
    ).toBe('FEEDBACK_ACTION_NOT_ALLOWED');

    const answered = await feedbackStep(chuyenvien, item, 'answer', {
      note: 'Sở Tư pháp đã bỏ yêu cầu bản sao giấy khai sinh từ ngày 01/7/2025.',
    });
    expect(answered).toMatchObject({ status: 'answered', outcome: 'early', timeState: 'withinTime' });
    expect(new Date(answered.publishDueAt).getTime()).toBeGreaterThan(new Date(answered.answeredAt).getTime());
    const stale = await feedbackAct(kstthc, item.id, { action: 'publish', version: item.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const published = await feedbackStep(kstthc, answered, 'publish');
    expect(published).toMatchObject({
      status: 'published',
      publishOutcome: 'early',
      timeState: null,
      allowedActions: [],
    });
    expect(published.history.map((h: { action: string }) => h.action)).toEqual([
      'receive',
      'classify',
      'requestSupplement',
      'supply',
      'answer',
      'publish',
    ]);

    const audit = await queryRows<{ action: string }>(
      t.handle.db,
      sql`select action from audit_log where target_id = ${item.id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'feedback.receive',
      'feedback.classify',
      'feedback.requestSupplement',
      'feedback.supply',
      'feedback.answer',
      'feedback.publish',
    ]);
    const events = await queryRows<{ topic: string }>(
      t.handle.db,
      sql`select topic from outbox_events where aggregate_id = ${item.id} order by id`,
    );
    expect(events.map((e) => e.topic)).toEqual(audit.map((a) => a.action));
  });

  it('due soon and overdue: the worklist state and the reminders list', async () => {
    const soon = await routedItem('Giờ làm việc tại bộ phận một cửa');
    const late = await routedItem('Thái độ của cán bộ tiếp nhận');
    const now = Date.now();
    await setFeedbackTimes(t, soon.id, { answer_due_at: new Date(now + HOUR) });
    await setFeedbackTimes(t, late.id, { answer_due_at: new Date(now - HOUR) });
    expect((await chuyenvien.request({ url: `/api/feedback/${soon.id}` })).json().timeState).toBe('dueSoon');
    expect((await chuyenvien.request({ url: `/api/feedback/${late.id}` })).json()).toMatchObject({
      timeState: 'overdue',
      unsatisfied: true,
    });

    const reminders = (await chuyenvien.request({ url: '/api/feedback/due-soon' })).json().items as {
      code: string;
      state: string;
    }[];
    expect(reminders.filter((r) => r.code === soon.code || r.code === late.code).map((r) => [r.code, r.state])).toEqual(
      [
        [late.code, 'overdue'],
        [soon.code, 'dueSoon'],
      ],
    );
    expect((await congdan.request({ url: '/api/feedback/due-soon' })).statusCode).toBe(403);

    const list = (await chuyenvien.request({ url: '/api/feedback?status=routed' })).json();
    expect(list.items.slice(0, 2).map((i: { code: string }) => i.code)).toEqual([late.code, soon.code]);

    const answered = await feedbackStep(
      chuyenvien,
      (await chuyenvien.request({ url: `/api/feedback/${late.id}` })).json(),
      'answer',
      { note: 'Đã chấn chỉnh cán bộ.' },
    );
    expect(answered.outcome).toBe('late');
  });

  it('refusing after 2 working days is late; an item transferred away leaves the first unit', async () => {
    const refused = await routedItem('Nội dung không thuộc thẩm quyền');
    await setFeedbackTimes(t, refused.id, { refuse_due_at: new Date(Date.now() - DAY) });
    const after = await feedbackStep(
      chuyenvien,
      (await chuyenvien.request({ url: `/api/feedback/${refused.id}` })).json(),
      'refuse',
      { note: 'Nội dung là khiếu nại, hướng dẫn gửi theo Luật Khiếu nại.' },
    );
    expect(after).toMatchObject({ status: 'refused', outcome: 'late' });
    expect(after.history.at(-1)).toMatchObject({ action: 'refuse', outcome: 'late' });

    let moved = await routedItem('Chứng thực chữ ký tại xã');
    const same = await feedbackAct(chuyenvien, moved.id, {
      action: 'transfer',
      version: moved.version,
      unitId: soTuPhap,
      note: 'x',
    });
    expect(same.json().error.code).toBe('FEEDBACK_SAME_UNIT');
    moved = await feedbackStep(chuyenvien, moved, 'transfer', {
      unitId: soNoiVu,
      note: 'Thuộc lĩnh vực của Sở Nội vụ',
    });
    expect(moved.unitId).toBe(soNoiVu);
    expect((await chuyenvien.request({ url: `/api/feedback/${moved.id}` })).statusCode).toBe(403);
    const noAnswer = await feedbackAct(lanhdao, moved.id, {
      action: 'answer',
      version: moved.version,
      note: 'Trả lời',
    });
    expect(noAnswer.statusCode).toBe(403);
  });
});

describe('duplicates', () => {
  it('offers similar open items, the same procedure first, not unrelated ones', async () => {
    const first = await submit(tiepnhan, {
      channel: 'counter',
      title: 'Yêu cầu bản sao giấy khai sinh',
      content: text('đăng ký kết hôn'),
      submitter: { name: 'Phạm Văn Dũng' },
      procedureId: procedure.id,
    });
    const twin = await submit(tiepnhan, {
      channel: 'mail',
      title: 'Yêu cầu bản sao giấy khai sinh',
      content: text('dang ky ket hon'),
      submitter: { name: 'Võ Thị Em' },
      procedureId: procedure.id,
    });
    const other = await submit(tiepnhan, {
      channel: 'counter',
      title: 'Bãi đỗ xe',
      content: 'Bãi giữ xe trước trung tâm thu phí quá cao so với quy định của tỉnh',
      submitter: { name: 'Đỗ Văn Giang' },
    });
    const res = await kstthc.request({ url: `/api/feedback/${first.id}/similar` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { code: string; sameProcedure: boolean; score: number }[];
    expect(items[0]).toMatchObject({ code: twin.code, sameProcedure: true });
    expect(items[0]!.score).toBeGreaterThan(1);
    expect(items.map((i) => i.code)).not.toContain(other.code);
    expect(items.map((i) => i.code)).not.toContain(first.code);
    expect((await congdan.request({ url: `/api/feedback/${first.id}/similar` })).statusCode).toBe(403);
  });
});

describe('publication, votes and re-complaints', () => {
  let published: { id: string; code: string };
  let named: { id: string; code: string };

  beforeAll(async () => {
    const token = await verifiedContactToken(t, { email });
    const anonymousItem = await submit(t, {
      channel: 'portal',
      title: 'Cán bộ hẹn nhiều lần',
      content: `Tôi là Trần Văn Hùng, CCCD ${personalId}, ở ${address}, gọi ${phone} hoặc ${email}. ${text('cấp bản sao trích lục')}`,
      submitter: { name: 'Trần Văn Hùng', address, personalId },
      anonymous: true,
      contactToken: token,
    });
    published = await publish(anonymousItem, `Sở Tư pháp đã liên hệ ông Hùng qua số ${phone} và xin lỗi.`);
    named = await publish(
      await submit(congdan, {
        channel: 'portal',
        title: 'Thời gian trả kết quả',
        content: text('chứng thực bản sao'),
        submitter: { name: 'Nguyễn Văn An' },
      }),
      'Đã rút ngắn thời gian.',
    );
  });

  it('public pages need no login and carry no personal data', async () => {
    const list = await t.app.inject({ url: '/api/public/feedback' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { code: string }) => i.code)).toEqual(
      expect.arrayContaining([published.code, named.code]),
    );
    const detail = await t.app.inject({ url: `/api/public/feedback/${published.code}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ submitterName: ANONYMOUS_NAME, answer: expect.stringContaining('[đã ẩn]') });
    for (const body of [list.body, detail.body]) {
      for (const secret of [phone, email, personalId, address, 'Trần Văn Hùng', '0987 654 321', congdan.user.id])
        expect(body).not.toContain(secret);
      expect(body).not.toMatch(/"(submitter|phone|email|personalId|address|contactKey|submitterUserId|fileIds)"/);
    }
    expect((await t.app.inject({ url: `/api/public/feedback/${named.code}` })).json().submitterName).toBe(
      'N***** V** A*',
    );
    const searched = (
      await t.app.inject({ url: `/api/public/feedback?q=${encodeURIComponent('thời gian trả')}` })
    ).json();
    expect(searched.items.map((i: { code: string }) => i.code)).toEqual([named.code]);
    const unpublished = await submit(congdan, {
      channel: 'portal',
      title: 'Chưa công khai',
      content: text('x'),
      submitter: { name: 'An' },
    });
    expect((await t.app.inject({ url: `/api/public/feedback/${unpublished.code}` })).statusCode).toBe(404);
  });

  it('one mark per account or verified contact', async () => {
    const url = `/api/public/feedback/${published.code}/votes`;
    expect((await t.app.inject({ method: 'POST', url, payload: { useful: true } })).json().error.code).toBe(
      'FEEDBACK_SUBMITTER_UNVERIFIED',
    );
    expect((await congdan.request({ method: 'POST', url, payload: { useful: false } })).json()).toMatchObject({
      likes: 0,
      dislikes: 1,
    });
    expect((await congdan.request({ method: 'POST', url, payload: { useful: true } })).json().error.code).toBe(
      'FEEDBACK_ALREADY_VOTED',
    );
    const token = await verifiedContactToken(t, { phone: '0933444555' });
    expect(
      (await t.app.inject({ method: 'POST', url, payload: { useful: false, contactToken: token } })).json(),
    ).toMatchObject({ dislikes: 2 });
    const again = await verifiedContactToken(t, { phone: '+84933444555' });
    expect(
      (await t.app.inject({ method: 'POST', url, payload: { useful: true, contactToken: again } })).statusCode,
    ).toBe(409);
    expect((await tiepnhan.request({ method: 'POST', url, payload: { useful: true } })).json()).toMatchObject({
      likes: 1,
      dislikes: 2,
    });
  });

  it('a re-complaint is a new item and makes the answer unsatisfied; the figures count it', async () => {
    // From the day before the lifecycle block's pinned date: the late answers it gave count too.
    const window = {
      unitIds: [soTuPhap],
      from: new Date(Math.min(Date.now(), LIFECYCLE_NOW.getTime()) - DAY),
      to: new Date(Date.now() + DAY),
    };
    const figuresBefore = await feedbackFigures(t.handle.db, window);
    expect(figuresBefore.satisfied.unsatisfiedCodes).toContain(published.code); // dislikes > likes
    expect(figuresBefore.satisfied.unsatisfiedCodes).not.toContain(named.code);

    const res = await congdan.request({
      method: 'POST',
      url: `/api/public/feedback/${named.code}/complaints`,
      payload: { content: 'Thực tế vẫn phải chờ hơn mười ngày mới có kết quả.' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const complaint = (await kstthc.request({ url: `/api/feedback/${res.json().code}` })).json();
    expect(complaint).toMatchObject({ status: 'received', parentId: named.id, channel: 'portal' });
    expect((await kstthc.request({ url: `/api/feedback/${named.id}` })).json()).toMatchObject({
      complaints: 1,
      unsatisfied: true,
    });
    expect((await t.app.inject({ url: `/api/public/feedback/${named.code}` })).json().complaints).toBe(1);

    const figures = await feedbackFigures(t.handle.db, window);
    expect(figures.satisfied.unsatisfiedCodes).toContain(named.code);
    expect(figures.satisfied.denominator).toBe(figuresBefore.satisfied.denominator);
    expect(figures.satisfied.numerator).toBe(figuresBefore.satisfied.numerator - 1);
    expect(figures.onTime.lateCodes.length).toBeGreaterThan(0);
  });
});

async function routedItem(title: string) {
  const item = await submit(tiepnhan, {
    channel: 'counter',
    title,
    content: text(title),
    submitter: { name: 'Hồ Văn Khánh' },
  });
  return feedbackStep(kstthc, item, 'classify', { category: 'conduct', unitId: soTuPhap });
}

async function publish(item: { id: string; version: number }, answer: string) {
  let x = await feedbackStep(kstthc, item, 'classify', { category: 'regulation', unitId: soTuPhap });
  x = await feedbackStep(chuyenvien, x, 'answer', { note: answer });
  return feedbackStep(lanhdao, x, 'publish');
}

async function workingMinutes(from: Date, to: Date) {
  const res = await t.app.inject({
    url: `/api/calendar/between?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`,
  });
  return res.json().minutes as number;
}

/**
 * An instant exactly `n` (≤ 2) working days before now, for the lifecycle block: its pinned now is a
 * Wednesday morning in office hours (LIFECYCLE_NOW, moved on by seconds), so n calendar days back
 * is the same hour of a working day and n × 450 working minutes lie in between; checked here.
 */
async function workingDaysAgo(n: number) {
  const now = new Date();
  expect(now.getTime() - LIFECYCLE_NOW.getTime()).toBeLessThan(HOUR); // still that Wednesday morning
  const at = new Date(now.getTime() - n * DAY);
  const minutes = await workingMinutes(at, now);
  expect(minutes).toBeGreaterThanOrEqual(n * 450 - 1);
  expect(minutes).toBeLessThanOrEqual(n * 450 + 1);
  return at;
}
