/**
 * The monthly late list to the heads of each unit (kpi task `kpi.monthly-late-lists`), with a
 * pinned clock in a past reporting month (July 2025: 21 June → 20 July), so the suite passes on
 * any date: nothing before the 21st's digest time; then each unit's heads receive their own unit's
 * late dossiers — not another unit's, not its on-time ones, not those finished in an earlier
 * month, nothing of the applicant — each in their own language; once per month, whether the task
 * runs again, in a restarted process or in two processes at once. Runs on PGlite and, with
 * TEST_DATABASE_URL, on PostgreSQL (truly parallel runs).
 */
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/kernel/db.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { sendMonthlyLateLists } from '../../src/modules/kpi/late-notices.service.js';
import { monthlyLateLists } from '../../src/modules/kpi/kpi.tasks.js';
import { type DemoProcedure, fileDossier } from '../fixtures/dossiers.js';
import { citizen, insertCase } from '../fixtures/kpi.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { demoUnits } from '../fixtures/units.js';

let t: TestApp;
let tiepnhan: Session;
let lanhdao: Session;
let soTuPhap: string;
let soNoiVu: string;

/** Vietnam wall-clock time in July 2025 (Monday 21 July is a working day). */
const vn = (local: string) => new Date(`${local}+07:00`);
const rows = <T extends Record<string, unknown>>(query: SQL) => queryRows<T>(t.handle.db, query);
const run = (now: Date) => t.handle.db.transaction((tx) => sendMonthlyLateLists(tx, t.deps.env, now));
const monthly = () =>
  rows<{ username: string; channel: string; locale: string; subject: string; body: string; event_key: string }>(
    sql`select u.username, m.channel, m.locale, m.subject, m.body, m.event_key from notification_messages m
        join users u on u.id = m.user_id where m.kind = 'unit.monthlyLateList' order by u.username, m.channel`,
  );

beforeAll(async () => {
  t = await createTestApp();
  [tiepnhan, lanhdao] = await Promise.all([t.login('tiepnhan'), t.login('lanhdao')]);
  const unit = await demoUnits(t);
  soTuPhap = unit('Sở Tư pháp');
  soNoiVu = unit('Sở Nội vụ');
  const [role] = await rows<{ role: string }>(
    sql`select r.role from user_roles r join users u on u.id = r.user_id where u.username = 'lanhdao' and r.unit_id = ${soTuPhap}`,
  );
  // A second head of Sở Tư pháp, the head of Sở Nội vụ, and work e-mails (the demo accounts have none).
  await t.handle.db.execute(sql`insert into users (username, full_name, kind, email, home_unit_id) values
    ('stp.pgd', 'Phó Giám đốc Sở Tư pháp', 'staff', 'stp.pgd@angiang.gov.vn', ${soTuPhap}),
    ('snv.gd', 'Giám đốc Sở Nội vụ', 'staff', 'snv.gd@angiang.gov.vn', ${soNoiVu})`);
  await t.handle.db.execute(sql`insert into user_roles (user_id, role, unit_id)
    select id, ${role!.role}, case when username = 'snv.gd' then ${soNoiVu}::uuid else ${soTuPhap}::uuid end
    from users where username in ('stp.pgd', 'snv.gd')`);
  await t.handle.db.execute(
    sql`update users set email = username || '@stp.angiang.gov.vn' where username in ('chuyenvien', 'lanhdao')`,
  );
  // lanhdao reads messages in English.
  const en = await lanhdao.request({ method: 'PUT', url: '/api/notifications/preferences', payload: { locale: 'en' } });
  expect(en.statusCode, en.body).toBe(200);

  // Rows of July 2025 copied from a dossier filed now (which itself falls in no month of 2025).
  const procedure = await procedureByCode<DemoProcedure>(t, '2.000635');
  const model = (
    await fileDossier(tiepnhan, procedure, { channel: 'counter', applicant: citizen, competentUnitId: soTuPhap })
  ).code as string;
  const cases = [
    // finished after its legal due time, inside the month
    { code: 'ML-STP-DONE', received: '2025-06-25T09:00', due: '2025-07-01T17:00', completed: '2025-07-03T10:00' },
    // still open and past its due time at the month's end
    { code: 'ML-STP-OPEN', received: '2025-07-01T09:00', due: '2025-07-10T17:00', completed: null },
    // on time: not late
    { code: 'ML-STP-ONTIME', received: '2025-06-25T09:00', due: '2025-07-10T17:00', completed: '2025-07-02T10:00' },
    // late, but finished in June's reporting month
    { code: 'ML-STP-JUNE', received: '2025-05-26T09:00', due: '2025-06-02T17:00', completed: '2025-06-10T10:00' },
    // another unit's late dossier
    {
      code: 'ML-SNV-DONE',
      received: '2025-07-01T09:00',
      due: '2025-07-04T17:00',
      completed: '2025-07-08T10:00',
      unit: soNoiVu,
    },
  ];
  for (const c of cases) {
    const iso = (local: string | null) => (local ? vn(local).toISOString() : null);
    await insertCase(t, model, {
      code: c.code,
      status: c.completed ? 'processed' : 'processing',
      received: iso(c.received),
      due: iso(c.due),
      completed: iso(c.completed),
      outcome: c.completed ? (c.code.includes('ONTIME') ? 'onTime' : 'late') : null,
      competentUnitId: c.unit ?? soTuPhap,
    });
  }
  // The open one's step is held by chuyenvien: the list names the official responsible.
  await t.handle.db.execute(
    sql`update dossiers set current_assignee_id = (select id from users where username = 'chuyenvien') where code = 'ML-STP-OPEN'`,
  );
});
afterAll(() => t.close());

describe('monthly late list to the heads of each unit (pinned clock)', () => {
  it('nothing before the 21st at the digest time', async () => {
    expect(await run(vn('2025-07-20T09:00'))).toEqual({ month: null, units: 0, messages: 0 });
    expect(await run(vn('2025-07-21T07:29'))).toEqual({ month: null, units: 0, messages: 0 });
    expect(await monthly()).toEqual([]);
  });

  it('from 07:30 on the 21st: each unit’s heads get their own unit’s late dossiers, in their language', async () => {
    const first = await run(vn('2025-07-21T07:31'));
    expect(first).toEqual({ month: '2025-07', units: 2, messages: 6 });
    const sent = await monthly();
    expect(sent.map((m) => [m.username, m.channel, m.locale])).toEqual([
      ['lanhdao', 'email', 'en'],
      ['lanhdao', 'inapp', 'en'],
      ['snv.gd', 'email', 'vi'],
      ['snv.gd', 'inapp', 'vi'],
      ['stp.pgd', 'email', 'vi'],
      ['stp.pgd', 'inapp', 'vi'],
    ]);
    const of = (username: string) => sent.find((m) => m.username === username && m.channel === 'inapp')!;

    const stp = of('stp.pgd');
    expect(stp.event_key).toBe(`monthly-late:${soTuPhap}:2025-07`);
    expect(stp.subject).toBe('Danh sách hồ sơ trễ hạn tháng 07/2025 của Sở Tư pháp');
    expect(stp.body).toContain(
      'Sở Tư pháp có 2 hồ sơ trễ hạn trong kỳ báo cáo tháng 07/2025 (từ 21/06/2025 đến 20/07/2025)',
    );
    const [chuyenvien] = await rows<{ full_name: string }>(
      sql`select full_name from users where username = 'chuyenvien'`,
    );
    expect(stp.body.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- ML-STP-DONE · 01/07/2025 → 03/07/2025',
      `- ML-STP-OPEN · 10/07/2025 → … · ${chuyenvien!.full_name}`,
    ]);
    expect(stp.body).not.toContain(citizen.fullName);
    expect(stp.body).not.toContain('ML-SNV');

    const en = of('lanhdao');
    expect(en.subject).toBe('Late applications of Sở Tư pháp, reporting month 07/2025');
    expect(en.body).toContain(
      'Sở Tư pháp had 2 late applications in reporting month 07/2025 (21/06/2025 to 20/07/2025)',
    );
    expect(en.body).toContain('- ML-STP-DONE · 01/07/2025 → 03/07/2025');

    const snv = of('snv.gd');
    expect(snv.subject).toBe('Danh sách hồ sơ trễ hạn tháng 07/2025 của Sở Nội vụ');
    expect(snv.body.split('\n').filter((l) => l.startsWith('- '))).toEqual(['- ML-SNV-DONE · 04/07/2025 → 08/07/2025']);

    // An official who is not a head of the unit hears nothing; the heads read it in their inbox.
    expect(sent.some((m) => m.username === 'chuyenvien')).toBe(false);
    const inbox = (await lanhdao.request({ url: '/api/notifications/inbox?limit=200' })).json();
    expect(inbox.items.find((i: { kind: string }) => i.kind === 'unit.monthlyLateList')).toMatchObject({
      subject: en.subject,
      link: '/staff/kpi',
    });
  });

  it('once per unit and month: again later, after a restart, or in two processes at once', async () => {
    const before = (await monthly()).length;
    expect(await run(vn('2025-07-21T07:46'))).toEqual({ month: '2025-07', units: 0, messages: 0 });
    expect(await run(vn('2025-07-28T08:00'))).toEqual({ month: '2025-07', units: 0, messages: 0 });
    // Through the periodic task, as a freshly started process runs it.
    expect(await monthlyLateLists.run(t.handle.db, t.deps.env, vn('2025-07-22T08:00'), t.deps.services)).toEqual({
      month: '2025-07',
      units: 0,
      messages: 0,
    });
    expect(await monthly()).toHaveLength(before);
    const [claim] = await rows<{ units: number; dossiers: number; messages: number }>(
      sql`select units, dossiers, messages from kpi_late_list_notices where month = '2025-07'`,
    );
    expect(claim).toEqual({ units: 2, dossiers: 3, messages: 6 });

    // August's list (only the open one is still late), asked for by two processes at the same
    // moment: one sends it, the other nothing.
    const [a, b] = await Promise.all([run(vn('2025-08-21T08:00')), run(vn('2025-08-21T08:00'))]);
    expect([a.messages, b.messages].sort()).toEqual([0, 4]);
    const august = (await monthly()).filter((m) => m.event_key.endsWith(':2025-08'));
    expect(august.map((m) => m.username)).toEqual(['lanhdao', 'lanhdao', 'stp.pgd', 'stp.pgd']);
    expect(august.find((m) => m.username === 'stp.pgd')!.body).toContain('Sở Tư pháp có 1 hồ sơ trễ hạn');
    expect(august[0]!.body).toContain('- ML-STP-OPEN · 10/07/2025 → …');
  });
});
