/**
 * Issue 21, plans: the procedure-control officer imports the Bắc Kạn office's 2025 reform plan
 * (seed 003, pasted from its PDF) for the provincial office, sees the preview with the units
 * matched to the org tree (and the unmatched ones listed), saves it; the lead unit reports
 * progress with a comment and evidence; the plan's completion moves; the progress report comes
 * as XLSX and PDF; due-soon and overdue tasks are announced once on the outbox. Clock pinned.
 */
import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { queryRows } from '../../src/kernel/db.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { announceDeadlines } from '../../src/modules/plans/deadlines.service.js';
import { outboxEvents } from '../../src/modules/outbox/outbox.table.js';
import { staffAt } from '../fixtures/dossiers.js';
import { demoUnits } from '../fixtures/units.js';
import { PDF, upload } from '../fixtures/uploads.js';

const SEED = readFileSync(new URL('../fixtures/plans/003-bac-kan-cchc-2025.txt', import.meta.url), 'utf8');
/** Mon 20/1/2025 09:00 in Vietnam. */
const clock = fixedClock('2025-01-20T02:00:00Z');

let t: TestApp;
let admin: Session;
let kstthc: Session;
let hctcLeader: Session;
let vpId: string;
let hctcId: string;
let planId: string;
type Task = { id: string; number: string; kind: string; version: number; status: string; progress: number };
let tasks: Task[];
const byNumber = (n: string) => tasks.find((x) => x.number === n)!;

async function unit(name: string, kind: string, code: string, shortName?: string) {
  const res = await admin.request({
    method: 'POST',
    url: '/api/units',
    payload: { parentId: vpId, name, kind, officialCode: code, validFrom: '2024-01-01', shortName },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  [admin, kstthc] = await Promise.all([t.login('admin'), t.login('kstthc')]);
  vpId = (await demoUnits(t))('Văn phòng Ủy ban nhân dân tỉnh');
  hctcId = await unit('Phòng Hành chính tổ chức - Quản trị tài vụ', 'division', '001.01.00.H91');
  hctcLeader = await staffAt(t, admin, 'truongphong-hctc', 'unit_leader', hctcId);
});
afterAll(async () => {
  await t?.close();
});

describe('import with preview', () => {
  let preview: {
    heading: Record<string, unknown>;
    tasks: Record<string, unknown>[];
    unmatched: { label: string; numbers: string[] }[];
  };

  it('previews the pasted text: heading, tree, units matched by abbreviation, the rest listed for review', async () => {
    const res = await kstthc.request({
      method: 'POST',
      url: '/api/plans/preview',
      payload: { issuerUnitId: vpId, source: 'text', text: SEED },
    });
    expect(res.statusCode, res.body).toBe(200);
    preview = res.json();
    expect(preview.heading).toMatchObject({
      title: 'Thực hiện công tác cải cách hành chính năm 2025',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      legalBasis: 'Kế hoạch số 893/KH-UBND ngày 26/12/2024',
    });
    expect(preview.tasks).toHaveLength(96);
    const t111 = preview.tasks.find((x) => x.number === '1.1.1')!;
    expect(t111.lead).toEqual([
      {
        label: 'Phòng HCTC-QTTV',
        unitId: hctcId,
        unitName: 'Phòng Hành chính tổ chức - Quản trị tài vụ',
        collective: false,
      },
    ]);
    expect(t111.coordinating).toMatchObject([{ label: 'Các Phòng, ban, đơn vị', collective: true, unitId: null }]);
    expect(t111.schedule).toEqual({ kind: 'due', dueOn: '2025-01-31', reporting: null });
    // "Nhà khách tỉnh" is not in the tree yet: listed for review with the tasks that name it.
    expect(preview.unmatched).toEqual([{ label: 'Nhà khách tỉnh', numbers: ['6.3.1', '6.3.2', '6.3.3', '6.3.4'] }]);
    // Nothing was saved.
    expect((await kstthc.request({ url: '/api/plans' })).json().plans).toEqual([]);
  });

  it('refuses a preview over a unit the caller does not manage, and text with no table', async () => {
    const lanhdao = await t.login('lanhdao');
    const refused = await lanhdao.request({
      method: 'POST',
      url: '/api/plans/preview',
      payload: { issuerUnitId: vpId, source: 'text', text: SEED },
    });
    expect(refused.statusCode).toBe(403);
    const empty = await kstthc.request({
      method: 'POST',
      url: '/api/plans/preview',
      payload: { issuerUnitId: vpId, source: 'text', text: 'KẾ HOẠCH\nkhông có bảng' },
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.code).toBe('PLAN_NO_TASKS');
  });

  it('saves the reviewed plan (the guest house resolved by hand) with its tree', async () => {
    const guestHouse = await unit('Nhà khách Văn phòng UBND tỉnh', 'other', '001.02.00.H91');
    const reviewed = preview.tasks.map((x) => ({
      number: x.number,
      title: x.title,
      timeframeText: x.timeframeText,
      expectedOutput: x.expectedOutput,
      notes: x.notes,
      lead: (x.lead as { label: string; unitId: string | null; collective: boolean }[]).map((a) =>
        a.label === 'Nhà khách tỉnh' ? { ...a, unitId: guestHouse } : a,
      ),
      coordinating: x.coordinating,
    }));
    const { periodFrom, periodTo, issuerName, number, issuedOn, title, legalBasis } = preview.heading as Record<
      string,
      string
    >;
    const res = await kstthc.request({
      method: 'POST',
      url: '/api/plans',
      payload: {
        issuerUnitId: vpId,
        source: 'text',
        issuerName,
        number,
        issuedOn,
        title,
        legalBasis,
        periodFrom,
        periodTo,
        tasks: reviewed,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    planId = res.json().id;
    expect(res.json().completion).toMatchObject({ total: 68, done: 0, completionPercent: 0 });
    const detail = (await kstthc.request({ url: `/api/plans/${planId}` })).json();
    tasks = detail.tasks;
    expect(detail.tasks).toHaveLength(96);
    expect(byNumber('1.1.1')).toMatchObject({ deadline: 'on_track', status: 'not_started' });
    expect(detail.tasks.find((x: Task) => x.number === '6.3.1').lead[0].unitId).toBe(guestHouse);
    expect(detail.tasks.find((x: Task) => x.number === '1.1').kind).toBe('group');
    // The save left the planner statistics current (ANALYZE after the commit, as the catalog import does).
    for (const table of ['plan_tasks', 'plan_task_units']) {
      const [row] = await queryRows<{ estimated: number; actual: number }>(
        t.handle.db,
        sql`select reltuples::int as estimated, (select count(*)::int from ${sql.identifier(table)}) as actual
            from pg_class where oid = ${table}::regclass`,
      );
      expect(row!.estimated, table).toBe(row!.actual);
      expect(row!.actual, table).toBeGreaterThan(0);
    }
    const audit = await t.handle.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.topic, 'plan.create'), eq(outboxEvents.aggregateId, planId)));
    expect(audit).toHaveLength(1);
  });
});

describe('progress by the lead unit', () => {
  it('the lead unit reports 1.1.1 done with a comment and evidence; completion moves', async () => {
    const fileId = (await upload(hctcLeader, PDF, 'ke-hoach-05.pdf')).json().id as string;
    const task = byNumber('1.1.1');
    const before = await hctcLeader.request({ url: `/api/plans/${planId}/tasks/${task.id}` });
    expect(before.json().mayReport).toBe(true);
    const res = await hctcLeader.request({
      method: 'POST',
      url: `/api/plans/${planId}/tasks/${task.id}/updates`,
      payload: {
        status: 'done',
        progress: 100,
        comment: 'Đã ban hành Kế hoạch số 05/KH-VP',
        fileIds: [fileId],
        version: task.version,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'done', progress: 100, completedOn: '2025-01-20', deadline: 'done' });
    const history = (await kstthc.request({ url: `/api/plans/${planId}/tasks/${task.id}` })).json().history;
    expect(history).toMatchObject([
      { status: 'done', progress: 100, comment: 'Đã ban hành Kế hoạch số 05/KH-VP', fileIds: [fileId], unitId: hctcId },
    ]);
    const detail = (await kstthc.request({ url: `/api/plans/${planId}` })).json();
    expect(detail.completion).toMatchObject({ total: 68, done: 1, doneOnTime: 1, completionPercent: 1 });
    const hctc = detail.byUnit.find((u: { unitId: string }) => u.unitId === hctcId);
    expect(hctc.completion.done).toBe(1);
    // The plan's reader may read the evidence.
    expect((await kstthc.request({ url: `/api/files/${fileId}` })).statusCode).toBe(200);
  });

  it('refuses a stale version, an inconsistent %, a group, and a unit that does not lead the task', async () => {
    const task = byNumber('1.1.1');
    const stale = await hctcLeader.request({
      method: 'POST',
      url: `/api/plans/${planId}/tasks/${task.id}/updates`,
      payload: { status: 'in_progress', progress: 50, version: task.version },
    });
    expect(stale.json().error.code).toBe('PLAN_TASK_VERSION_CONFLICT');
    const t112 = byNumber('1.1.2');
    const odd = await hctcLeader.request({
      method: 'POST',
      url: `/api/plans/${planId}/tasks/${t112.id}/updates`,
      payload: { status: 'done', progress: 80, version: t112.version },
    });
    expect(odd.json().error.code).toBe('PLAN_TASK_PROGRESS_INCONSISTENT');
    const group = byNumber('1.1');
    const grp = await hctcLeader.request({
      method: 'POST',
      url: `/api/plans/${planId}/tasks/${group.id}/updates`,
      payload: { status: 'in_progress', progress: 10, version: group.version },
    });
    expect(grp.statusCode).toBe(403); // a group has no lead unit
    // 6.3.1 is led by the guest house: the HCTC office may not report on it.
    const other = byNumber('6.3.1');
    const refused = await hctcLeader.request({
      method: 'POST',
      url: `/api/plans/${planId}/tasks/${other.id}/updates`,
      payload: { status: 'in_progress', progress: 10, version: other.version },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('a collective lead ("Các Phòng, ban, đơn vị") lets any unit under the issuer report', async () => {
    const task = byNumber('2.1.3');
    const res = await hctcLeader.request({
      method: 'POST',
      url: `/api/plans/${planId}/tasks/${task.id}/updates`,
      payload: { status: 'in_progress', progress: 30, comment: 'Đang xử lý', version: task.version },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'in_progress', progress: 30, deadline: 'no_due_date' });
  });
});

describe('progress report and deadline announcements', () => {
  it('downloads the progress report as XLSX (completion and the task rows) and as PDF', async () => {
    const xlsx = await kstthc.request({ url: `/api/plans/${planId}/report?format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.worksheets[0]!.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v))));
    });
    expect(rows.some((r) => r[0]?.includes('1/68 nhiệm vụ hoàn thành (1%)'))).toBe(true);
    expect(rows.find((r) => r[0] === '1.1.1')).toEqual([
      '1.1.1',
      'Xây dựng và ban hành kế hoạch CCHC năm',
      'Phòng Hành chính tổ chức - Quản trị tài vụ',
      'Tháng 01/2025 (hạn 31/01/2025)',
      'Hoàn thành',
      '100%',
      '',
    ]);
    const pdf = await kstthc.request({ url: `/api/plans/${planId}/report?format=pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('announces due-soon then overdue tasks once each on the outbox (the notification seam)', async () => {
    const topics = async (topic: string) =>
      t.handle.db.select().from(outboxEvents).where(eq(outboxEvents.topic, topic));
    // 20/1: nothing due within 7 days. 25/1: the January tasks still open (6.2.1, 6.2.2); 1.1.1 is done.
    expect(await announceDeadlines(t.handle.db, clock.now())).toEqual({ dueSoon: 0, overdue: 0 });
    const jan25 = new Date('2025-01-25T02:00:00Z');
    expect(await announceDeadlines(t.handle.db, jan25)).toEqual({ dueSoon: 2, overdue: 0 });
    expect(await announceDeadlines(t.handle.db, jan25)).toEqual({ dueSoon: 0, overdue: 0 });
    const soon = await topics('plan.task.due_soon');
    expect(soon.map((e) => (e.payload as { number: string }).number).sort()).toEqual(['6.2.1', '6.2.2']);
    expect(soon[0]!.payload).toMatchObject({ planId, dueOn: '2025-01-31', leadLabels: ['Phòng HCTC&QTTV'] });
    // 3/2: both are overdue; 2.1.1 (due 28/2) is not yet due soon.
    expect(await announceDeadlines(t.handle.db, new Date('2025-02-03T02:00:00Z'))).toEqual({ dueSoon: 0, overdue: 2 });
  });
});
