import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/kernel/db.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { birthRegistration } from '../fixtures/national-procedure.js';
import { SHEET_COLUMNS } from '../../src/modules/catalog/sheet.rules.js';
import { readXlsx, writeXlsx } from '../../src/modules/catalog/xlsx.js';
import { versionInForce } from '../../src/modules/catalog/procedures.service.js';

let t: TestApp;
let kstthc: Session;
let provinceId: string;
let soTuPhapId: string;

beforeAll(async () => {
  t = await createTestApp();
  kstthc = await t.login('kstthc');
  const tree = (await t.app.inject({ url: '/api/units' })).json().units as {
    id: string;
    name: string;
    children: { id: string; name: string }[];
  }[];
  const province = tree.find((u) => u.name === 'Ủy ban nhân dân tỉnh An Giang')!;
  provinceId = province.id;
  soTuPhapId = province.children.find((u) => u.name === 'Sở Tư pháp')!.id;
});
afterAll(() => t.close());

const search = async (query: string) => (await t.app.inject({ url: `/api/procedures?${query}` })).json();

function decision(number: string, items: unknown[], dates: Record<string, string | null> = {}) {
  return {
    number,
    signedDate: '2026-03-02',
    signer: 'Chủ tịch UBND tỉnh',
    issuingUnitId: provinceId,
    effectiveDate: '2026-03-15',
    ...dates,
    items,
  };
}

function content(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name,
    fieldCode: 'HT',
    levels: ['province'],
    channels: [
      {
        channel: 'counter',
        timeLimit: { value: 5, unit: 'workingDays' },
        fees: [{ name: 'Lệ phí', amountVnd: 50000 }],
      },
    ],
    components: [{ name: 'Tờ khai', kind: 'original', count: 1, digitizationRequired: true }],
    applicantTypes: ['citizen'],
    result: { name: 'Giấy xác nhận', electronic: true, paper: true },
    legalBasis: ['Luật Hộ tịch 2014'],
    onlineLevel: 'none',
    postal: false,
    locationIndependent: true,
    interAgency: false,
    competentUnitIds: [soTuPhapId],
    ...overrides,
  };
}

describe('search', () => {
  it('finds a procedure without diacritics, ranked first', async () => {
    const body = await search('q=dang%20ky%20khai%20sinh');
    expect(body.total).toBeGreaterThan(0);
    expect(body.items[0].name).toBe('Thủ tục đăng ký khai sinh');
    expect(body.items[0].nationalCode).toBe('1.001193');
  });

  it('matches every word, in any order and as a partial word, not only the phrase (issue 15 item 14)', async () => {
    const names = async (q: string) =>
      (await search(`q=${encodeURIComponent(q)}&pageSize=50`)).items.map((i: { name: string }) => i.name);
    const phrase = await names('dang ky khai sinh');
    expect(phrase[0]).toBe('Thủ tục đăng ký khai sinh');
    expect(phrase).toContain('Thủ tục đăng ký lại khai sinh');
    expect(await names('khai sinh dang ky')).toContain('Thủ tục đăng ký lại khai sinh');
    expect(await names('dang ky lai khai si')).toContain('Thủ tục đăng ký lại khai sinh');
    expect(await names('đăng ký lại khai')).toEqual(expect.arrayContaining(['Thủ tục đăng ký lại khai sinh']));
  });

  it('is case-insensitive and understands ĐKKS-style abbreviations', async () => {
    expect((await search('q=%C4%90KKS')).items[0].nationalCode).toBe('1.001193'); // ĐKKS
    expect(
      (await search('q=TH%E1%BB%A6%20T%E1%BB%A4C%20%C4%90%C4%82NG%20K%C3%9D%20K%E1%BA%BET%20H%C3%94N')).items[0]
        .nationalCode,
    ).toBe('1.000894'); // THỦ TỤC ĐĂNG KÝ KẾT HÔN
  });

  it('tolerates typos', async () => {
    expect((await search('q=dang%20ky%20khia%20sinh')).items[0].nationalCode).toBe('1.001193');
    expect(
      (await search('q=dang%20ki%20ket%20hon')).items.map((i: { nationalCode: string }) => i.nationalCode),
    ).toContain('1.000894');
  });

  it('finds by national code and filters by field, level, unit and online level', async () => {
    expect((await search('q=1.000894')).items[0].name).toBe('Thủ tục đăng ký kết hôn');
    const communeCivil = await search('field=HT&level=commune&pageSize=100');
    expect(communeCivil.total).toBeGreaterThanOrEqual(4);
    for (const item of communeCivil.items) {
      expect(item.fieldCode).toBe('HT');
      expect(item.levels).toContain('commune');
    }
    const police = (await t.app.inject({ url: '/api/units' }))
      .json()
      .units.find((u: { name: string }) => u.name === 'Công an tỉnh An Giang');
    const policeProcedures = await search(`unit=${police.id}&pageSize=100`);
    expect(policeProcedures.items.map((i: { nationalCode: string }) => i.nationalCode)).toContain('1.004222');
    expect(policeProcedures.items.map((i: { nationalCode: string }) => i.nationalCode)).not.toContain('1.001193');
    const full = await search('online=full&pageSize=200');
    for (const item of full.items) expect(item.onlineLevel).toBe('full');
    expect(full.total).toBeLessThan((await search('pageSize=1')).total);
  });

  it('finds nothing for nonsense, and rejects a bad filter with 400', async () => {
    expect(await search('q=xyzzyqwv')).toEqual({ items: [], total: 0 });
    const bad = await t.app.inject({ url: '/api/procedures?level=district' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('procedure detail', () => {
  it('returns the full current version with its competent units', async () => {
    const id = (await search('q=1.001193')).items[0].id;
    const res = await t.app.inject({ url: `/api/procedures/${id}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.currentVersion.content.components.length).toBeGreaterThan(0);
    // What a filer needs is lifted out: components with ids (dossiers point at them), channels.
    expect(body.components.length).toBe(body.currentVersion.content.components.length);
    for (const c of body.components)
      expect(c).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          name: expect.any(String),
          mandatory: expect.any(Boolean),
        }),
      );
    expect(new Set(body.components.map((c: { id: string }) => c.id)).size).toBe(body.components.length);
    expect(body.channels[0]).toEqual(
      expect.objectContaining({
        channel: expect.any(String),
        timeLimit: expect.objectContaining({ value: expect.any(Number) }),
      }),
    );
    expect(body.currentVersion.content.channels[0].timeLimit).toEqual(
      expect.objectContaining({ unit: expect.any(String) }),
    );
    expect(body.competentUnits.length).toBeGreaterThanOrEqual(12);
    expect(body.versions).toHaveLength(1);
    expect(body.versions[0].decisionNumber).toBe('1520/QĐ-UBND');
  });

  it('answers 404 for an unknown procedure', async () => {
    const res = await t.app.inject({ url: '/api/procedures/00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('PROCEDURE_NOT_FOUND');
  });
});

describe('publication decisions', () => {
  it('only a procedure-control officer of the issuing unit issues them', async () => {
    const body = decision('1/QĐ-TEST', [
      { changeKind: 'new', nationalCode: '9.100001', content: content('Thủ tục thử nghiệm một') },
    ]);
    expect((await t.app.inject({ method: 'POST', url: '/api/decisions', payload: body })).statusCode).toBe(401);
    const chuyenvien = await t.login('chuyenvien');
    const refused = await chuyenvien.request({ method: 'POST', url: '/api/decisions', payload: body });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
  });

  it('creates, amends and abolishes procedures through versions, keeping old versions readable', async () => {
    const created = await kstthc.request({
      method: 'POST',
      url: '/api/decisions',
      payload: decision('2/QĐ-TEST', [
        { changeKind: 'new', nationalCode: '9.100002', content: content('Cấp giấy xác nhận thử nghiệm') },
      ]),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().items).toEqual([expect.objectContaining({ nationalCode: '9.100002', changeKind: 'new' })]);
    const id = (await search('q=9.100002')).items[0].id;
    const v1 = (await t.app.inject({ url: `/api/procedures/${id}` })).json().currentVersion;

    const amended = await kstthc.request({
      method: 'POST',
      url: '/api/decisions',
      payload: decision(
        '3/QĐ-TEST',
        [
          {
            changeKind: 'amended',
            nationalCode: '9.100002',
            content: content('Cấp giấy xác nhận thử nghiệm (sửa đổi)', {
              onlineLevel: 'full',
              channels: [{ channel: 'online', timeLimit: { value: 3, unit: 'workingDays' }, fees: [] }],
            }),
          },
        ],
        { signedDate: '2026-04-01', effectiveDate: '2026-04-10' },
      ),
    });
    expect(amended.statusCode).toBe(201);
    const detail = (await t.app.inject({ url: `/api/procedures/${id}` })).json();
    expect(
      detail.versions.map((v: { versionNo: number; effectiveTo: string | null }) => [v.versionNo, v.effectiveTo]),
    ).toEqual([
      [2, null],
      [1, '2026-04-10'],
    ]);
    expect(detail.onlineLevel).toBe('full');
    const old = (await t.app.inject({ url: `/api/procedure-versions/${v1.id}` })).json();
    expect(old.content.name).toBe('Cấp giấy xác nhận thử nghiệm');
    expect(old.content.channels[0].fees[0].amountVnd).toBe(50000);
    // A dossier filed the day before the amendment takes effect uses version 1, from then on 2.
    expect((await versionInForce(t.handle.db, id, '2026-04-09')).versionNo).toBe(1);
    expect((await versionInForce(t.handle.db, id, '2026-04-10')).versionNo).toBe(2);
    await expect(versionInForce(t.handle.db, id, '2026-03-14')).rejects.toMatchObject({
      code: 'PROCEDURE_NOT_IN_FORCE',
    });

    const abolished = await kstthc.request({
      method: 'POST',
      url: '/api/decisions',
      payload: decision('4/QĐ-TEST', [{ changeKind: 'abolished', nationalCode: '9.100002' }], {
        signedDate: '2026-05-04',
        effectiveDate: '2026-05-15',
      }),
    });
    expect(abolished.statusCode).toBe(201);
    expect((await search('q=9.100002')).total).toBe(0);
    expect((await search('q=9.100002&includeAbolished=true')).items[0].status).toBe('abolished');
  });

  it('refuses a whole decision with every problem listed, and a duplicate number', async () => {
    const res = await kstthc.request({
      method: 'POST',
      url: '/api/decisions',
      payload: decision('5/QĐ-TEST', [
        { changeKind: 'new', nationalCode: '1.001193', content: content('Trùng mã') },
        { changeKind: 'amended', nationalCode: '9.999999', content: content('Không có') },
        { changeKind: 'new', nationalCode: '9.100005', content: content('Hợp lệ') },
      ]),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('DECISION_ITEMS_INVALID');
    expect(res.json().error.details.problems.map((p: { index: number; code: string }) => [p.index, p.code])).toEqual([
      [0, 'PROCEDURE_EXISTS'],
      [1, 'PROCEDURE_NOT_FOUND'],
    ]);
    expect((await search('q=9.100005')).total).toBe(0);
    const dup = await kstthc.request({
      method: 'POST',
      url: '/api/decisions',
      payload: decision('2/QĐ-TEST', [{ changeKind: 'new', nationalCode: '9.100006', content: content('X') }]),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DECISION_NUMBER_TAKEN');
    const ghost = '00000000-0000-4000-8000-0000000000ff';
    const unknownUnit = await kstthc.request({
      method: 'POST',
      url: '/api/decisions',
      payload: decision('8/QĐ-TEST', [
        {
          changeKind: 'new',
          nationalCode: '9.100009',
          content: content('Đơn vị lạ', { competentUnitIds: [soTuPhapId, ghost] }),
        },
      ]),
    });
    expect(unknownUnit.statusCode).toBe(404);
    expect(unknownUnit.json().error).toMatchObject({ code: 'UNIT_NOT_FOUND', details: { ids: [ghost] } });
  });

  it('rejects invalid content with 400 naming the field', async () => {
    const res = await kstthc.request({
      method: 'POST',
      url: '/api/decisions',
      payload: decision('6/QĐ-TEST', [
        {
          changeKind: 'new',
          nationalCode: '9.100007',
          content: content('Phí lẻ', {
            channels: [
              {
                channel: 'counter',
                timeLimit: { value: 5, unit: 'workingDays' },
                fees: [{ name: 'Lệ phí', amountVnd: 10.5 }],
              },
            ],
          }),
        },
      ]),
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('amountVnd');
  });

  it('computes timeliness in working days, across Tết 2026', async () => {
    // Signed Tue 10 Feb 2026; legal basis in force Mon 23 Feb: working days after the 10th are
    // 11, 12, 13 (16–20 Tết, weekends off) and 23 → 4 < 5, late. Published Fri 13 Feb → 3, on time.
    const res = await kstthc.request({
      method: 'POST',
      url: '/api/decisions',
      payload: decision(
        '7/QĐ-TEST',
        [{ changeKind: 'new', nationalCode: '9.100008', content: content('Thủ tục kiểm tra hạn') }],
        {
          signedDate: '2026-02-10',
          effectiveDate: '2026-02-23',
          legalBasisEffectiveDate: '2026-02-23',
          nationalPublishedDate: '2026-02-13',
        },
      ),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().compliance).toEqual({
      leadWorkingDays: 4,
      decisionOnTime: false,
      publicationWorkingDays: 3,
      publishedOnTime: true,
    });
    const later = await kstthc.request({
      method: 'PUT',
      url: `/api/decisions/${res.json().id}/national-publication`,
      payload: { nationalPublishedDate: '2026-02-27' },
    });
    // 11, 12, 13, 23, 24, 25, 26, 27 → 8 > 5: late.
    expect(later.json().compliance).toMatchObject({ publicationWorkingDays: 8, publishedOnTime: false });
  });
});

async function waitForImport(id: string) {
  for (let i = 0; i < 600; i += 1) {
    const res = await kstthc.request({ url: `/api/catalog/imports/${id}` });
    const body = res.json();
    if (body.status !== 'running') return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

const importQuery = (number: string) =>
  `/api/catalog/imports?number=${encodeURIComponent(number)}&signedDate=2026-06-01&signer=Ch%E1%BB%A7%20t%E1%BB%8Bch&issuingUnitId=${provinceId}&effectiveDate=2026-06-15`;

describe('import and export', () => {
  it('imports 2,000 national-shape procedures, reporting every bad row and importing the rest', {
    timeout: 180_000,
  }, async () => {
    const records = Array.from({ length: 2000 }, (_, i) =>
      birthRegistration({ MATTHC: `8.${String(i).padStart(6, '0')}`, TENTTHC: `Thủ tục nhập thử số ${i}` }),
    );
    records[10] = { ...records[10]!, MATTHC: 'bad-code' };
    records[20] = { ...records[20]!, CAPTHUCHIEN: ['Cấp Huyện'] };
    records[30] = { ...records[30]!, MATTHC: '8.000000' }; // duplicate of row 1
    const res = await kstthc.request({ method: 'POST', url: importQuery('100/QĐ-IMPORT'), payload: records });
    expect(res.statusCode).toBe(202);
    expect(res.json().totalRows).toBe(2000);
    const done = await waitForImport(res.json().id);
    expect(done.status).toBe('done');
    expect(done.processedRows).toBe(2000);
    expect(done.importedRows).toBe(1997);
    // The bulk load left the planner statistics current (ANALYZE after the batches).
    const [stats] = await queryRows<{ n: number }>(
      t.handle.db,
      sql`select reltuples::int as n from pg_class where oid = 'procedures'::regclass`,
    );
    expect(stats!.n).toBeGreaterThanOrEqual(1997);
    expect(done.rejected.map((r: { row: number }) => r.row)).toEqual([11, 21, 31]);
    expect(done.rejected[0].problems[0]).toMatchObject({
      field: 'MATTHC',
      message: expect.stringContaining('d.dddddd'),
    });
    expect(done.rejected[1].problems[0].field).toBe('CAPTHUCHIEN.0');
    expect((await search('q=8.001999')).items[0].name).toBe('Thủ tục nhập thử số 1999');
    const decisionItems = (await t.app.inject({ url: `/api/decisions/${done.decisionId}` })).json().items;
    expect(decisionItems).toHaveLength(1997);
  });

  it('exports the catalog as national JSON, CSV and XLSX; a re-imported sheet amends procedures', async () => {
    const json = await t.app.inject({ url: '/api/catalog/export.json' });
    expect(json.statusCode).toBe(200);
    const birth = json.json().find((r: { MATTHC: string }) => r.MATTHC === '1.001193');
    expect(birth.TENTTHC).toBe('Thủ tục đăng ký khai sinh');
    expect(birth.COQUANTHUCHIEN).toEqual([{ MADONVI: null, TENDONVI: 'Ủy ban nhân dân cấp xã' }]);

    const csv = await t.app.inject({ url: '/api/catalog/export.csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body.slice(1, 40)).toContain('MATTHC,TENTTHC');

    const xlsx = await t.app.inject({ url: '/api/catalog/export.xlsx' });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK'); // a zip container
    const rows = await readXlsx(xlsx.rawPayload);
    expect(rows[0]).toEqual([...SHEET_COLUMNS]);
    const nameCol = SHEET_COLUMNS.indexOf('TENTTHC');
    const codeCol = SHEET_COLUMNS.indexOf('MATTHC');
    const marriage = rows.find((r) => r[codeCol] === '1.000894')!;
    marriage[nameCol] = 'Thủ tục đăng ký kết hôn (cập nhật)';
    const broken = [...marriage];
    broken[codeCol] = '1.000xyz';
    const upload = await writeXlsx('Sheet1', rows[0]!, [marriage, broken]);
    const res = await kstthc.request({
      method: 'POST',
      url: importQuery('101/QĐ-IMPORT'),
      payload: upload,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(res.statusCode).toBe(202);
    const done = await waitForImport(res.json().id);
    expect(done).toMatchObject({ status: 'done', importedRows: 1, format: 'xlsx' });
    expect(done.rejected).toEqual([expect.objectContaining({ row: 3, nationalCode: '1.000xyz' })]);
    const detail = (await t.app.inject({ url: `/api/procedures/${(await search('q=1.000894')).items[0].id}` })).json();
    expect(detail.name).toBe('Thủ tục đăng ký kết hôn (cập nhật)');
    expect(detail.versions).toHaveLength(2);
  });

  it('imports a CSV sheet and refuses unreadable files and other formats clearly', async () => {
    const header = SHEET_COLUMNS.join(',');
    const csvRow = SHEET_COLUMNS.map(
      (c) =>
        ({
          MATTHC: '7.000001',
          TENTTHC: 'Thủ tục nhập từ CSV',
          MALINHVUC: 'HT',
          TENLINHVUC: 'Hộ tịch',
          CAPTHUCHIEN: 'Cấp Xã',
          MUCDO: '',
          COQUANTHUCHIEN: 'Ủy ban nhân dân cấp xã',
          DOITUONGTHUCHIEN: 'Công dân Việt Nam',
          THOIHAN_TRUCTIEP: '3 Ngày làm việc',
          LEPHI_TRUCTIEP: '"Lệ phí: 10.000"',
          KETQUATHUCHIEN: 'Giấy xác nhận',
        })[c as string] ?? '',
    ).join(',');
    const res = await kstthc.request({
      method: 'POST',
      url: importQuery('102/QĐ-IMPORT'),
      payload: `${header}\n${csvRow}\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(202);
    expect(await waitForImport(res.json().id)).toMatchObject({ status: 'done', importedRows: 1, rejected: [] });
    const imported = (
      await t.app.inject({ url: `/api/procedures/${(await search('q=7.000001')).items[0].id}` })
    ).json();
    expect(imported.currentVersion.content.channels[0]).toMatchObject({
      timeLimit: { value: 3, unit: 'workingDays' },
      fees: [{ amountVnd: 10000 }],
    });

    const notXlsx = await kstthc.request({
      method: 'POST',
      url: importQuery('103/QĐ-IMPORT'),
      payload: 'not a spreadsheet',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.code).toBe('IMPORT_FILE_INVALID');
    const noColumns = await kstthc.request({
      method: 'POST',
      url: importQuery('104/QĐ-IMPORT'),
      payload: 'A,B\n1,2\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.json().error.details.reason).toContain('MATTHC');
    const xml = await kstthc.request({
      method: 'POST',
      url: importQuery('105/QĐ-IMPORT'),
      payload: '<x/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.statusCode).toBe(415);
    const notArray = await kstthc.request({ method: 'POST', url: importQuery('106/QĐ-IMPORT'), payload: { hello: 1 } });
    expect(notArray.statusCode).toBe(400);
    expect(notArray.json().error.code).toBe('IMPORT_FILE_INVALID');
  });
});
