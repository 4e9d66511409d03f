/**
 * Issue 21.3: statutory reports (form 06, Circular 01/2020/TT-VPCP) of Sở Nội vụ for quarter I of
 * 2026 (15/12/2025 → 14/03/2026, Decree 09/2019/NĐ-CP Art. 12) on hand-built dossiers, the clock
 * pinned two days after the cut-off: prepared by one procedure-control officer, refused to the
 * same person for signing, signed and submitted by a second one; delivered through the outbox to
 * the reporting-system simulator while it is down (retried with backoff, logged), then once it is
 * back — received exactly once, a replay of the same idempotency key adding nothing.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { queryRows } from '../../src/kernel/db.js';
import { pdfText } from '../../src/modules/documents/testing/pdf-text.js';
import { outboxRelay } from '../../src/modules/outbox/outbox.tasks.js';
import { toBaoCao } from '../../src/modules/reports/baocao-protocol.js';
import { FORM06_FIRST_DATA_ROW } from '../../src/modules/reports/form06.render.js';
import { reportingClientFromEnv } from '../../src/modules/reports/reporting-client.js';
import { reportsDeliver } from '../../src/modules/reports/reports.tasks.js';
import { insertCase, processedDossier, type RowCase } from '../fixtures/kpi.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { secondProcedureControlOfficer } from '../fixtures/second-officer.js';
import { demoUnits } from '../fixtures/units.js';

const NOW = new Date('2026-03-16T09:00:00+07:00');
const DOWN = 'http://127.0.0.1:9/baocao';
let t: TestApp;
let kstthc: Session;
let kstthc2: Session;
let lanhdao: Session;
let chuyenvien: Session;
let soNoiVu: string;

const at = (s: string) => `${s}:00+07:00`;
const cases: Omit<RowCase, 'code'>[] = [
  {
    status: 'returned',
    received: at('2026-01-10T08:00'),
    completed: at('2026-02-02T09:00'),
    outcome: 'early',
    due: at('2026-02-09T08:00'),
    returned: at('2026-02-03T10:00'),
  },
  {
    status: 'processed',
    received: at('2026-02-02T08:00'),
    completed: at('2026-02-05T09:00'),
    outcome: 'onTime',
    due: at('2026-02-05T17:00'),
    channel: 'online',
  },
  {
    status: 'processed',
    received: at('2026-02-02T08:00'),
    completed: at('2026-02-12T09:00'),
    outcome: 'late',
    due: at('2026-02-09T08:00'),
    channel: 'postal',
  },
  {
    status: 'refused',
    received: at('2026-03-02T08:00'),
    completed: at('2026-03-03T09:00'),
    outcome: 'early',
    due: at('2026-03-09T08:00'),
  },
  {
    status: 'withdrawn',
    received: at('2026-03-02T08:00'),
    completed: at('2026-03-05T09:00'),
    outcome: 'onTime',
    due: at('2026-03-09T08:00'),
  },
  {
    status: 'stopped',
    received: at('2026-03-02T08:00'),
    completed: at('2026-03-11T09:00'),
    outcome: 'late',
    due: at('2026-03-09T08:00'),
  },
  { status: 'processing', received: at('2026-03-10T08:00'), due: at('2026-03-30T08:00') }, // new, still within time at the cut-off
  { status: 'processing', received: at('2025-12-01T08:00'), due: at('2026-03-01T08:00') }, // carried over, overdue
  { status: 'processing', received: at('2026-03-15T08:00'), due: at('2026-03-30T08:00') }, // after the cut-off: out
  {
    status: 'processed',
    received: at('2025-11-01T08:00'),
    completed: at('2025-12-10T09:00'),
    outcome: 'onTime',
    due: at('2025-12-12T08:00'),
  }, // ended before: out
];
const expected = {
  carriedOver: 1,
  newOnline: 1,
  newDirect: 6,
  early: 1,
  onTime: 1,
  late: 1,
  withinTime: 1,
  overdue: 1,
  withdrawn: 1,
  sentBack: 2,
};

const relay = (now: Date) =>
  outboxRelay(t.deps.extensions.outboxSubscribers).run(t.handle.db, t.deps.env, now, t.deps.services);
const deliver = (now: Date, url?: string) =>
  reportsDeliver.run(
    t.handle.db,
    url ? { ...t.deps.env, REPORTING_SYSTEM_URL: url } : t.deps.env,
    now,
    t.deps.services,
  );
const held = () =>
  queryRows<{ receipt: string; requests: number; payload: Record<string, unknown> }>(
    t.handle.db,
    sql`select receipt, requests, payload from sim_baocao_reports`,
  );

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock(NOW) });
  [kstthc, lanhdao, chuyenvien] = await Promise.all([t.login('kstthc'), t.login('lanhdao'), t.login('chuyenvien')]);
  kstthc2 = await secondProcedureControlOfficer(t);
  const tiepnhan = await t.login('tiepnhan');
  const unit = await demoUnits(t);
  soNoiVu = unit('Sở Nội vụ');
  const model = await processedDossier(
    { tiepnhan, chuyenvien, lanhdao },
    await procedureByCode(t, '2.000635'),
    unit('Sở Tư pháp'),
  );
  for (const [i, c] of cases.entries())
    await insertCase(t, model.code, {
      ...c,
      code: `BC06-${String(i).padStart(2, '0')}`,
      competentUnitId: soNoiVu,
      receivingUnitId: soNoiVu,
    });
}, 120_000);
afterAll(() => t?.close());

describe('statutory reports: prepare, sign, submit, deliver', () => {
  let id: string;

  it('lists the periods of the year with their cut-off and deadline; only closed ones can be prepared', async () => {
    const res = await kstthc.request({ url: `/api/reports/periods?unitId=${soNoiVu}&year=2026` });
    expect(res.statusCode, res.body).toBe(200);
    const periods = res.json().periods;
    expect(periods.map((p: { id: string }) => p.id)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-H1',
      '2026-Q3',
      '2026-Q4',
      '2026-Y',
    ]);
    expect(periods[0]).toMatchObject({
      from: '2025-12-15',
      to: '2026-03-14',
      submitBy: '2026-03-20',
      closed: true,
      report: null,
    });
    expect(periods[1].closed).toBe(false);
    const open = await kstthc.request({
      method: 'POST',
      url: '/api/reports',
      payload: { unitId: soNoiVu, periodId: '2026-Q2' },
    });
    expect(open.statusCode).toBe(409);
    expect(open.json().error.code).toBe('REPORT_PERIOD_OPEN');
    const bad = await kstthc.request({
      method: 'POST',
      url: '/api/reports',
      payload: { unitId: soNoiVu, periodId: '2026-H2' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'REPORT_PERIOD_INVALID',
      message: expect.stringContaining('Kỳ báo cáo'),
    });
  });

  it('a procedure-control officer prepares form 06: the kpi counts regrouped, received = resolved + running + withdrawn + sent back', async () => {
    const res = await kstthc.request({
      method: 'POST',
      url: '/api/reports',
      payload: { unitId: soNoiVu, periodId: '2026-Q1' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json();
    id = report.id;
    expect(report).toMatchObject({
      status: 'draft',
      periodLabel: 'Quý I năm 2026',
      from: '2025-12-15',
      to: '2026-03-14',
    });
    expect(report.rows).toEqual([{ unitId: soNoiVu, unitName: 'Sở Nội vụ', counts: expected }]);
    expect(report.totals).toEqual(expected);
    expect(report.asOf).toBe('2026-03-14T17:00:00.000Z'); // "within time" judged at the cut-off
    const again = await kstthc.request({
      method: 'POST',
      url: '/api/reports',
      payload: { unitId: soNoiVu, periodId: '2026-Q1' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('REPORT_EXISTS');
  });

  it('refuses callers without the right over the unit', async () => {
    const leader = await lanhdao.request({
      method: 'POST',
      url: '/api/reports',
      payload: { unitId: soNoiVu, periodId: '2026-Y' },
    });
    expect(leader.statusCode).toBe(403);
    expect((await chuyenvien.request({ url: `/api/reports/${id}` })).statusCode).toBe(403);
    expect((await lanhdao.request({ method: 'POST', url: `/api/reports/${id}/submit` })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/reports?unitId=${soNoiVu}` })).statusCode).toBe(401);
  });

  it('the PDF (Decree 30 layout) and the XLSX carry the figures and the total line', async () => {
    const pdf = await kstthc.request({ url: `/api/reports/${id}/file?format=pdf` });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await pdfText(pdf.rawPayload);
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ NỘI VỤ',
      'QUÝ I NĂM 2026',
      '15/12/2025',
      '14/03/2026',
      'Tổng cộng',
    ])
      expect(text).toContain(s);
    const xlsx = await kstthc.request({ url: `/api/reports/${id}/file?format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values = (row: number) =>
      Array.from({ length: 13 }, (_, i) => {
        const v = sheet.getCell(row, i + 3).value as number | { result?: number };
        return typeof v === 'number' ? v : (v.result ?? 0); // a cached 0 reads back as no result
      });
    // received 8 (1 + 1 + 6), resolved 3 (1, 1, 1), running 2 (1, 1), withdrawn 1, sent back 2
    expect(values(FORM06_FIRST_DATA_ROW)).toEqual([8, 1, 1, 6, 3, 1, 1, 1, 2, 1, 1, 1, 2]);
    expect(sheet.getCell(FORM06_FIRST_DATA_ROW, 2).value).toBe('Sở Nội vụ');
    expect(sheet.getCell(FORM06_FIRST_DATA_ROW + 1, 2).value).toBe('Tổng cộng');
    expect(values(FORM06_FIRST_DATA_ROW + 1)).toEqual([8, 1, 1, 6, 3, 1, 1, 1, 2, 1, 1, 1, 2]);
    expect((sheet.getCell(FORM06_FIRST_DATA_ROW, 3).value as { formula: string }).formula).toBe(
      `SUM(D${FORM06_FIRST_DATA_ROW}:F${FORM06_FIRST_DATA_ROW})`,
    );
  });

  it('the preparer may not sign: 403 with a Vietnamese message and a stable code', async () => {
    const res = await kstthc.request({ method: 'POST', url: `/api/reports/${id}/submit` });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'REPORT_SELF_SIGN',
      message: expect.stringContaining('Người lập báo cáo'),
    });
  });

  it('another officer signs and submits; the system is down: retried with backoff and logged; once back, delivered exactly once', async () => {
    const res = await kstthc2.request({ method: 'POST', url: `/api/reports/${id}/submit` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', signerName: 'Trần Thị Kiểm Soát', deliveryStatus: null });
    const twice = await kstthc2.request({ method: 'POST', url: `/api/reports/${id}/submit` });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('REPORT_NOT_DRAFT');

    // Nothing is sent before the relay hands the event over.
    expect(await deliver(NOW)).toEqual({ delivered: 0, failed: 0 });
    await relay(NOW);
    expect((await kstthc.request({ url: `/api/reports/${id}` })).json().deliveryStatus).toBe('pending');

    // Down: one failed try, logged; not tried again before the backoff (60 s) has passed.
    expect(await deliver(NOW, DOWN)).toEqual({ delivered: 0, failed: 1 });
    expect(await deliver(new Date(NOW.getTime() + 30_000), DOWN)).toEqual({ delivered: 0, failed: 0 });
    expect(await deliver(new Date(NOW.getTime() + 61_000), DOWN)).toEqual({ delivered: 0, failed: 1 });
    let report = (await kstthc.request({ url: `/api/reports/${id}` })).json();
    expect(report).toMatchObject({ status: 'submitted', deliveryStatus: 'failed', attempts: 2, receipt: null });
    expect(report.lastError).toMatch(/^NETWORK: /);
    expect(await held()).toEqual([]);

    // Back (the in-process simulator): delivered after the second backoff (120 s).
    const back = new Date(NOW.getTime() + 61_000 + 121_000);
    expect(await deliver(back)).toEqual({ delivered: 1, failed: 0 });
    expect(await deliver(new Date(back.getTime() + 3_600_000))).toEqual({ delivered: 0, failed: 0 });
    report = (await kstthc.request({ url: `/api/reports/${id}` })).json();
    expect(report).toMatchObject({ status: 'delivered', deliveryStatus: 'delivered', attempts: 3, lastError: null });
    expect(report.submissionLog.map((l: { outcome: string }) => l.outcome)).toEqual(['failed', 'failed', 'delivered']);
    expect(report.submissionLog[2]).toMatchObject({ attempt: 3, httpStatus: 201, receipt: report.receipt });
    const rows = await held();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ receipt: report.receipt, requests: 1 });
    expect(rows[0]!.payload).toMatchObject({
      maBieuMau: '06/VPCP/KSTT',
      kyBaoCao: { ma: '2026-Q1', tuNgay: '2025-12-15', denNgay: '2026-03-14' },
      nguoiKy: { hoTen: 'Trần Thị Kiểm Soát' },
      tongCong: { tongSoNhan: 8, daGiaiQuyet: 3, dangGiaiQuyet: 2, rutHoSo: 1, traLai: 2 },
    });

    // A retry whose answer was lost sends the same key again: the same receipt, nothing new stored.
    const client = reportingClientFromEnv(t.deps.env, t.handle.db)!;
    const [row] = await queryRows<{
      idempotency_key: string;
      period_id: string;
      period_from: string;
      period_to: string;
      content: never;
    }>(
      t.handle.db,
      sql`select idempotency_key, period_id, period_from, period_to, content from statutory_reports where id = ${id}`,
    );
    const replay = await client.submit(
      toBaoCao(
        { periodId: row!.period_id, periodFrom: row!.period_from, periodTo: row!.period_to, content: row!.content },
        'Quý I năm 2026',
        {
          name: 'Trần Thị Kiểm Soát',
          at: NOW,
        },
      ),
      row!.idempotency_key,
    );
    expect(replay).toMatchObject({ receipt: report.receipt, httpStatus: 200 });
    expect(await held()).toEqual([expect.objectContaining({ receipt: report.receipt, requests: 2 })]);

    const audit = await queryRows<{ action: string }>(
      t.handle.db,
      sql`select action from audit_log where target_id = ${id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'statutory_report.prepare',
      'statutory_report.submit',
      'statutory_report.deliver',
    ]);
  });

  it('the simulator over HTTP refuses a wrong token and lists what it holds', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/sim/baocao/api/v1/bao-cao', payload: {} });
    expect(anonymous.statusCode).toBe(401);
    const list = await t.app.inject({ url: '/sim/baocao/api/v1/bao-cao' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ kyBaoCao: '2026-Q1', soLanGui: 2 })]);
  });
});
