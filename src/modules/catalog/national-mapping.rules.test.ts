import { describe, expect, it } from 'vitest';
import { fromNational, toNational, type UnitDirectory } from './national-mapping.rules.js';
import type { NationalProcedureInput } from './national.shape.js';
import { birthRegistration } from '../../../test/fixtures/national-procedure.js';
import { nationalToSheetRow, rowsToSheet, SHEET_COLUMNS, sheetRowToNational } from './sheet.rules.js';
import { parseCsv, toCsv } from './csv.js';
import { acronym, searchKey } from './search.rules.js';

const SO_TU_PHAP = '00000000-0000-4000-8000-000000000001';
const XA_A = '00000000-0000-4000-8000-00000000000a';
const XA_B = '00000000-0000-4000-8000-00000000000b';
const directory: UnitDirectory = {
  idByOfficialCode: new Map([['000.10.00.H91', SO_TU_PHAP]]),
  communeIds: [XA_A, XA_B],
};

describe('fromNational', () => {
  it('maps a complete national record to our content', () => {
    const parsed = fromNational(birthRegistration(), directory);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { content } = parsed;
    expect(parsed.nationalCode).toBe('1.001193');
    expect(parsed.fieldName).toBe('Hộ tịch');
    expect(content.levels).toEqual(['commune']);
    expect(content.channels).toEqual([
      // Whether our payment gateway serves a channel is the province's setting, never the national record's.
      {
        channel: 'counter',
        timeLimit: { value: 1, unit: 'workingDays' },
        fees: [{ name: 'Lệ phí (miễn)', amountVnd: 0, note: null }],
        onlinePayment: false,
      },
      { channel: 'online', timeLimit: { value: 1, unit: 'workingDays' }, fees: [], onlinePayment: false },
    ]);
    expect(content.components.map((c) => [c.kind, c.count, c.mandatory, c.digitizationRequired])).toEqual([
      ['original', 1, true, true],
      ['originalOrCopy', 1, true, false],
      ['certifiedCopy', 1, false, false],
    ]);
    expect(content.applicantTypes).toEqual(['citizen', 'foreigner']);
    expect(content.competentUnitIds).toEqual([XA_A, XA_B]);
    expect(content.onlineLevel).toBe('full');
    expect(content.postal).toBe(false);
    expect(content.result).toEqual({ name: 'Giấy khai sinh (bản chính)', electronic: true, paper: true });
  });

  it('resolves agencies by official code and accepts unit spellings without diacritics', () => {
    const parsed = fromNational(
      birthRegistration({
        CAPTHUCHIEN: ['cap tinh'],
        COQUANTHUCHIEN: [{ MADONVI: '000.10.00.H91', TENDONVI: 'Sở Tư pháp' }],
        CACHTHUCTHUCHIEN: [
          { KENH: '3', THOIGIAN: [{ THOIGIANGIAIQUYET: 10, DONVITINH: 'ngay', PHILEPHI: [{ SOTIEN: '200000' }] }] },
        ],
        MUCDO: null,
      }),
      directory,
    );
    expect(parsed.ok && parsed.content.competentUnitIds).toEqual([SO_TU_PHAP]);
    expect(parsed.ok && parsed.content.channels[0]).toEqual({
      channel: 'postal',
      timeLimit: { value: 10, unit: 'days' },
      fees: [{ name: 'Lệ phí', amountVnd: 200000, note: null }],
      onlinePayment: false,
    });
    expect(parsed.ok && parsed.content.postal).toBe(true);
    expect(parsed.ok && parsed.content.levels).toEqual(['province']);
  });

  const refusals: [string, Partial<NationalProcedureInput> | Record<string, unknown>, string][] = [
    ['a malformed code', { MATTHC: '1001193' }, 'MATTHC'],
    [
      'an unknown channel',
      { CACHTHUCTHUCHIEN: [{ KENH: '9', THOIGIAN: [{ THOIGIANGIAIQUYET: 1, DONVITINH: 'Ngày' }] }] },
      'CACHTHUCTHUCHIEN.0.KENH',
    ],
    [
      'an unknown time unit',
      { CACHTHUCTHUCHIEN: [{ KENH: '1', THOIGIAN: [{ THOIGIANGIAIQUYET: 1, DONVITINH: 'Tuần' }] }] },
      'CACHTHUCTHUCHIEN.0.THOIGIAN.0.DONVITINH',
    ],
    [
      'a fee with decimals',
      {
        CACHTHUCTHUCHIEN: [
          { KENH: '1', THOIGIAN: [{ THOIGIANGIAIQUYET: 1, DONVITINH: 'Ngày', PHILEPHI: [{ SOTIEN: 1.5 }] }] },
        ],
      },
      'channels.0.fees.0.amountVnd',
    ],
    [
      'an unknown agency',
      { COQUANTHUCHIEN: [{ MADONVI: '999.00.00.X00', TENDONVI: 'Sở Không Có' }] },
      'COQUANTHUCHIEN.0',
    ],
    ['an unknown level', { CAPTHUCHIEN: ['Cấp Huyện'] }, 'CAPTHUCHIEN.0'],
    ['an unknown applicant type', { DOITUONGTHUCHIEN: ['Hợp tác xã nông nghiệp'] }, 'DOITUONGTHUCHIEN.0'],
    ['an unknown online level', { MUCDO: 'Mức 5' }, 'MUCDO'],
    [
      'online level without an online channel',
      { CACHTHUCTHUCHIEN: [{ KENH: '1', THOIGIAN: [{ THOIGIANGIAIQUYET: 1, DONVITINH: 'Ngày' }] }] },
      'onlineLevel',
    ],
    ['a missing name', { TENTTHC: undefined }, 'TENTTHC'],
    ['no field', { LINHVUCTHUCHIEN: [] }, 'LINHVUCTHUCHIEN'],
    [
      'a negative time limit',
      { CACHTHUCTHUCHIEN: [{ KENH: '2', THOIGIAN: [{ THOIGIANGIAIQUYET: '-1', DONVITINH: 'Ngày' }] }] },
      'CACHTHUCTHUCHIEN.0.THOIGIAN.0.THOIGIANGIAIQUYET',
    ],
  ];
  it.each(refusals)('refuses %s, naming the field', (_what, overrides, field) => {
    const parsed = fromNational({ ...birthRegistration(), ...overrides }, directory);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.field)).toContain(field);
    for (const p of parsed.problems) expect(p.message.length).toBeGreaterThan(0);
  });

  it('refuses something that is not a record at all', () => {
    const parsed = fromNational('not a record', directory);
    expect(parsed).toMatchObject({ ok: false, nationalCode: null });
  });
});

describe('toNational ∘ fromNational', () => {
  it('round-trips content, writing every-commune competence as the generic commune agency', () => {
    const first = fromNational(birthRegistration(), directory);
    if (!first.ok) throw new Error('fixture must parse');
    const units = new Map([
      [XA_A, { id: XA_A, officialCode: '100.00.00.H91', name: 'UBND xã A', kind: 'commune' }],
      [XA_B, { id: XA_B, officialCode: '101.00.00.H91', name: 'UBND xã B', kind: 'commune' }],
    ]);
    const national = toNational(first.nationalCode, first.fieldName, first.content, units, 2);
    expect(national.COQUANTHUCHIEN).toEqual([{ MADONVI: null, TENDONVI: 'Ủy ban nhân dân cấp xã' }]);
    const again = fromNational(national, directory);
    expect(again).toEqual(first);
  });
});

describe('the officials’ sheet', () => {
  it('round-trips a record through a sheet row, CSV text and back', () => {
    const first = fromNational(birthRegistration(), directory);
    const row = nationalToSheetRow(birthRegistration());
    expect(row.THOIHAN_TRUCTIEP).toBe('1 Ngày làm việc');
    expect(row.THOIHAN_BUUCHINH).toBe('');
    expect(row.THANHPHANHOSO.split('\n')[0]).toBe('Tờ khai đăng ký khai sinh | 1 | 0 | TK-KS | có');
    const csv = toCsv([[...SHEET_COLUMNS], SHEET_COLUMNS.map((c) => row[c])]);
    const sheet = rowsToSheet(parseCsv(csv));
    expect(sheet.missingColumns).toEqual([]);
    const back = fromNational(sheetRowToNational(sheet.rows[0]!), directory);
    expect(back.ok).toBe(true);
    if (!back.ok || !first.ok) return;
    // The sheet does not carry the certified-copy and optional flags of components.
    expect(back.content.channels).toEqual(first.content.channels);
    expect(back.content.name).toBe(first.content.name);
    expect(back.content.components.map((c) => c.name)).toEqual(first.content.components.map((c) => c.name));
    expect(back.content.competentUnitIds).toEqual(first.content.competentUnitIds);
  });

  it('reports a bad fee cell under its national field', () => {
    const row = { ...nationalToSheetRow(birthRegistration()), LEPHI_TRUCTIEP: 'Lệ phí: năm mươi nghìn' };
    const parsed = fromNational(sheetRowToNational(row), directory);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]!.field).toBe('CACHTHUCTHUCHIEN.0.THOIGIAN.0.PHILEPHI.0.SOTIEN');
  });

  it('names missing required columns', () => {
    expect(rowsToSheet([['TENTTHC'], ['x']]).missingColumns).toEqual(['MATTHC', 'MALINHVUC']);
  });

  it('reads thousands separators in fees', () => {
    const row = { ...nationalToSheetRow(birthRegistration()), LEPHI_TRUCTIEP: 'Lệ phí: 50.000\nPhí: 1 000' };
    const parsed = fromNational(sheetRowToNational(row), directory);
    expect(parsed.ok && parsed.content.channels[0]!.fees.map((f) => [f.name, f.amountVnd])).toEqual([
      ['Lệ phí', 50000],
      ['Phí', 1000],
    ]);
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks and reads them back', () => {
    const rows = [
      ['a,b', 'say "hi"', 'line1\nline2', ''],
      ['x', 'y', 'z', 'w'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('starts with a byte-order mark for Excel and reads files without one', () => {
    expect(toCsv([['a']]).charCodeAt(0)).toBe(0xfeff);
    expect(parseCsv('a,b\r\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('skips blank lines and names the line of an unterminated quote', () => {
    expect(parseCsv('a\n\n\nb\n')).toEqual([['a'], ['b']]);
    expect(() => parseCsv('a,b\n"open,c\nd')).toThrow(/dòng 2/);
  });
});

describe('search keys', () => {
  it.each([
    ['Thủ tục đăng ký khai sinh', 'thu tuc dang ky khai sinh', 'dkks'],
    ['ĐĂNG KÝ KẾT HÔN', 'dang ky ket hon', 'dkkh'],
    ['Cấp Giấy phép xây dựng (nhà ở riêng lẻ)', 'cap giay phep xay dung nha o rieng le', 'cgpxdnorl'],
    ['Chứng thực bản sao 1.000894', 'chung thuc ban sao 1.000894', 'ctbs'],
  ])('%s → "%s", acronym "%s"', (name, key, short) => {
    expect(searchKey(name)).toBe(key);
    expect(acronym(name)).toBe(short);
  });
});
