/**
 * Issue 21, plans: a recurring task ("Hàng quý", seed 002) is due at each occurrence. Saved with
 * its first occurrence (31/3/2025) as its due date, it is announced due soon; reported on within
 * the quarter, it moves on to 30/6 without an overdue notice; not reported in the second quarter,
 * it is announced overdue, then moves on to 30/9 — each move in the audit trail and on the outbox.
 * Clock pinned and moved.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { announceDeadlines } from '../../src/modules/plans/deadlines.service.js';
import { outboxEvents } from '../../src/modules/outbox/outbox.table.js';
import { planTasks } from '../../src/modules/plans/plans.tables.js';
import { staffAt } from '../fixtures/dossiers.js';
import { demoUnits } from '../fixtures/units.js';

/** Mon 20/1/2025 09:00 in Vietnam. */
const clock = fixedClock('2025-01-20T02:00:00Z');
/** 09:00 in Vietnam on a day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

let t: TestApp;
let kstthc: Session;
let planId: string;
let taskId: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const admin = await t.login('admin');
  kstthc = await t.login('kstthc');
  const vpId = (await demoUnits(t))('Văn phòng Ủy ban nhân dân tỉnh');
  const created = await admin.request({
    method: 'POST',
    url: '/api/units',
    payload: {
      parentId: vpId,
      name: 'Phòng Kiểm soát thủ tục hành chính',
      kind: 'division',
      officialCode: '001.03.00.H91',
      validFrom: '2024-01-01',
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const unitId = created.json().id as string;
  await staffAt(t, admin, 'truongphong-ks', 'unit_leader', unitId);
  const res = await kstthc.request({
    method: 'POST',
    url: '/api/plans',
    payload: {
      issuerUnitId: vpId,
      source: 'text',
      issuerName: 'ỦY BAN NHÂN DÂN',
      number: '242/QĐ-UBND',
      issuedOn: '2025-01-15',
      title: 'Kế hoạch kiểm soát thủ tục hành chính năm 2025',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      legalBasis: '',
      tasks: [
        {
          number: '1',
          title: 'Báo cáo tình hình, kết quả giải quyết thủ tục hành chính',
          lead: [{ label: 'Phòng KSTTHC', unitId, collective: false }],
          coordinating: [],
          timeframeText: 'Hàng quý (Theo Kế hoạch số 712/KH- UBND ngày 18/11/2020 của UBND tỉnh)',
          expectedOutput: 'Báo cáo',
          notes: '',
        },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  planId = res.json().id;
  taskId = (await kstthc.request({ url: `/api/plans/${planId}` })).json().tasks[0].id;
});
afterAll(async () => {
  await t?.close();
});

const events = async (topic: string) =>
  (await t.handle.db.select().from(outboxEvents).where(eq(outboxEvents.topic, topic)).orderBy(outboxEvents.id))
    .map((e) => e.payload as { taskId: string; dueOn: string; previousDueOn?: string; reported?: boolean })
    .filter((p) => p.taskId === taskId);
const dueOn = async () =>
  (await t.handle.db.select({ dueOn: planTasks.dueOn }).from(planTasks).where(eq(planTasks.id, taskId)))[0]!.dueOn;

describe('a quarterly task, occurrence by occurrence', () => {
  it('is saved as recurring, due at the end of the first quarter', async () => {
    const { task } = (await kstthc.request({ url: `/api/plans/${planId}/tasks/${taskId}` })).json();
    expect(task.schedule).toEqual({ kind: 'recurring', dueOn: '2025-03-31', reporting: 'quarterly' });
    expect(task.deadline).toBe('on_track');
  });

  it('is announced due soon, and once reported on within the quarter moves on without an overdue notice', async () => {
    await announceDeadlines(t.handle.db, at('2025-03-25'));
    expect(await events('plan.task.due_soon')).toMatchObject([{ dueOn: '2025-03-31' }]);
    clock.set(at('2025-03-28'));
    // Two months on: a fresh session (the clock moved past the first one's life).
    const lead = await t.login('truongphong-ks', 'MatKhau-Thu-2026');
    const detail = await lead.request({ url: `/api/plans/${planId}/tasks/${taskId}` });
    expect(detail.json(), detail.body).toMatchObject({ mayReport: true });
    const { version } = detail.json().task;
    const report = await lead.request({
      method: 'POST',
      url: `/api/plans/${planId}/tasks/${taskId}/updates`,
      payload: { status: 'in_progress', progress: 25, comment: 'Đã gửi báo cáo quý I', fileIds: [], version },
    });
    expect(report.statusCode, report.body).toBe(201);
    await announceDeadlines(t.handle.db, at('2025-04-02'));
    expect(await dueOn()).toBe('2025-06-30');
    expect(await events('plan.task.overdue')).toEqual([]);
    expect(await events('plan.task.next_occurrence')).toMatchObject([
      { previousDueOn: '2025-03-31', dueOn: '2025-06-30', reported: true },
    ]);
  });

  it('not reported on in the second quarter: announced overdue, then moved on to the third', async () => {
    await announceDeadlines(t.handle.db, at('2025-07-03'));
    expect(await dueOn()).toBe('2025-06-30');
    expect(await events('plan.task.overdue')).toMatchObject([{ dueOn: '2025-06-30' }]);
    await announceDeadlines(t.handle.db, at('2025-07-04'));
    expect(await dueOn()).toBe('2025-09-30');
    expect((await events('plan.task.next_occurrence')).at(-1)).toMatchObject({
      previousDueOn: '2025-06-30',
      dueOn: '2025-09-30',
      reported: false,
    });
    // The new occurrence is announced in its turn.
    await announceDeadlines(t.handle.db, at('2025-09-24'));
    expect((await events('plan.task.due_soon')).map((e) => e.dueOn)).toEqual([
      '2025-03-31',
      '2025-06-30',
      '2025-09-30',
    ]);
  });

  it('stays at its last occurrence once the next one would fall after the plan ends', async () => {
    await announceDeadlines(t.handle.db, at('2025-10-02')); // Q3 overdue
    await announceDeadlines(t.handle.db, at('2025-10-03')); // → 31/12
    expect(await dueOn()).toBe('2025-12-31');
    await announceDeadlines(t.handle.db, at('2026-01-02')); // Q4 overdue
    await announceDeadlines(t.handle.db, at('2026-01-03'));
    expect(await dueOn()).toBe('2025-12-31');
  });
});
