import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossiers } from '../../src/modules/dossiers/dossiers.tables.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { fileDossier, resultOf, step } from '../fixtures/dossiers.js';
import { settleDue } from '../fixtures/payments.js';

let t: TestApp;
let tiepnhan: Session;
let chuyenvien: Session;
let lanhdao: Session;
let congdan: Session;
let procedure: { id: string; name: string; components: { id: string; name: string; mandatory: boolean }[] };
type UnitNode = { id: string; name: string; officialCode: string };
let soTuPhap: UnitNode;
let centre: UnitNode;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const citizen = {
  kind: 'citizen',
  fullName: 'Lê Thị Hồng Nhung',
  idNumber: '089196000789',
  phone: '0987654321',
  address: 'Số 5 Trần Hưng Đạo, phường Long Xuyên',
};
const organisation = {
  kind: 'organization',
  name: 'Công ty TNHH Một Cửa',
  taxCode: '0101243150',
  phone: '0296 3852 123',
};

/** Dossiers as the API returned them after the last action, in the order they were received. */
const filed: Record<string, { code: string; receivedAt: string; appointmentAt: string }> = {};

beforeAll(async () => {
  t = await createTestApp();
  tiepnhan = await t.login('tiepnhan');
  chuyenvien = await t.login('chuyenvien');
  lanhdao = await t.login('lanhdao');
  congdan = await t.login('congdan');
  procedure = await procedureByCode(t, '2.000635');
  const tree = (await t.app.inject({ url: '/api/units' })).json().units[0].children as UnitNode[];
  soTuPhap = tree.find((u) => u.name === 'Sở Tư pháp')!;
  centre = tree.find((u) => u.name.startsWith('Trung tâm Phục vụ hành chính công'))!;

  const receive = (applicant: object) =>
    fileDossier(tiepnhan, procedure, { channel: 'counter', applicant, competentUnitId: soTuPhap.id });
  const act = (
    session: Session,
    d: { code: string; version: number },
    action: string,
    extra: Record<string, unknown> = {},
  ) => step(session, d.code, d.version, action, extra);

  // returned: through every step, the result handed back at the counter.
  let d = await receive(citizen);
  d = await act(tiepnhan, d, 'forward');
  d = await act(chuyenvien, d, 'forward');
  d = await act(lanhdao, d, 'signResult', { result: await resultOf(lanhdao) });
  d = await act(tiepnhan, d, 'finish');
  await settleDue(tiepnhan, d.code);
  filed.returned = await act(tiepnhan, d, 'returnResult', { resultChannel: 'counter' });
  // refused at the counter.
  filed.refused = await act(tiepnhan, await receive(citizen), 'refuse', { note: 'Hồ sơ không thuộc thẩm quyền' });
  // an organisation's dossier, sent on to the competent unit and still being processed.
  filed.processing = await act(tiepnhan, await receive(organisation), 'forward');
});
afterAll(() => t.close());

/** `dd/MM/yyyy HH:mm` in Vietnam (UTC+7), computed here independently of the code under test. */
const vn = (iso: string | null) => {
  if (!iso) return '';
  const s = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)} ${s.slice(11, 16)}`;
};
const vnDate = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

async function book(session: Session, unit: string, from: string, to: string) {
  return session.request({ url: `/api/dossiers/tracking-book?unit=${unit}&from=${from}&to=${to}` });
}

/** The PDF's text as poppler's pdftotext lays it out (-layout: columns side by side, as printed). */
function pdftotext(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'book-'));
  try {
    writeFileSync(join(dir, 'b.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'b.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function sheetOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

/** The period that holds every test dossier (today in Vietnam, unless the run crossed midnight). */
const period = () => {
  const days = Object.values(filed)
    .map((d) => vnDate(d.receivedAt))
    .sort();
  return { from: days[0]!, to: days.at(-1)! };
};

describe('GET /api/dossiers/tracking-book', () => {
  it('gives the service centre its book: header, one row per dossier in order, Vietnam times, notes and a live total', async () => {
    const { from, to } = period();
    const res = await book(tiepnhan, centre.id, from, to);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="so-theo-doi-${centre.officialCode}-${from}-${to}.xlsx"`,
    );

    const sheet = await sheetOf(res.rawPayload);
    expect(sheet.getCell('A2').text).toBe(centre.name.toUpperCase());
    expect(sheet.getCell('A2').font.bold).toBe(true);
    expect(sheet.getCell('H1').text).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(sheet.getCell('H2').text).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(sheet.getCell('A4').text).toBe('SỔ THEO DÕI HỒ SƠ');
    const dmy = (d: string) => d.split('-').reverse().join('/');
    expect(sheet.getCell('A5').text).toBe(`Từ ngày ${dmy(from)} đến ngày ${dmy(to)}`);
    expect(['A7', 'B7', 'C7', 'D7', 'E7', 'F7', 'G7', 'H7', 'N7'].map((c) => sheet.getCell(c).text)).toEqual([
      'STT',
      'Mã hồ sơ',
      'Tên thủ tục hành chính',
      'Số lượng hồ sơ',
      'Tên cá nhân, tổ chức',
      'Địa chỉ, số điện thoại',
      'Cơ quan chủ trì giải quyết',
      'Nhận và trả kết quả',
      'Ghi chú',
    ]);
    expect(['H8', 'I8', 'J8', 'K8', 'L8', 'M8'].map((c) => sheet.getCell(c).text)).toEqual([
      'Ngày, giờ nhận hồ sơ',
      'Ngày, giờ hẹn trả kết quả',
      'Ngày, giờ chuyển hồ sơ',
      'Ngày, giờ nhận kết quả',
      'Ngày, giờ trả kết quả',
      'Ký nhận',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 8 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
    expect(sheet.getCell('B9').border?.left?.style).toBe('thin');

    // One row per dossier, in the order they were received.
    const row = (n: number) => sheet.getRow(n).values as unknown[];
    const order = [filed.returned!, filed.refused!, filed.processing!];
    order.forEach((d, i) => {
      const r = 9 + i;
      expect(sheet.getCell(r, 1).value).toBe(i + 1);
      expect(sheet.getCell(r, 2).text).toBe(d.code);
      expect(sheet.getCell(r, 3).text).toBe(procedure.name);
      expect(sheet.getCell(r, 4).value).toBe(1);
      expect(sheet.getCell(r, 7).text).toBe('Sở Tư pháp');
      expect(sheet.getCell(r, 8).text).toBe(vn(d.receivedAt));
      expect(sheet.getCell(r, 9).text).toBe(vn(d.appointmentAt));
      expect(sheet.getCell(r, 13).text).toBe(''); // Ký nhận, signed on paper
    });
    expect(row(9)[5]).toBe('Lê Thị Hồng Nhung');
    expect(row(9)[6]).toBe('Số 5 Trần Hưng Đạo, phường Long Xuyên; ĐT: 0987654321');
    expect(row(11)[5]).toBe('Công ty TNHH Một Cửa');
    expect(row(11)[6]).toBe('ĐT: 0296 3852 123');

    // The returned dossier: forwarded, result received and returned; its note carries the outcome.
    const returned = (await tiepnhan.request({ url: `/api/dossiers/${filed.returned!.code}` })).json();
    const firstForward = returned.events.find((e: { action: string }) => e.action === 'forward');
    expect(sheet.getCell('J9').text).toBe(vn(firstForward.occurredAt));
    expect(sheet.getCell('K9').text).toBe(vn(returned.completedAt));
    expect(sheet.getCell('L9').text).toBe(vn(returned.returnedAt));
    const outcome = { early: 'Trước hạn', onTime: 'Đúng hạn', late: 'Trễ hạn' }[returned.outcome as string];
    expect(sheet.getCell('N9').text).toBe(`Đã trả kết quả; ${outcome}`);
    // The refusal: never forwarded, no result.
    expect(['J10', 'K10', 'L10'].map((c) => sheet.getCell(c).text)).toEqual(['', '', '']);
    expect(sheet.getCell('N10').text).toMatch(/^Từ chối; (Trước hạn|Đúng hạn)$/);
    // Still processing: forwarded, nothing more yet.
    expect(sheet.getCell('J11').text).not.toBe('');
    expect(sheet.getCell('K11').text).toBe('');
    expect(sheet.getCell('N11').text).toBe('Đang xử lý');

    // The total is a formula over the Số lượng column's data rows, with the count as its cached result.
    expect(sheet.getCell('A12').text).toBe('Tổng cộng');
    expect(sheet.getCell('D12').value).toEqual({ formula: 'SUM(D9:D11)', result: 3 });
    expect(sheet.rowCount).toBe(12);
  });

  it('gives the competent unit the same dossiers: its book covers what it handles, received elsewhere', async () => {
    const { from, to } = period();
    const res = await book(chuyenvien, soTuPhap.id, from, to);
    expect(res.statusCode).toBe(200);
    const sheet = await sheetOf(res.rawPayload);
    expect([9, 10, 11].map((r) => sheet.getCell(r, 2).text)).toEqual([
      filed.returned!.code,
      filed.refused!.code,
      filed.processing!.code,
    ]);
    expect(sheet.getCell('A2').text).toBe('SỞ TƯ PHÁP');
  });

  it('takes Vietnam dates: a dossier received at 23:59 the evening before is in that day’s book, not today’s', async () => {
    const { from, to } = period();
    // Move the processing dossier to 23:59 Vietnam time of the day before the period (16:59 UTC).
    const dayBefore = new Date(Date.parse(`${from}T00:00:00+07:00`) - 60_000);
    await t.handle.db.update(dossiers).set({ receivedAt: dayBefore }).where(eq(dossiers.code, filed.processing!.code));
    try {
      const previous = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const before = await sheetOf((await book(tiepnhan, centre.id, previous, previous)).rawPayload);
      expect(before.getCell('B9').text).toBe(filed.processing!.code);
      expect(before.getCell('H9').text).toMatch(/ 23:59$/);
      expect(before.getCell('D10').value).toEqual({ formula: 'SUM(D9:D9)', result: 1 });
      const today = await sheetOf((await book(tiepnhan, centre.id, from, to)).rawPayload);
      expect([9, 10].map((r) => today.getCell(r, 2).text)).toEqual([filed.returned!.code, filed.refused!.code]);
    } finally {
      await t.handle.db
        .update(dossiers)
        .set({ receivedAt: new Date(filed.processing!.receivedAt) })
        .where(eq(dossiers.code, filed.processing!.code));
    }
  });

  it('gives an empty period a valid book with no data rows and a zero total', async () => {
    const res = await book(tiepnhan, centre.id, '2020-01-01', '2020-01-31');
    expect(res.statusCode).toBe(200);
    const sheet = await sheetOf(res.rawPayload);
    expect(sheet.getCell('A5').text).toBe('Từ ngày 01/01/2020 đến ngày 31/01/2020');
    expect(sheet.getCell('A9').text).toBe('Tổng cộng');
    expect(sheet.getCell('D9').value).toBe(0);
    expect(sheet.rowCount).toBe(9);
  });

  it('is for staff: a citizen is refused, and so is staff of another unit', async () => {
    const { from, to } = period();
    const citizenRes = await book(congdan, centre.id, from, to);
    expect(citizenRes.statusCode).toBe(403);
    expect(citizenRes.json().error.code).toBe('FORBIDDEN');
    expect((await book(chuyenvien, centre.id, from, to)).statusCode).toBe(403);
    expect(
      (await t.app.inject({ url: `/api/dossiers/tracking-book?unit=${centre.id}&from=${from}&to=${to}` })).statusCode,
    ).toBe(401);
  });

  it('refuses a reversed or over-long period with a stable code, and a malformed one', async () => {
    const reversed = await book(tiepnhan, centre.id, '2026-03-02', '2026-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error).toMatchObject({
      code: 'TRACKING_BOOK_PERIOD_REVERSED',
      message: expect.stringContaining('Ngày bắt đầu'),
    });
    const long = await book(tiepnhan, centre.id, '2025-01-01', '2026-01-02');
    expect(long.statusCode).toBe(400);
    expect(long.json().error.code).toBe('TRACKING_BOOK_PERIOD_TOO_LONG');
    expect((await book(tiepnhan, centre.id, '2026-02-30', '2026-03-01')).json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('GET /api/dossiers/tracking-book?format=pdf and …/rows', () => {
  it('gives the book as a PDF in the Decree 30 layout: header, title, period, every dossier, whole-word headers, total', async () => {
    const { from, to } = period();
    const res = await tiepnhan.request({
      url: `/api/dossiers/tracking-book?unit=${centre.id}&from=${from}&to=${to}&format=pdf`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="so-theo-doi-${centre.officialCode}-${from}-${to}.pdf"`,
    );
    const text = pdftotext(res.rawPayload);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    const dmy = (d: string) => d.split('-').reverse().join('/');
    expect(text).toContain(`Từ ngày ${dmy(from)} đến ngày ${dmy(to)}`);
    for (const d of Object.values(filed)) expect(text).toContain(d.code);
    // Every header word is whole somewhere in the text: a column never breaks a word ("Nhậ n").
    const words = new Set(text.split(/\s+/).map((w) => w.replace(/[,.:()]/g, '')));
    const headerWords = ['STT', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Số lượng hồ sơ', 'Tên cá nhân, tổ chức']
      .concat([
        'Địa chỉ, số điện thoại',
        'Cơ quan chủ trì giải quyết',
        'Ngày, giờ hẹn trả kết quả',
        'Ký nhận',
        'Ghi chú',
      ])
      .flatMap((h) => h.split(/\s+/).map((w) => w.replace(/[,.:()]/g, '')));
    expect(headerWords.filter((w) => !words.has(w))).toEqual([]);
    expect(text).toMatch(/Tổng cộng\s+3\b/);
    expect(text).toContain('NGƯỜI LẬP SỔ');
  });

  it('refuses a format it does not make', async () => {
    const { from, to } = period();
    const res = await tiepnhan.request({
      url: `/api/dossiers/tracking-book?unit=${centre.id}&from=${from}&to=${to}&format=docx`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('lists the same rows as JSON for the staff page, with the same checks', async () => {
    const { from, to } = period();
    const url = (unit: string, a: string, b: string) =>
      `/api/dossiers/tracking-book/rows?unit=${unit}&from=${a}&to=${b}`;
    const res = await tiepnhan.request({ url: url(centre.id, from, to) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.unitName).toBe(centre.name);
    expect(body.rows.map((r: { code: string }) => r.code)).toEqual([
      filed.returned!.code,
      filed.refused!.code,
      filed.processing!.code,
    ]);
    expect(body.rows[0]).toMatchObject({
      applicantName: 'Lê Thị Hồng Nhung',
      receivedAt: vn(filed.returned!.receivedAt),
    });
    expect((await congdan.request({ url: url(centre.id, from, to) })).statusCode).toBe(403);
    expect((await tiepnhan.request({ url: url(centre.id, '2026-03-02', '2026-03-01') })).json().error.code).toBe(
      'TRACKING_BOOK_PERIOD_REVERSED',
    );
  });
});
