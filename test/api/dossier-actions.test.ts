import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureByCode } from '../fixtures/procedures.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { PDF, upload } from '../fixtures/uploads.js';
import { sampleEform } from '../fixtures/eforms.js';
import { resultOf } from '../fixtures/dossiers.js';
import { settleDue } from '../fixtures/payments.js';
import { pdfText } from '../../src/modules/documents/testing/pdf-text.js';

let t: TestApp;
let tiepnhan: Session;
let chuyenvien: Session;
let lanhdao: Session;
let congdan: Session;
let procedure: { id: string; components: { id: string; mandatory: boolean }[] };
let soTuPhapId: string;
let serviceCentreId: string;

beforeAll(async () => {
  t = await createTestApp();
  tiepnhan = await t.login('tiepnhan');
  chuyenvien = await t.login('chuyenvien');
  lanhdao = await t.login('lanhdao');
  congdan = await t.login('congdan');
  procedure = await procedureByCode(t, '2.000635');
  const tree = (await t.app.inject({ url: '/api/units' })).json().units[0].children as { id: string; name: string }[];
  soTuPhapId = tree.find((u) => u.name === 'Sở Tư pháp')!.id;
  serviceCentreId = tree.find((u) => u.name.startsWith('Trung tâm Phục vụ hành chính công'))!.id;
});
afterAll(() => t.close());

/** The calendar day in Vietnam of an instant: "early" means done before the due day. */
const vnDay = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const expectedOutcome = (doneAt: string, dueAt: string) => (vnDay(doneAt) < vnDay(dueAt) ? 'early' : 'onTime');

const applicant = { kind: 'citizen', fullName: 'Lê Thị Hồng Nhung', idNumber: '089196000789', phone: '0987654321' };

async function file(session: Session, channel: 'counter' | 'online', extra: Record<string, unknown> = {}) {
  const fileId = (await upload(session, PDF, 'ho-so.pdf')).json().id as string;
  const components = procedure.components
    .filter((c) => c.mandatory)
    .map((c) => ({ componentId: c.id, fileIds: [fileId] }));
  const res = await session.request({
    method: 'POST',
    url: '/api/dossiers',
    payload: {
      procedureId: procedure.id,
      channel,
      applicant,
      components,
      competentUnitId: soTuPhapId,
      // Online, the procedure's tờ khai điện tử is required (issue 18).
      ...(channel === 'online' ? { eform: await sampleEform(session, procedure.id) } : {}),
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function act(session: Session, code: string, body: Record<string, unknown>) {
  return session.request({ method: 'POST', url: `/api/dossiers/${code}/actions`, payload: body });
}

async function step(
  session: Session,
  code: string,
  version: number,
  action: string,
  extra: Record<string, unknown> = {},
) {
  const res = await act(session, code, { action, version, ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('a counter dossier through its workflow', () => {
  it('goes reception → processing → approval → delivery → processed → returned, each step by its own role', async () => {
    let d = await file(tiepnhan, 'counter');
    expect(d.currentStepKey).toBe('tiep-nhan');
    expect(d.allowedActions).toEqual(expect.arrayContaining(['forward', 'requestSupplement', 'refuse']));
    expect(d.allowedActions).not.toContain('finish');

    // The processing official cannot move the one-stop's step.
    const early = await act(chuyenvien, d.code, { action: 'forward', version: d.version });
    expect(early.statusCode).toBe(403);

    d = await step(tiepnhan, d.code, d.version, 'forward');
    expect(d).toMatchObject({ status: 'processing', nationalStatusCode: 4, currentStepKey: 'thu-ly' });
    expect((await chuyenvien.request({ url: `/api/dossiers/${d.code}` })).json().allowedActions).toEqual(
      expect.arrayContaining(['forward', 'return']),
    );
    d = await step(chuyenvien, d.code, d.version, 'forward');
    expect(d.currentStepKey).toBe('phe-duyet');
    // Approving moves the dossier on: no forward after it (issue 15, item 11).
    d = await step(lanhdao, d.code, d.version, 'signResult', { result: await resultOf(lanhdao) });
    expect(d.currentStepKey).toBe('tra-ket-qua');
    d = await step(tiepnhan, d.code, d.version, 'finish');
    expect(d).toMatchObject({ status: 'processed', nationalStatusCode: 9, currentStepKey: null });
    expect(d.outcome).toBe(expectedOutcome(d.completedAt, d.appointmentAt));
    await settleDue(tiepnhan, d.code);
    d = await step(tiepnhan, d.code, d.version, 'returnResult', { resultChannel: 'counter' });
    expect(d).toMatchObject({ status: 'returned', nationalStatusCode: 10 });
    expect(d.returnedAt).not.toBeNull();
    expect(d.allowedActions).toEqual([]);

    // Mẫu 06: one row per step, in order, with the dossier's code and the applicant's name.
    const slip = await tiepnhan.request({ url: `/api/dossiers/${d.code}/forms/06` });
    expect(slip.statusCode).toBe(200);
    const { text } = await pdfText(slip.rawPayload);
    expect(text).toContain(d.code);
    expect(text).toContain('Lê Thị Hồng Nhung');
    // Table cells wrap: compare with all whitespace squashed to single spaces.
    const flat = text.replace(/\s+/g, ' ');
    const order = ['Tiếp nhận hồ sơ', 'Thụ lý, thẩm định hồ sơ', 'Phê duyệt, ký kết quả'].map((name) =>
      flat.indexOf(name),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((x, y) => x - y));

    type Ended = { stepKey: string; stepOutcome: string; stepDueAt: string; occurredAt: string };
    const ended: Ended[] = d.events.filter((e: { stepOutcome: string | null }) => e.stepOutcome);
    expect(ended.map((e) => e.stepKey)).toEqual(['tiep-nhan', 'thu-ly', 'phe-duyet', 'tra-ket-qua']);
    for (const e of ended) {
      expect(new Date(e.stepDueAt).getTime()).toBeGreaterThan(new Date(e.occurredAt).getTime());
      expect(e.stepOutcome).toBe(expectedOutcome(e.occurredAt, e.stepDueAt));
    }
  });

  it('lets exactly one of two officials acting on the same version succeed', async () => {
    const d = await file(tiepnhan, 'counter');
    const [a, b] = await Promise.all([
      act(tiepnhan, d.code, { action: 'forward', version: d.version }),
      act(tiepnhan, d.code, { action: 'forward', version: d.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('returns a dossier to the previous step, and refuses what the state does not allow', async () => {
    let d = await file(tiepnhan, 'counter');
    d = await step(tiepnhan, d.code, d.version, 'forward');
    d = await step(chuyenvien, d.code, d.version, 'return');
    expect(d.currentStepKey).toBe('tiep-nhan');
    const notNow = await act(tiepnhan, d.code, { action: 'returnResult', version: d.version });
    expect(notNow.statusCode).toBe(409);
    expect(notNow.json().error.code).toBe('ACTION_NOT_ALLOWED');
  });
});

describe('supplements, refusals and withdrawals', () => {
  it('pauses for a supplement (a note is required) and resumes when supplied', async () => {
    let d = await file(tiepnhan, 'counter');
    d = await step(tiepnhan, d.code, d.version, 'forward');
    const noNote = await act(chuyenvien, d.code, { action: 'requestSupplement', version: d.version });
    expect(noNote.statusCode).toBe(422);
    expect(noNote.json().error.code).toBe('ACTION_NOTE_REQUIRED');
    expect((await tiepnhan.request({ url: `/api/dossiers/${d.code}/forms/02` })).json().error.code).toBe(
      'DOSSIER_NO_SUPPLEMENT_REQUEST',
    );
    d = await step(chuyenvien, d.code, d.version, 'requestSupplement', { note: 'Bổ sung bản sao giấy tờ tùy thân' });
    const request = await tiepnhan.request({ url: `/api/dossiers/${d.code}/forms/02` });
    expect(request.statusCode).toBe(200);
    const requestText = (await pdfText(request.rawPayload)).text;
    expect(requestText).toContain('Bổ sung bản sao giấy tờ tùy thân');
    expect(requestText).toContain('Lê Thị Hồng Nhung');
    expect(d).toMatchObject({
      status: 'awaitingSupplement',
      nationalStatusCode: 5,
      supplementCount: 1,
      currentStepKey: 'thu-ly',
    });
    const appointment = new Date(d.appointmentAt).getTime();
    d = await step(tiepnhan, d.code, d.version, 'supply');
    expect(d).toMatchObject({ status: 'processing', currentStepKey: 'thu-ly' });
    expect(new Date(d.appointmentAt).getTime()).toBeGreaterThanOrEqual(appointment);
  });

  it('refuses with a reason, ending processing', async () => {
    let d = await file(tiepnhan, 'counter');
    d = await step(tiepnhan, d.code, d.version, 'refuse', { note: 'Hồ sơ không thuộc thẩm quyền' });
    expect(d).toMatchObject({ status: 'refused', nationalStatusCode: 3, currentStepKey: null });
    const refusal = await tiepnhan.request({ url: `/api/dossiers/${d.code}/forms/03` });
    expect(refusal.statusCode).toBe(200);
    const refusalText = (await pdfText(refusal.rawPayload)).text;
    expect(refusalText).toContain('Hồ sơ không thuộc thẩm quyền');
    expect(refusalText).toContain(d.code);
    expect(d.completedAt).not.toBeNull();
  });

  it('lets the citizen who filed online withdraw, and a one-stop officer accept an online dossier', async () => {
    let d = await file(congdan, 'online', { receivingUnitId: serviceCentreId });
    expect(d.allowedActions).toEqual(['withdraw']);
    const accepted = await step(tiepnhan, d.code, d.version, 'accept');
    expect(accepted).toMatchObject({ status: 'received', currentStepKey: 'tiep-nhan' });
    expect(accepted.receivedAt).not.toBeNull();
    expect(accepted.appointmentAt).not.toBeNull();

    d = await file(congdan, 'online', { receivingUnitId: serviceCentreId });
    const other = await t.login('admin');
    expect((await act(other, d.code, { action: 'withdraw', version: d.version })).statusCode).toBe(403);
    d = await step(congdan, d.code, d.version, 'withdraw');
    expect(d).toMatchObject({ status: 'withdrawn', nationalStatusCode: 7 });
  });
});

describe('worklists', () => {
  it('lists a unit’s dossiers most urgent first, filters by status, and shows citizens only their own', async () => {
    const a = await file(tiepnhan, 'counter');
    await step(tiepnhan, a.code, a.version, 'forward');
    const list = (
      await chuyenvien.request({ url: `/api/dossiers?unit=${soTuPhapId}&status=processing&pageSize=200` })
    ).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.map((i: { code: string }) => i.code)).toContain(a.code);
    for (const item of list.items) expect(item.status).toBe('processing');
    const appointments = list.items.map((i: { appointmentAt: string }) => new Date(i.appointmentAt).getTime());
    expect(appointments).toEqual([...appointments].sort((x, y) => x - y));
    expect(list.items[0]).toEqual(expect.objectContaining({ procedureName: expect.any(String), overdue: false }));

    const mine = (await congdan.request({ url: '/api/dossiers?pageSize=200' })).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i: { channel: string }) => i.channel === 'online')).toBe(true);
    expect(mine.items.map((i: { code: string }) => i.code)).not.toContain(a.code);

    const overdue = (await chuyenvien.request({ url: `/api/dossiers?unit=${soTuPhapId}&overdue=true` })).json();
    expect(overdue.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
  });

  it('refuses a unit the caller may not read', async () => {
    const res = await chuyenvien.request({ url: `/api/dossiers?unit=${serviceCentreId}` });
    expect(res.statusCode).toBe(403);
  });
});
