/**
 * Issue 15, item 11: forwarding takes a comment and the next handler (by default the least loaded
 * holder of the next step's role), approving moves the dossier on, and the timeline says who
 * handed the step to whom.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { act, type DemoProcedure, fileDossier, read, resultOf, staffAt, step } from '../fixtures/dossiers.js';
import { procedureByCode } from '../fixtures/procedures.js';

interface Handler {
  userId: string;
  fullName: string;
  openDossiers: number;
}
interface NextStep {
  key: string;
  role: string | null;
  defaultUserId: string | null;
  handlers: Handler[];
}
interface Event {
  action: string;
  actorName: string | null;
  note: string | null;
  details: { handedTo?: { userId: string; fullName: string; role: string | null } } | null;
}

let t: TestApp;
let tiepnhan: Session;
let chuyenvien: Session;
let lanhdao: Session;
let congdan: Session;
let second: Session;
let procedure: DemoProcedure;
let soTuPhap: string;

beforeAll(async () => {
  t = await createTestApp();
  [tiepnhan, chuyenvien, lanhdao, congdan] = await Promise.all([
    t.login('tiepnhan'),
    t.login('chuyenvien'),
    t.login('lanhdao'),
    t.login('congdan'),
  ]);
  procedure = await procedureByCode<DemoProcedure>(t, '2.000635');
  const tree = (await t.app.inject({ url: '/api/units' })).json().units[0].children as { id: string; name: string }[];
  soTuPhap = tree.find((u) => u.name === 'Sở Tư pháp')!.id;
  second = await staffAt(t, await t.login('admin'), 'stp.chuyenvien2', 'processing_official', soTuPhap);
});
afterAll(() => t.close());

const counter = () => ({
  channel: 'counter',
  competentUnitId: soTuPhap,
  applicant: { kind: 'citizen', fullName: 'Phạm Thị Thu', idNumber: '089196000555', phone: '0987000111' },
});

async function nextHandlers(session: Session, code: string): Promise<NextStep[]> {
  const res = await session.request({ url: `/api/dossiers/${code}/next-handlers` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().steps;
}

const lastEvent = (d: { events: Event[] }) => d.events.at(-1)!;

describe('forward: a comment and the next handler', () => {
  it('hands the step to the official named, and the timeline keeps who, to whom and the comment', async () => {
    let d = await fileDossier(tiepnhan, procedure, counter());
    d = await step(tiepnhan, d.code, d.version, 'forward', {
      note: 'Hồ sơ đủ thành phần, đề nghị thẩm định',
      assigneeUserId: chuyenvien.user.id,
    });
    expect(d).toMatchObject({ currentStepKey: 'thu-ly', currentStep: { assigneeUserId: chuyenvien.user.id } });
    expect(lastEvent(d)).toMatchObject({
      action: 'forward',
      actorName: expect.any(String),
      note: 'Hồ sơ đủ thành phần, đề nghị thẩm định',
      details: { handedTo: { userId: chuyenvien.user.id, fullName: 'Lê Văn Cường', role: 'processing_official' } },
    });
    // The assignee finds it among their tasks; the other official does not.
    const mine = async (s: Session) =>
      (await s.request({ url: '/api/dossiers?mine=true&pageSize=200' }))
        .json()
        .items.map((i: { code: string }) => i.code);
    expect(await mine(chuyenvien)).toContain(d.code);
    expect(await mine(second)).not.toContain(d.code);
  });

  it('refuses a next handler who does not hold the next step’s role there, with a stable code', async () => {
    const d = await fileDossier(tiepnhan, procedure, counter());
    const res = await act(tiepnhan, d.code, { action: 'forward', version: d.version, assigneeUserId: lanhdao.user.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'ASSIGNEE_NOT_ELIGIBLE',
      message: expect.stringContaining('không có vai trò xử lý bước này'),
    });
    expect((await read(tiepnhan, d.code)).version).toBe(d.version);
    const tooLong = await act(tiepnhan, d.code, { action: 'forward', version: d.version, note: 'x'.repeat(4001) });
    expect(tooLong.statusCode).toBe(400);
  });

  it('lists the eligible next handlers with their load, and by default hands to the least loaded', async () => {
    // chuyenvien holds one open dossier (above) at least; the new official none.
    const d = await fileDossier(tiepnhan, procedure, counter());
    const [thuLy] = await nextHandlers(tiepnhan, d.code);
    expect(thuLy).toMatchObject({ key: 'thu-ly', role: 'processing_official' });
    const ids = thuLy!.handlers.map((h) => h.userId);
    expect(ids).toEqual(expect.arrayContaining([chuyenvien.user.id, second.user.id]));
    const loads = thuLy!.handlers.map((h) => h.openDossiers);
    expect(loads).toEqual([...loads].sort((a, b) => a - b));
    const load = (id: string) => thuLy!.handlers.find((h) => h.userId === id)!.openDossiers;
    expect(load(chuyenvien.user.id)).toBeGreaterThan(load(second.user.id));
    expect(thuLy!.defaultUserId).toBe(thuLy!.handlers[0]!.userId);
    expect(load(thuLy!.defaultUserId!)).toBe(0);
    expect(thuLy!.defaultUserId).not.toBe(chuyenvien.user.id);

    const forwarded = await step(tiepnhan, d.code, d.version, 'forward');
    expect(forwarded.currentStep.assigneeUserId).toBe(thuLy!.defaultUserId);
    expect(lastEvent(forwarded).details?.handedTo?.userId).toBe(thuLy!.defaultUserId);
    // Its load went up by the dossier just handed over.
    const again = await fileDossier(tiepnhan, procedure, counter());
    const [after] = await nextHandlers(tiepnhan, again.code);
    expect(after!.handlers.find((h) => h.userId === thuLy!.defaultUserId)!.openDossiers).toBe(1);
  });

  it('shows the list only to whoever may hand the step on', async () => {
    const d = await fileDossier(tiepnhan, procedure, counter());
    expect((await chuyenvien.request({ url: `/api/dossiers/${d.code}/next-handlers` })).statusCode).toBe(403);
    expect((await congdan.request({ url: `/api/dossiers/${d.code}/next-handlers` })).statusCode).toBe(403);
  });
});

describe('approval moves the dossier on', () => {
  it('signs, ends the approval step and hands the next step over in one action', async () => {
    let d = await fileDossier(tiepnhan, procedure, counter());
    d = await step(tiepnhan, d.code, d.version, 'forward', { assigneeUserId: chuyenvien.user.id });
    d = await step(chuyenvien, d.code, d.version, 'forward', { note: 'Đủ điều kiện cấp, trình ký' });
    expect(d.currentStepKey).toBe('phe-duyet');
    expect(lastEvent(d).details?.handedTo).toMatchObject({ role: 'unit_leader' });
    const [traKetQua] = await nextHandlers(lanhdao, d.code);
    expect(traKetQua).toMatchObject({ key: 'tra-ket-qua', role: 'one_stop_officer' });

    d = await step(lanhdao, d.code, d.version, 'signResult', {
      result: await resultOf(lanhdao),
      note: 'Đồng ý, trả kết quả cho công dân',
    });
    expect(d).toMatchObject({
      status: 'processing',
      currentStepKey: 'tra-ket-qua',
      currentStep: { assigneeUserId: traKetQua!.defaultUserId },
    });
    expect(d.results).toHaveLength(1);
    expect(lastEvent(d)).toMatchObject({
      action: 'signResult',
      note: 'Đồng ý, trả kết quả cho công dân',
      details: { handedTo: { userId: traKetQua!.defaultUserId, role: 'one_stop_officer' } },
    });
    expect(d.allowedActions).not.toContain('forward');
    expect((await read(tiepnhan, d.code)).allowedActions).toContain('finish');
  });
});
