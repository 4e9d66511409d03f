/**
 * Reports through the API on hand-built dossiers of reporting month 2026-03 at Sở Nội vụ (one
 * per column of the report, and some that must not count): the job runs in the background with
 * progress, its figures partition the received dossiers, the XLSX reads back as a spreadsheet
 * with live formulas and the PDF carries the unit name and the totals. The job table: claimed
 * once (SKIP LOCKED on PostgreSQL), an expired lease is taken again and resumes after its saved
 * chunks.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../src/modules/documents/testing/pdf-text.js';
import { kpiReportJobs } from '../../src/modules/kpi/insights.tables.js';
import { claimReportJob, runReportJob } from '../../src/modules/kpi/report-jobs.service.js';
import { type ReportCounts, type ReportResult, zeroCounts } from '../../src/modules/kpi/report.rules.js';
import { reportWorkers } from '../../src/modules/kpi/reports.routes.js';
import { queryRows } from '../../src/kernel/db.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { insertCase, processedDossier, type RowCase } from '../fixtures/kpi.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { demoUnits } from '../fixtures/units.js';

let t: TestApp;
let kstthc: Session;
let chuyenvien: Session;
let soNoiVu: string;
let province: string;

const at = (s: string) => `2026-${s}:00+07:00`;
/** Reporting month 2026-03 is 21 Feb → 20 Mar 2026. */
const cases: Omit<RowCase, 'code'>[] = [
  {
    status: 'returned',
    received: at('02-10T08:00'),
    completed: at('03-02T09:00'),
    outcome: 'early',
    due: at('03-09T08:00'),
    returned: at('03-03T10:00'),
  }, // carried over, early, returned
  {
    status: 'processed',
    received: at('03-02T08:00'),
    completed: at('03-05T09:00'),
    outcome: 'onTime',
    due: at('03-05T17:00'),
  },
  {
    status: 'processed',
    received: at('03-02T08:00'),
    completed: at('03-12T09:00'),
    outcome: 'late',
    due: at('03-09T08:00'),
  },
  {
    status: 'refused',
    received: at('03-02T08:00'),
    completed: at('03-03T09:00'),
    outcome: 'early',
    due: at('03-09T08:00'),
  },
  {
    status: 'withdrawn',
    received: at('03-02T08:00'),
    completed: at('03-05T09:00'),
    outcome: 'onTime',
    due: at('03-09T08:00'),
  },
  {
    status: 'stopped',
    received: at('03-02T08:00'),
    completed: at('03-11T09:00'),
    outcome: 'late',
    due: at('03-09T08:00'),
  },
  { status: 'processing', received: at('03-16T08:00'), due: at('03-30T08:00') }, // new, within time
  { status: 'processing', received: at('02-01T08:00'), due: at('03-10T08:00') }, // carried over, overdue
  {
    status: 'returned',
    received: at('02-02T08:00'),
    completed: at('02-10T09:00'),
    outcome: 'onTime',
    due: at('02-10T17:00'),
    returned: at('02-25T10:00'),
  }, // only "returned"
  { status: 'processing', received: at('03-10T08:00'), due: at('03-30T08:00'), channel: 'online' }, // new, online, within time
  { status: 'processing', received: at('03-21T08:00'), due: at('03-30T08:00') }, // after the period: out
  { status: 'registered', received: null }, // never received: out
];
const expected: ReportCounts = {
  carriedOver: 2,
  new: 7,
  early: 1,
  onTime: 1,
  late: 1,
  refused: 1,
  withdrawn: 1,
  stopped: 1,
  withinTime: 2,
  overdue: 1,
  returned: 2,
};

interface Job {
  id: string;
  status: string;
  progress: number;
  stepsDone: number;
  stepsTotal: number;
  report: {
    title: string;
    unitName: string;
    rows: { key: string; label: string; counts: ReportCounts }[];
    totals: ReportCounts;
  } | null;
}

async function request(session: Session, payload: Record<string, unknown>): Promise<string> {
  const res = await session.request({ method: 'POST', url: '/api/kpi/reports', payload });
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json().status).toBe('queued');
  return res.json().id;
}

/** Polls the job until it is done; every progress seen on the way is between 0 and 1, never back. */
async function finished(session: Session, id: string): Promise<Job> {
  let last = -1;
  for (let i = 0; i < 400; i++) {
    const res = await session.request({ url: `/api/kpi/reports/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json() as Job;
    expect(job.progress).toBeGreaterThanOrEqual(last);
    expect(job.progress).toBeLessThanOrEqual(1);
    last = job.progress;
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('report did not finish');
}

beforeAll(async () => {
  t = await createTestApp();
  [kstthc, chuyenvien] = await Promise.all([t.login('kstthc'), t.login('chuyenvien')]);
  const [tiepnhan, lanhdao] = await Promise.all([t.login('tiepnhan'), t.login('lanhdao')]);
  const unit = await demoUnits(t);
  soNoiVu = unit('Sở Nội vụ');
  province = unit('Ủy ban nhân dân tỉnh An Giang');
  const model = await processedDossier(
    { tiepnhan, chuyenvien, lanhdao },
    await procedureByCode(t, '2.000635'),
    unit('Sở Tư pháp'),
  );
  for (const [i, c] of cases.entries()) {
    await insertCase(t, model.code, {
      ...c,
      code: `RPT-${String(i).padStart(2, '0')}`,
      competentUnitId: soNoiVu,
      receivingUnitId: soNoiVu,
    });
  }
}, 120_000);
afterAll(() => t.close());

describe('POST /api/kpi/reports → GET /api/kpi/reports/{id}', () => {
  let id: string;

  it('a monthly report by unit: every column counted, received = ended + in progress', async () => {
    id = await request(kstthc, { unit: soNoiVu, period: '2026-03', groupBy: 'unit' });
    const job = await finished(kstthc, id);
    expect(job).toMatchObject({ status: 'done', progress: 1, stepsDone: 2, stepsTotal: 2 });
    expect(job.report!.title).toBe('Báo cáo tháng 03/2026');
    expect(job.report!.rows).toEqual([{ key: soNoiVu, label: 'Sở Nội vụ', counts: expected }]);
    expect(job.report!.totals).toEqual(expected);
  });

  it('by channel, and a quarterly report of the province in several chunks with the same totals', async () => {
    const byChannel = await finished(
      kstthc,
      await request(kstthc, { unit: soNoiVu, period: '2026-03', groupBy: 'channel' }),
    );
    expect(byChannel.report!.rows.map((r) => [r.label, r.counts.carriedOver + r.counts.new])).toEqual([
      ['Trực tiếp', 8],
      ['Trực tuyến', 1],
    ]);
    const provinceJob = await finished(
      kstthc,
      await request(kstthc, { unit: province, from: '2026-02-21', to: '2026-03-20', groupBy: 'unit' }),
    );
    expect(provinceJob.stepsTotal).toBeGreaterThan(2);
    expect(provinceJob.report!.title).toBe('Báo cáo từ ngày 21/02/2026 đến ngày 20/03/2026');
    expect(provinceJob.report!.totals).toEqual(expected);
    const byProcedure = await finished(
      kstthc,
      await request(kstthc, { unit: soNoiVu, period: '2026-Q1', groupBy: 'procedure' }),
    );
    expect(byProcedure.report!.title).toBe('Báo cáo quý 1/2026');
    expect(byProcedure.report!.rows).toHaveLength(1);
    expect(byProcedure.report!.rows[0]!.label).toMatch(/^2\.000635 - /);
    const byField = await finished(kstthc, await request(kstthc, { unit: soNoiVu, period: '2026', groupBy: 'field' }));
    const [field] = await queryRows<{ name: string }>(
      t.handle.db,
      sql`select f.name from procedures p join procedure_fields f on f.code = p.field_code where p.national_code = '2.000635'`,
    );
    expect(byField.report!.rows.map((r) => r.label)).toEqual([field!.name]);
    expect(byField.report!.title).toBe('Báo cáo năm 2026');
  });

  it('the XLSX reads back: header, figures, and formulas for every total', async () => {
    const res = await kstthc.request({ url: `/api/kpi/reports/${id}/file?format=xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A2').value).toBe('SỞ NỘI VỤ');
    expect(String(sheet.getCell('A4').value)).toBe('BÁO CÁO THÁNG 03/2026');
    expect(sheet.getCell('C7').value).toBe('Số hồ sơ nhận giải quyết');
    expect(sheet.getCell('B9').value).toBe('Sở Nội vụ');
    // Received (C) = carried over (D) + new (E), as a formula with its result.
    expect(sheet.getCell('C9').value).toEqual({ formula: 'D9+E9', result: 9 });
    expect(sheet.getCell('D9').value).toBe(2);
    expect(sheet.getCell('F9').value).toEqual({ formula: 'G9+H9+I9', result: 3 });
    expect(sheet.getCell('J9').value).toEqual({ formula: 'K9+L9', result: 3 });
    // The total line sums each column.
    expect(sheet.getCell('A10').value).toBe('Tổng cộng');
    expect(sheet.getCell('C10').value).toEqual({ formula: 'SUM(C9:C9)', result: 9 });
    expect(sheet.getCell('P10').value).toEqual({ formula: 'SUM(P9:P9)', result: 2 });
  });

  it('the PDF has the administrative header, the unit and the totals', async () => {
    const res = await kstthc.request({ url: `/api/kpi/reports/${id}/file?format=pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text } = await pdfText(res.rawPayload);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('SỞ NỘI VỤ');
    expect(text).toContain('BÁO CÁO THÁNG 03/2026');
    // Tổng cộng, then the totals in the table's order: received 9, carried over 2, new 7, processed 3 …
    expect(text).toMatch(/Tổng cộng 9 2 7 3 1 1 1 3 2 1 1 1 1 2/);
  });

  it('refuses who may not read the unit, unknown jobs and unknown formats', async () => {
    expect(
      (
        await chuyenvien.request({
          method: 'POST',
          url: '/api/kpi/reports',
          payload: { unit: soNoiVu, period: '2026-03' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await chuyenvien.request({ url: `/api/kpi/reports/${id}` })).statusCode).toBe(403);
    expect((await kstthc.request({ url: '/api/kpi/reports/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(
      404,
    );
    expect((await kstthc.request({ url: `/api/kpi/reports/${id}/file?format=docx` })).statusCode).toBe(400);
    expect(
      (await kstthc.request({ method: 'POST', url: '/api/kpi/reports', payload: { unit: soNoiVu, period: '2026-13' } }))
        .statusCode,
    ).toBe(400);
  });
});

describe('the job table', () => {
  const params = () => ({
    unitId: soNoiVu,
    from: '2026-02-21',
    to: '2026-03-20',
    kind: 'month' as const,
    groupBy: 'unit' as const,
  });
  const worker = () => reportWorkers.get(t.app)!;

  it('a file before the job is done is a 409; a queued job is claimed once', async () => {
    await worker().stop();
    try {
      const [job] = await t.handle.db.insert(kpiReportJobs).values({ params: params() }).returning();
      const res = await kstthc.request({ url: `/api/kpi/reports/${job!.id}/file?format=xlsx` });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('KPI_REPORT_NOT_READY');
      const claimed = await claimReportJob(t.handle.db);
      expect(claimed?.id).toBe(job!.id);
      expect(await claimReportJob(t.handle.db)).toBeNull(); // running, lease held
    } finally {
      worker().start();
    }
  });

  it('a job whose lease ran out is claimed again and resumes after its saved chunks', async () => {
    await worker().stop();
    try {
      // As if a worker had saved the first chunk (with a row we can recognise) and died.
      const marker = { key: 'marker', label: 'Đã lưu trước', counts: { ...zeroCounts(), new: 1 } };
      const saved: ReportResult = {
        unitName: 'Sở Nội vụ',
        parentName: null,
        asOf: new Date('2026-03-20T17:00:00Z').toISOString(),
        rows: [marker],
      };
      const [job] = await t.handle.db
        .insert(kpiReportJobs)
        .values({
          params: params(),
          status: 'running',
          stepsDone: 1,
          stepsTotal: 2,
          attempts: 1,
          result: saved,
          lockedUntil: new Date(Date.now() - 1000),
          createdAt: new Date('2020-01-01'),
        })
        .returning();
      const claimed = (await claimReportJob(t.handle.db))!;
      expect(claimed).toMatchObject({ id: job!.id, attempts: 2, stepsDone: 1 });
      await runReportJob(t.handle.db, claimed, () => new Date());
      const [done] = await queryRows<{ status: string; result: ReportResult }>(
        t.handle.db,
        sql`select status, result from kpi_report_jobs where id = ${job!.id}`,
      );
      expect(done!.status).toBe('done');
      // The saved row is kept; the second chunk (dossiers received here for other units: none) adds nothing.
      expect(done!.result.rows).toEqual([marker]);
    } finally {
      worker().start();
    }
  });

  it('two workers claiming at once get different jobs (FOR UPDATE SKIP LOCKED; PostgreSQL only)', async (ctx) => {
    if (t.handle.engine !== 'postgres') {
      console.log('skipped on PGlite: one connection cannot hold two transactions at once');
      ctx.skip();
    }
    await worker().stop();
    try {
      const old = new Date('2019-01-01');
      const jobs = await t.handle.db
        .insert(kpiReportJobs)
        .values([
          { params: params(), createdAt: old },
          { params: params(), createdAt: new Date(old.getTime() + 1000) },
        ])
        .returning();
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let first: string | undefined;
      const one = t.handle.db.transaction(async (tx) => {
        first = (await claimReportJob(tx))?.id;
        await held; // keep the row locked while the other claims
      });
      while (first === undefined) await new Promise((r) => setTimeout(r, 10));
      const second = (await claimReportJob(t.handle.db))?.id;
      release();
      await one;
      expect(first).toBe(jobs[0]!.id);
      expect(second).toBe(jobs[1]!.id);
    } finally {
      worker().start();
    }
  });
});
