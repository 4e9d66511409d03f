/**
 * Whole dossier journeys through the API, as the issue lists them: counter intake → steps →
 * consultation → result → return; online intake → supplement → resubmission → on-time
 * completion measured with the pause; a late dossier with its apology letter; refusal;
 * withdrawal; transfer to another unit; financial obligation and stop; reuse of a stored result.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pdfText } from '../../src/modules/documents/testing/pdf-text.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import {
  act,
  type DemoProcedure,
  fileDossier,
  read,
  resultOf,
  setTimes,
  staffAt,
  step,
  workingMinutesBetween,
} from '../fixtures/dossiers.js';
import { settleDue } from '../fixtures/payments.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { PDF, upload } from '../fixtures/uploads.js';
import { storeReadId } from '../fixtures/store.js';

interface UnitNode {
  id: string;
  name: string;
  kind: string;
  children: UnitNode[];
}

let t: TestApp;
let admin: Session;
let tiepnhan: Session;
let chuyenvien: Session;
let lanhdao: Session;
let congdan: Session;
let procedure: DemoProcedure;
let units: UnitNode[];
const unit = (name: string) => units.find((u) => u.name === name)!;
let soTuPhap: string;
let congAn: string;
let soNoiVu: string;
let serviceCentre: string;

const citizen = {
  kind: 'citizen',
  fullName: 'Nguyễn Văn An',
  idNumber: '089095000123',
  phone: '0912345678',
  address: 'Phường Long Xuyên, An Giang',
};
const counter = (extra: Record<string, unknown> = {}) => ({
  channel: 'counter',
  applicant: citizen,
  competentUnitId: soTuPhap,
  ...extra,
});
const flatten = (nodes: UnitNode[]): UnitNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
const pdfOf = async (session: Session, code: string, form: string) => {
  const res = await session.request({ url: `/api/dossiers/${code}/forms/${form}` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return (await pdfText(res.rawPayload)).text.replace(/\s+/g, ' ');
};

/**
 * Mon 9/3/2026 10:00 in Vietnam: a working morning outside Tết and any holiday. Three calendar days
 * back is Friday 10:00, so the applicant's pause spans a weekend yet has working time in it; ten
 * minutes ahead is still that working day (due soon); 28/11/2026, a Saturday, lies in the calendar
 * years loaded around it. Deadlines, events and the calendar's years all come from Date (not SQL
 * now()), so faking Date is enough. The whole file runs from it, logins included: sessions made at
 * the real time would have expired (idle 2 h, at most 12 h) if Date were moved forward to it.
 */
const MONDAY_MORNING = new Date('2026-03-09T03:00:00Z');

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: MONDAY_MORNING, shouldAdvanceTime: true });
  t = await createTestApp();
  [admin, tiepnhan, chuyenvien, lanhdao, congdan] = await Promise.all([
    t.login('admin'),
    t.login('tiepnhan'),
    t.login('chuyenvien'),
    t.login('lanhdao'),
    t.login('congdan'),
  ]);
  procedure = await procedureByCode<DemoProcedure>(t, '2.000635');
  units = flatten((await t.app.inject({ url: '/api/units' })).json().units);
  soTuPhap = unit('Sở Tư pháp').id;
  congAn = unit('Công an tỉnh An Giang').id;
  soNoiVu = unit('Sở Nội vụ').id;
  serviceCentre = units.find((u) => u.name.startsWith('Trung tâm Phục vụ hành chính công'))!.id;
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

/** thu-ly → phe-duyet (leader signs) → tra-ket-qua → processed → returned. */
async function finishFromProcessing(d: { code: string; version: number }, result: Record<string, unknown> = {}) {
  let x = await step(chuyenvien, d.code, d.version, 'forward');
  x = await step(lanhdao, x.code, x.version, 'signResult', { result: await resultOf(lanhdao, result) });
  x = await step(tiepnhan, x.code, x.version, 'finish');
  await settleDue(tiepnhan, x.code);
  return step(tiepnhan, x.code, x.version, 'returnResult', { resultChannel: 'counter' });
}

describe('counter intake → steps → consultation → result → return', () => {
  it('asks two units in parallel, each with its own time; the step waits for both answers', async () => {
    const policeOfficial = await staffAt(t, admin, 'ca.chuyenvien', 'processing_official', congAn);
    const labourOfficial = await staffAt(t, admin, 'snv.chuyenvien', 'processing_official', soNoiVu);
    let d = await fileDossier(tiepnhan, procedure, counter());
    d = await step(tiepnhan, d.code, d.version, 'forward');
    expect(d.allowedActions).not.toContain('requestConsultation');
    expect((await read(chuyenvien, d.code)).allowedActions).toEqual(
      expect.arrayContaining(['requestConsultation', 'transfer', 'requestPayment']),
    );

    const noUnits = await act(chuyenvien, d.code, {
      action: 'requestConsultation',
      version: d.version,
      note: 'Xin ý kiến',
    });
    expect(noUnits.json().error).toMatchObject({ code: 'ACTION_INPUT_REQUIRED', details: { field: 'consultations' } });
    d = await step(chuyenvien, d.code, d.version, 'requestConsultation', {
      note: 'Đề nghị cho ý kiến về nhân thân người yêu cầu',
      consultations: [
        { unitId: congAn, workingDays: 2 },
        { unitId: soNoiVu, workingDays: 1 },
      ],
    });
    expect(d.status).toBe('processing');
    expect(d.consultations).toHaveLength(2);
    const [first, second] = [
      d.consultations.find((c: { unitId: string }) => c.unitId === congAn),
      d.consultations.find((c: { unitId: string }) => c.unitId === soNoiVu),
    ];
    // Each has its own allotment: 2 working days is later than 1.
    expect(new Date(first.dueAt).getTime()).toBeGreaterThan(new Date(second.dueAt).getTime());

    const blocked = await act(chuyenvien, d.code, { action: 'forward', version: d.version });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('CONSULTATIONS_OPEN');

    // The consulted officials see it among their tasks and can read it; others cannot answer for them.
    const tasks = (await policeOfficial.request({ url: '/api/dossiers?mine=true' })).json();
    expect(tasks.items.map((i: { code: string }) => i.code)).toContain(d.code);
    expect((await read(policeOfficial, d.code)).allowedActions).toEqual(['answerConsultation']);
    // …and the papers filed with it: the file check finds the dossier's consultations by its id.
    const paper = d.components.flatMap((c: { fileIds: string[] }) => c.fileIds)[0];
    expect((await policeOfficial.request({ url: `/api/files/${paper}` })).statusCode).toBe(200);
    const wrongUnit = await act(labourOfficial, d.code, {
      action: 'answerConsultation',
      version: d.version,
      consultationId: first.id,
      note: 'Ý kiến',
    });
    expect(wrongUnit.statusCode).toBe(403);

    d = await step(policeOfficial, d.code, d.version, 'answerConsultation', {
      consultationId: first.id,
      note: 'Không có vướng mắc về nhân thân',
    });
    const twice = await act(policeOfficial, d.code, {
      action: 'answerConsultation',
      version: d.version,
      consultationId: first.id,
      note: 'Lần nữa',
    });
    expect(twice.json().error.code).toBe('CONSULTATION_ANSWERED');
    d = await step(labourOfficial, d.code, d.version, 'answerConsultation', {
      consultationId: second.id,
      note: 'Thống nhất',
    });
    const answered = d.consultations.find((c: { id: string }) => c.id === first.id);
    expect(answered).toMatchObject({
      answer: 'Không có vướng mắc về nhân thân',
      answeredByName: 'Cán bộ ca.chuyenvien',
      outcome: expect.stringMatching(/early|onTime/),
    });

    // Finishing needs a signed result; the leader signs it at the approval step.
    d = await step(chuyenvien, d.code, d.version, 'forward');
    expect(d.currentStepKey).toBe('phe-duyet');
    expect((await read(chuyenvien, d.code)).allowedActions).not.toContain('signResult');
    d = await step(lanhdao, d.code, d.version, 'signResult', {
      result: await resultOf(lanhdao, { validUntil: '2031-12-31' }),
    });
    expect(d.results).toHaveLength(1);
    // A bare PDF carries no signature: recorded as such, not refused (paper-signed results exist).
    expect(d.results[0]).toMatchObject({
      number: '125/TL-STP',
      verification: 'unsigned',
      validUntil: '2031-12-31',
      name: expect.stringContaining('Trích lục'),
    });
    d = await step(tiepnhan, d.code, d.version, 'finish');
    await settleDue(tiepnhan, d.code);
    d = await step(tiepnhan, d.code, d.version, 'returnResult', { resultChannel: 'online' });
    expect(d).toMatchObject({
      status: 'returned',
      nationalStatusCode: 10,
      outcome: expect.stringMatching(/early|onTime/),
      timeState: null,
    });

    // The public lookup says the result is ready, and still shows no personal data.
    const lookup = await t.app.inject({ url: `/api/public/dossiers/${d.code}` });
    expect(lookup.json().result).toEqual({ available: true });
    for (const secret of [citizen.idNumber, citizen.phone, citizen.address, citizen.fullName])
      expect(lookup.body).not.toContain(secret);

    // The result is in the applicant's store; the citizen sees it there.
    const store = (await congdan.request({ url: '/api/store' })).json().items as {
      kind: string;
      sourceDossierCode: string;
      validUntil: string | null;
    }[];
    expect(store.find((i) => i.kind === 'result' && i.sourceDossierCode === d.code)).toMatchObject({
      validUntil: '2031-12-31',
    });

    // Mẫu 06 lists the consulted units beside the steps.
    const slip = await pdfOf(tiepnhan, d.code, '06');
    expect(slip).toContain('Công an tỉnh An Giang');
    expect(slip).toContain(d.code);
  });

  it('refuses a result file that is not a PDF and a signature altered after signing', async () => {
    let d = await fileDossier(tiepnhan, procedure, counter());
    d = await step(tiepnhan, d.code, d.version, 'forward');
    d = await step(chuyenvien, d.code, d.version, 'forward');
    const png = (
      await upload(
        lanhdao,
        Buffer.from(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
          'base64',
        ),
        'kq.png',
      )
    ).json().id;
    const notPdf = await act(lanhdao, d.code, {
      action: 'signResult',
      version: d.version,
      result: { ...(await resultOf(lanhdao)), fileId: png },
    });
    expect(notPdf.json().error.code).toBe('RESULT_FILE_NOT_PDF');
    const signed = Buffer.from(`%PDF-1.7\n1 0 obj<</Type/Sig/ByteRange[0 30 40 20]/Contents<00>>>endobj\n`, 'latin1');
    const tampered = Buffer.concat([signed, Buffer.from('\n% appended after signing\n%%EOF\n')]);
    // Issue 19: a broken signature is refused already at upload (signed-uploads.test.ts has each reason).
    const bad = await upload(lanhdao, tampered, 'kq.pdf');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('SIGNATURE_MALFORMED');
    const noResult = await act(lanhdao, d.code, { action: 'forward', version: d.version });
    expect(noResult.statusCode).toBe(200); // forwarding is allowed; finishing is what needs the result
    const finish = await act(tiepnhan, d.code, { action: 'finish', version: noResult.json().version });
    expect(finish.json().error.code).toBe('RESULT_REQUIRED');
  });
});

describe('online intake → supplement → resubmission → on time, measured with the pause', () => {
  it('moves the appointment by exactly the working time the applicant took', async () => {
    // Not naming where to file: the workflow's reception step says it is the service centre.
    let d = await fileDossier(congdan, procedure, { channel: 'online', applicant: citizen, competentUnitId: soTuPhap });
    expect(d).toMatchObject({ status: 'registered', nationalStatusCode: 1, appointmentAt: null, timeState: null });
    expect(d.receivingUnit.id).toBe(serviceCentre);
    d = await step(tiepnhan, d.code, d.version, 'accept');
    d = await step(tiepnhan, d.code, d.version, 'forward');
    d = await step(chuyenvien, d.code, d.version, 'requestSupplement', { note: 'Bổ sung bản sao giấy khai sinh' });
    expect(d).toMatchObject({ status: 'awaitingSupplement', nationalStatusCode: 5, apologyDue: false });
    expect((await read(congdan, d.code)).allowedActions).toEqual(['supply', 'withdraw']);

    // The applicant takes three calendar days to answer.
    const pausedSince = new Date(Date.now() - 3 * 86_400_000);
    await setTimes(t, d.code, { paused_since: pausedSince });
    const before = { appointmentAt: d.appointmentAt, legalDueAt: d.legalDueAt };
    const newFile = (await upload(congdan, PDF, 'giay-khai-sinh.pdf')).json().id;
    const component = procedure.components.find((c) => c.mandatory)!;
    d = await step(congdan, d.code, d.version, 'supply', {
      components: [{ componentId: component.id, fileIds: [newFile] }],
    });
    expect(d).toMatchObject({ status: 'processing', currentStepKey: 'thu-ly' });
    expect(d.components.find((c: { componentId: string }) => c.componentId === component.id).fileIds).toEqual([
      newFile,
    ]);

    const suppliedAt = d.events.at(-1).occurredAt as string;
    const waited = await workingMinutesBetween(t, pausedSince.toISOString(), suppliedAt);
    expect(waited).toBeGreaterThan(0);
    expect(await workingMinutesBetween(t, before.appointmentAt, d.appointmentAt)).toBeCloseTo(waited, 0);
    expect(await workingMinutesBetween(t, before.legalDueAt, d.legalDueAt)).toBeCloseTo(waited, 0);

    d = await finishFromProcessing(d);
    expect(d.outcome).toMatch(/early|onTime/);
    expect(d.supplementCount).toBe(1);
  });

  it('counts a dossier asked for a supplement twice as late, whatever the dates', async () => {
    let d = await fileDossier(tiepnhan, procedure, counter());
    d = await step(tiepnhan, d.code, d.version, 'forward');
    for (const note of ['Bổ sung lần 1', 'Bổ sung lần 2']) {
      d = await step(chuyenvien, d.code, d.version, 'requestSupplement', { note });
      d = await step(tiepnhan, d.code, d.version, 'supply');
    }
    d = await finishFromProcessing(d);
    expect(d).toMatchObject({ supplementCount: 2, outcome: 'late' });
  });
});

describe('due soon scales with the allotment and waits while the clock is paused', () => {
  const dueSoonList = async () =>
    (await chuyenvien.request({ url: `/api/dossiers?unit=${soTuPhap}&timeState=dueSoon&pageSize=100` })).json()
      .items as { code: string }[];

  it('is not due soon when just received: only the last 20 % of its allotment, at most a working day', async () => {
    const d = await fileDossier(tiepnhan, procedure, counter());
    expect(d).toMatchObject({ timeState: 'withinTime', apologyDue: false });
    // Short of the appointment by a fifth of the working time it was given, at most one working day.
    const allotted = await workingMinutesBetween(t, d.receivedAt, d.appointmentAt);
    const now = new Date().toISOString();
    expect(await workingMinutesBetween(t, now, d.appointmentAt)).toBeGreaterThan(Math.min(allotted * 0.2, 450));
    expect((await dueSoonList()).map((i) => i.code)).not.toContain(d.code);
  });

  it('is not due soon while waiting for a supplement, and is again once the clock restarts', async () => {
    let d = await fileDossier(tiepnhan, procedure, counter());
    d = await step(tiepnhan, d.code, d.version, 'forward');
    d = await step(chuyenvien, d.code, d.version, 'requestSupplement', { note: 'Bổ sung bản sao' });
    const soon = new Date(Date.now() + 10 * 60_000);
    await setTimes(t, d.code, { appointment_at: soon, due_soon_from: new Date(Date.now() - 60_000) });
    d = await read(chuyenvien, d.code);
    expect(d).toMatchObject({ status: 'awaitingSupplement', timeState: 'withinTime', apologyDue: false });
    expect((await dueSoonList()).map((i) => i.code)).not.toContain(d.code);
    const waiting = (
      await chuyenvien.request({ url: `/api/dossiers?unit=${soTuPhap}&timeState=withinTime&pageSize=100` })
    ).json().items as { code: string }[];
    expect(waiting.map((i) => i.code)).toContain(d.code);

    d = await step(tiepnhan, d.code, d.version, 'supply');
    expect(d).toMatchObject({ status: 'processing', timeState: 'dueSoon' });
  });
});

describe('a dossier about to be late, with its apology letter (mẫu 04)', () => {
  it('is flagged due soon a working day ahead; the leader sets a new appointment; it still ends late', async () => {
    let d = await fileDossier(tiepnhan, procedure, counter());
    d = await step(tiepnhan, d.code, d.version, 'forward');
    const soon = new Date(Date.now() + 10 * 60_000);
    await setTimes(t, d.code, {
      appointment_at: soon,
      legal_due_at: soon,
      due_soon_from: new Date(Date.now() - 60_000),
    });
    d = await read(chuyenvien, d.code);
    expect(d).toMatchObject({ timeState: 'dueSoon', apologyDue: true });
    const dueSoon = (
      await chuyenvien.request({ url: `/api/dossiers?unit=${soTuPhap}&timeState=dueSoon&pageSize=100` })
    ).json();
    expect(dueSoon.items.find((i: { code: string }) => i.code === d.code)).toMatchObject({
      apologyDue: true,
      timeState: 'dueSoon',
    });

    const official = await act(chuyenvien, d.code, {
      action: 'apologize',
      version: d.version,
      note: 'Chờ xác minh',
      newAppointmentDate: '2099-01-05',
    });
    expect(official.statusCode).toBe(403); // the leader approves the letter
    const due = (
      await t.app.inject({ url: `/api/calendar/due?from=${encodeURIComponent(soon.toISOString())}&workingDays=3` })
    ).json();
    const newDate = (due.due as string).slice(0, 10); // already in Vietnam time
    const weekend = await act(lanhdao, d.code, {
      action: 'apologize',
      version: d.version,
      note: 'Chờ xác minh',
      newAppointmentDate: '2026-11-28',
    });
    expect(weekend.json().error.code).toBe('APPOINTMENT_NOT_WORKING_DAY');
    const reason = 'Cần xác minh thông tin hộ tịch tại nơi đăng ký trước đây';
    d = await step(lanhdao, d.code, d.version, 'apologize', { note: reason, newAppointmentDate: newDate });
    expect(d.apologyDue).toBe(false);
    expect(d.extensions).toEqual([expect.objectContaining({ reason, approvedByName: 'Phạm Minh Đức' })]);
    expect(new Date(d.appointmentAt).getTime()).toBeGreaterThan(soon.getTime());
    expect(new Date(d.legalDueAt).getTime()).toBe(soon.getTime()); // the legal deadline stays

    const letter = await pdfOf(lanhdao, d.code, '04');
    for (const text of [d.code, 'Nguyễn Văn An', reason, 'Phạm Minh Đức', 'Sở Tư pháp']) expect(letter).toContain(text);

    // The original due time passes; the dossier finishes after it: late, with its letter on file.
    await setTimes(t, d.code, { legal_due_at: new Date(Date.now() - 60_000) });
    d = await finishFromProcessing(await read(chuyenvien, d.code));
    expect(d).toMatchObject({ status: 'returned', outcome: 'late' });
  });
});

describe('refusal, withdrawal, stop and financial obligation', () => {
  it('refuses an online dossier at the counter with form 03', async () => {
    let d = await fileDossier(congdan, procedure, {
      channel: 'online',
      applicant: citizen,
      competentUnitId: soTuPhap,
      receivingUnitId: serviceCentre,
    });
    d = await step(tiepnhan, d.code, d.version, 'refuse', { note: 'Giấy tờ tải lên không đọc được' });
    expect(d).toMatchObject({ status: 'refused', nationalStatusCode: 3 });
    expect(await pdfOf(tiepnhan, d.code, '03')).toContain('Giấy tờ tải lên không đọc được');
  });

  it('lets the one-stop officer record the applicant’s withdrawal during processing', async () => {
    let d = await fileDossier(tiepnhan, procedure, counter());
    d = await step(tiepnhan, d.code, d.version, 'forward');
    d = await step(tiepnhan, d.code, d.version, 'withdraw', { note: 'Công dân có đơn xin rút hồ sơ' });
    expect(d).toMatchObject({ status: 'withdrawn', nationalStatusCode: 7, currentStepKey: null, timeState: null });
    expect(d.outcome).toMatch(/early|onTime/);
  });

  it('pauses for a financial obligation, resumes when paid, and stops with form 05', async () => {
    let d = await fileDossier(tiepnhan, procedure, counter());
    d = await step(tiepnhan, d.code, d.version, 'forward');
    const noAmount = await act(chuyenvien, d.code, {
      action: 'requestPayment',
      version: d.version,
      obligation: { description: 'Lệ phí', amountVnd: -5 },
    });
    expect(noAmount.statusCode).toBe(400);
    d = await step(chuyenvien, d.code, d.version, 'requestPayment', {
      obligation: { description: 'Lệ phí cấp bản sao trích lục', amountVnd: 8000 },
    });
    expect(d).toMatchObject({ status: 'awaitingPayment', nationalStatusCode: 6 });
    expect(d.obligations).toEqual([expect.objectContaining({ amountVnd: 8000, paidAt: null })]);
    d = await step(tiepnhan, d.code, d.version, 'confirmPayment', { receiptNumber: 'BL-0001234' });
    expect(d.status).toBe('processing');
    expect(d.obligations[0]).toMatchObject({ receiptNumber: 'BL-0001234', paidAt: expect.any(String) });

    const notStopped = await tiepnhan.request({ url: `/api/dossiers/${d.code}/forms/05` });
    expect(notStopped.json().error.code).toBe('DOSSIER_NOT_STOPPED');
    d = await step(lanhdao, d.code, d.version, 'stop', {
      note: 'Cơ quan có thẩm quyền đang giải quyết vụ việc liên quan',
    });
    expect(d).toMatchObject({ status: 'stopped', nationalStatusCode: 8, allowedActions: [] });
    const notice = await pdfOf(tiepnhan, d.code, '05');
    for (const text of [d.code, 'Nguyễn Văn An', 'Cơ quan có thẩm quyền đang giải quyết vụ việc liên quan'])
      expect(notice).toContain(text);
  });
});

describe('transfer to another competent unit (liên thông)', () => {
  it('hands the dossier to a commune, which takes it from its own workflow’s first step', async () => {
    const commune = units.find((u) => u.kind === 'commune')!;
    const communeOfficer = await staffAt(t, admin, 'xa.motcua', 'one_stop_officer', commune.id);
    let d = await fileDossier(tiepnhan, procedure, counter());
    d = await step(tiepnhan, d.code, d.version, 'forward');
    const same = await act(chuyenvien, d.code, {
      action: 'transfer',
      version: d.version,
      toUnitId: soTuPhap,
      note: 'Chuyển',
    });
    expect(same.json().error.code).toBe('TRANSFER_SAME_UNIT');
    const notCompetent = await act(chuyenvien, d.code, {
      action: 'transfer',
      version: d.version,
      toUnitId: congAn,
      note: 'Chuyển',
    });
    expect(notCompetent.json().error.code).toBe('UNIT_NOT_COMPETENT');
    const appointment = d.appointmentAt;
    d = await step(chuyenvien, d.code, d.version, 'transfer', {
      toUnitId: commune.id,
      note: 'Sổ hộ tịch gốc lưu tại xã',
    });
    expect(d.competentUnit.id).toBe(commune.id);
    expect(d.appointmentAt).toBe(appointment);
    expect(d.events.at(-1)).toMatchObject({
      action: 'transfer',
      details: { fromUnitId: soTuPhap, toUnitId: commune.id },
    });
    expect(d.allowedActions).toEqual([]);
    const atCommune = await read(communeOfficer, d.code);
    expect(atCommune.currentStep).toMatchObject({ key: 'tiep-nhan' });
    expect(atCommune.allowedActions).toContain('forward');
  });
});

describe('reuse of a stored result in a second dossier', () => {
  it('satisfies a component with the result, records the reuse, and refuses an expired one', async () => {
    const first = await finishFromProcessing(
      await step(tiepnhan, (await fileDossier(tiepnhan, procedure, counter())).code, 1, 'forward'),
      {
        validUntil: '2030-06-30',
      },
    );
    const expired = await finishFromProcessing(
      await step(tiepnhan, (await fileDossier(tiepnhan, procedure, counter())).code, 1, 'forward'),
      {
        issuedOn: '2020-01-02',
        validUntil: '2021-01-02',
      },
    );
    const readId = await storeReadId(tiepnhan, citizen.idNumber, procedure.id);
    const store = (await tiepnhan.request({ url: `/api/store?readId=${readId}` })).json().items as {
      id: string;
      kind: string;
      sourceDossierCode: string;
      reuseCount: number;
    }[];
    const result = store.find((i) => i.kind === 'result' && i.sourceDossierCode === first.code)!;
    const old = store.find((i) => i.kind === 'result' && i.sourceDossierCode === expired.code)!;
    const [reused, ...rest] = procedure.components.filter((c) => c.mandatory);
    const fileId = (await upload(tiepnhan, PDF, 'x.pdf')).json().id;
    const components = (storeItemId: string) => [
      { componentId: reused!.id, storeItemId },
      ...rest.map((c) => ({ componentId: c.id, fileIds: [fileId] })),
    ];

    const refused = await tiepnhan.request({
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureId: procedure.id, ...counter(), components: components(old.id) },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('STORE_ITEM_EXPIRED');
    const second = await tiepnhan.request({
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureId: procedure.id, ...counter(), components: components(result.id) },
    });
    expect(second.statusCode, second.body).toBe(201);
    const after = (await tiepnhan.request({ url: `/api/store?readId=${readId}` })).json().items as typeof store;
    expect(after.find((i) => i.id === result.id)!.reuseCount).toBe(1);
  });
});
