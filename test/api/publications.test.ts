/**
 * Issue 21 §4, the public accountability pages. The kernel clock is pinned: on 4 March 2026
 * (Vietnam) only last week's index is due; on the 5th (PUBLIC_LATE_LIST_DAY) the periodic task
 * publishes the late list of reporting month 2026-02 and that month's index as snapshots, which an
 * anonymous visitor reads — with each late dossier's apology-letter status and no applicant data —
 * and which do not change when the data later does (nor can they be changed in the database).
 * Then the one-stop directory: kept by the system administrator, read by anyone.
 * Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { queryRows } from '../../src/kernel/db.js';
import { taskRunners } from '../../src/modules/jobs/jobs.routes.js';
import { type DemoProcedure, fileDossier } from '../fixtures/dossiers.js';
import { citizen, insertCase } from '../fixtures/kpi.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { demoUnits } from '../fixtures/units.js';

const clock = fixedClock('2026-03-04T03:00:00Z'); // 10:00 on Wednesday 4 March 2026, Vietnam
let t: TestApp;
let admin: Session;
let chuyenvien: Session;
let soTuPhap: string;
let centre: string;
let model: string;

const anonymous = (url: string) => t.app.inject({ url });
/**
 * The scheduler's tick at the pinned instant. The task was registered at the machine's time, later
 * than the pinned one: it is made due first (as it is every hour in production).
 */
async function runTasks() {
  await t.handle.db.execute(
    sql`update scheduled_tasks set next_run_at = ${clock.now().toISOString()}::timestamptz where name = 'publications.publish-due'`,
  );
  await taskRunners.get(t.app)!.runDue(clock.now());
  const [task] = await queryRows<{ last_error: string | null }>(
    t.handle.db,
    sql`select last_error from scheduled_tasks where name = 'publications.publish-due'`,
  );
  expect(task!.last_error).toBeNull();
}
const publicationCount = async () =>
  (await queryRows<{ n: number }>(t.handle.db, sql`select count(*)::int as n from publications`))[0]!.n;

beforeAll(async () => {
  t = await createTestApp({ clock });
  [admin, chuyenvien] = await Promise.all([t.login('admin'), t.login('chuyenvien')]);
  const unit = await demoUnits(t);
  soTuPhap = unit('Sở Tư pháp');
  centre = unit('Trung tâm Phục vụ hành chính công', true);
  const tiepnhan = await t.login('tiepnhan');
  const procedure = await procedureByCode<DemoProcedure>(t, '2.000635');
  model = (
    await fileDossier(tiepnhan, procedure, { channel: 'counter', applicant: citizen, competentUnitId: soTuPhap })
  ).code;
  // Reporting month 2026-02 runs 21 Jan → 20 Feb (Vietnam).
  await insertCase(t, model, {
    code: 'LATE-APOLOGY',
    status: 'processed',
    received: '2026-02-02T02:00:00Z',
    due: '2026-02-05T10:00:00Z',
    completed: '2026-02-10T02:00:00Z',
    outcome: 'late',
  });
  await insertCase(t, model, {
    code: 'LATE-RUNNING',
    status: 'processing',
    received: '2026-02-02T02:00:00Z',
    due: '2026-02-10T10:00:00Z',
  });
  await insertCase(t, model, {
    code: 'ON-TIME',
    status: 'processed',
    received: '2026-02-02T02:00:00Z',
    due: '2026-02-10T10:00:00Z',
    completed: '2026-02-03T02:00:00Z',
    outcome: 'onTime',
  });
  // The official who let the first one run over; its apology letter (mẫu 04).
  await t.handle.db.execute(
    sql`update dossiers set current_assignee_id = ${chuyenvien.user.id} where code = 'LATE-APOLOGY'`,
  );
  await t.handle.db.execute(sql`insert into dossier_extensions (dossier_id, reason, previous_appointment_at, new_appointment_at, approved_by, created_at)
    select id, 'Cần xác minh thêm', '2026-02-05T10:00:00Z', '2026-02-12T10:00:00Z', ${chuyenvien.user.id}, '2026-02-04T02:00:00Z'
    from dossiers where code = 'LATE-APOLOGY'`);
}, 120_000);
afterAll(() => t.close());

describe('publication on the configured day', () => {
  it('before the 5th: only last week’s index is published; no late list yet', async () => {
    await runTasks();
    const lists = await anonymous('/api/public/late-lists');
    expect(lists.statusCode, lists.body).toBe(200);
    expect(lists.json().items).toEqual([]);
    expect((await anonymous('/api/public/late-list')).statusCode).toBe(404);
    expect((await anonymous('/api/public/late-list')).json().error.code).toBe('PUBLICATION_NOT_FOUND');
    const index = await anonymous('/api/public/kpi/publications');
    expect(index.json().items.map((i: { kind: string; period: string }) => `${i.kind} ${i.period}`)).toEqual([
      'index-week 2026-W09',
    ]);
  });

  it('on the 5th the late list of 2026-02 is published for anonymous visitors, with the apology status', async () => {
    clock.set('2026-03-05T01:00:00Z'); // 08:00 on the 5th, Vietnam
    await runTasks();
    const res = await anonymous('/api/public/late-list');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      kind: 'late-list',
      period: '2026-02',
      from: '2026-01-21',
      to: '2026-02-20',
      publishedAt: '2026-03-05T01:00:00.000Z',
      contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(body.content).toMatchObject({ month: '2026-02', total: 2, withApology: 1 });
    expect(body.content.units).toEqual([{ unitName: 'Sở Tư pháp', late: 2 }]);
    const byCode = Object.fromEntries(
      body.content.dossiers.map((d: { code: string; apologySent: boolean; officialName: string | null }) => [
        d.code,
        d,
      ]),
    );
    // Codes are masked in the snapshot itself (the public lookup's key), last four kept.
    expect(Object.keys(byCode).sort()).toEqual(['••••••••LOGY', '••••••••NING']);
    expect(res.body).not.toContain('LATE-APOLOGY');
    expect(byCode['••••••••LOGY']).toMatchObject({
      apologySent: true,
      unitName: 'Sở Tư pháp',
      procedureCode: '2.000635',
    });
    expect(byCode['••••••••NING']).toMatchObject({ apologySent: false, officialName: null });
    // The official is named with the unit (public duty); the legal basis is stated.
    const official = body.content.officials.find((o: { fullName: string | null }) => o.fullName !== null);
    expect(byCode['••••••••LOGY'].officialName).toBe(official.fullName);
    expect(official).toMatchObject({ unitNames: ['Sở Tư pháp'], late: 1 });
    expect(body.content.legalBasis.join(' ')).toContain('61/2018/NĐ-CP');
  });

  it('no personal data of applicants in anything published', async () => {
    const applicants = await queryRows<{ applicant: Record<string, string> }>(
      t.handle.db,
      sql`select applicant from dossiers`,
    );
    const texts = [
      (await anonymous('/api/public/late-list')).body,
      (await anonymous('/api/public/late-lists')).body,
      (await anonymous('/api/public/kpi/publication?period=2026-02')).body,
      (await queryRows<{ c: string }>(t.handle.db, sql`select content::text as c from publications`))
        .map((r) => r.c)
        .join(''),
    ].join('\n');
    for (const { applicant } of applicants) {
      for (const key of ['fullName', 'idNumber', 'phone', 'address', 'email']) {
        if (applicant[key]) expect(texts).not.toContain(applicant[key]);
      }
    }
    expect(texts).not.toMatch(/applicant|idNumber|personalId/i);
  });

  it('the month’s index is published with the week’s; the dashboard can name and pick each', async () => {
    const list = (await anonymous('/api/public/kpi/publications')).json().items;
    expect(list.map((i: { kind: string; period: string }) => `${i.kind} ${i.period}`)).toEqual([
      'index-week 2026-W09',
      'index-month 2026-02',
    ]);
    const weeks = (await anonymous('/api/public/kpi/publications?kind=week')).json().items;
    expect(weeks.map((i: { period: string }) => i.period)).toEqual(['2026-W09']);
    const month = await anonymous('/api/public/kpi/publication?period=2026-02');
    expect(month.statusCode, month.body).toBe(200);
    expect(month.json()).toMatchObject({
      kind: 'index-month',
      period: '2026-02',
      publishedAt: '2026-03-05T01:00:00.000Z',
      content: { index: { period: '2026-02', from: '2026-01-21', to: '2026-02-20' } },
    });
    expect(month.json().content.departments.kind).toBe('department');
    const week = (await anonymous('/api/public/kpi/publication?period=2026-W09')).json();
    expect(week).toMatchObject({
      kind: 'index-week',
      from: '2026-02-23',
      to: '2026-03-01',
      publishedAt: '2026-03-04T03:00:00.000Z',
    });
    expect((await anonymous('/api/public/kpi/publication?period=2026-Q1')).statusCode).toBe(400);
    expect((await anonymous('/api/public/kpi/publication?period=2025-01')).json().error.code).toBe(
      'PUBLICATION_NOT_FOUND',
    );
  });

  it('a publication does not change afterwards: later runs add nothing, the database refuses edits', async () => {
    const before = (await anonymous('/api/public/late-list?period=2026-02')).json();
    await insertCase(t, model, {
      code: 'LATE-AFTER',
      status: 'processing',
      received: '2026-02-03T02:00:00Z',
      due: '2026-02-09T10:00:00Z',
    });
    const count = await publicationCount();
    clock.set('2026-03-05T03:00:00Z');
    await runTasks();
    expect(await publicationCount()).toBe(count);
    expect((await anonymous('/api/public/late-list?period=2026-02')).json()).toEqual(before);
    await expect(t.handle.db.execute(sql`update publications set content = '{}'::jsonb`)).rejects.toThrow();
    await expect(t.handle.db.execute(sql`delete from publications`)).rejects.toThrow();
    expect(await publicationCount()).toBe(count);
    const audit = await queryRows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from audit_log where action = 'publication.publish'`,
    );
    expect(audit[0]!.n).toBe(count);
  });
});

describe('the one-stop directory', () => {
  let head: { id: string; version: number };
  // The clock moved on a day: sign in again.
  beforeAll(async () => {
    [admin, chuyenvien] = await Promise.all([t.login('admin'), t.login('chuyenvien')]);
  });

  it('the system administrator adds the head and staff of a unit; anyone reads them', async () => {
    const add = (payload: Record<string, unknown>) => admin.request({ method: 'POST', url: '/api/directory', payload });
    const res = await add({
      unitId: centre,
      role: 'head',
      fullName: 'Trần Thị Bích',
      title: 'Phó Giám đốc Trung tâm, phụ trách Bộ phận Một cửa',
      phone: '0296 3 957 123',
    });
    expect(res.statusCode, res.body).toBe(201);
    head = res.json();
    const staff = await add({
      unitId: centre,
      role: 'staff',
      fullName: 'Lê Văn Cường',
      title: 'Công chức tiếp nhận',
      phone: '0296 3 957 124',
    });
    expect(staff.statusCode, staff.body).toBe(201);
    const bad = await add({ unitId: centre, role: 'staff', fullName: 'X', title: 'Y', phone: 'gọi tôi' });
    expect(bad.statusCode).toBe(400);

    const dir = await anonymous('/api/public/directory');
    expect(dir.statusCode, dir.body).toBe(200);
    const unit = dir.json().units.find((u: { unitId: string }) => u.unitId === centre);
    expect(
      unit.people.map((p: { fullName: string; role: string; phone: string }) => [p.role, p.fullName, p.phone]),
    ).toEqual([
      ['head', 'Trần Thị Bích', '0296 3 957 123'],
      ['staff', 'Lê Văn Cường', '0296 3 957 124'],
    ]);
    expect((await anonymous(`/api/public/directory?unit=${soTuPhap}`)).json().units).toEqual([]);
  });

  it('an official without unit.manage may not edit; edits are versioned and audited', async () => {
    const denied = await chuyenvien.request({
      method: 'POST',
      url: '/api/directory',
      payload: { unitId: centre, role: 'staff', fullName: 'A', title: 'B', phone: '0911111111' },
    });
    expect(denied.statusCode).toBe(403);
    const edit = await admin.request({
      method: 'PATCH',
      url: `/api/directory/${head.id}`,
      payload: { version: head.version, phone: '0296 3 957 999' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ phone: '0296 3 957 999', version: head.version + 1 });
    const stale = await admin.request({
      method: 'PATCH',
      url: `/api/directory/${head.id}`,
      payload: { version: head.version, title: 'Trưởng bộ phận' },
    });
    expect(stale.statusCode).toBe(409);
    const gone = await admin.request({
      method: 'DELETE',
      url: `/api/directory/${head.id}?version=${head.version + 1}`,
    });
    expect(gone.statusCode, gone.body).toBe(204);
    const unit = (await anonymous(`/api/public/directory?unit=${centre}`)).json().units[0];
    expect(unit.people.map((p: { fullName: string }) => p.fullName)).toEqual(['Lê Văn Cường']);
    const audit = await queryRows<{ action: string }>(
      t.handle.db,
      sql`select action from audit_log where target_type = 'directory_entry' order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'directory.create',
      'directory.create',
      'directory.update',
      'directory.delete',
    ]);
  });
});
