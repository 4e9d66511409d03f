import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../documents/testing/pdf-text.js';
import { FORM06_FIRST_DATA_ROW, FORM06_HEADER_ROW, renderForm06Pdf, renderForm06Xlsx } from './form06.render.js';
import { zeroForm06 } from './form06.rules.js';
import type { ReportContent } from './reports.tables.js';

const content: ReportContent = {
  unitName: 'Sở Nội vụ',
  unitCode: '000.00.12.H01',
  parentName: 'Ủy ban nhân dân tỉnh An Giang',
  asOf: '2026-03-14T17:00:00.000Z',
  rows: [
    {
      unitId: '00000000-0000-4000-8000-000000000001',
      unitName: 'Sở Nội vụ',
      counts: {
        ...zeroForm06(),
        carriedOver: 2,
        newOnline: 3,
        newDirect: 5,
        early: 4,
        onTime: 2,
        late: 1,
        overdue: 2,
        withdrawn: 1,
      },
    },
    {
      unitId: '00000000-0000-4000-8000-000000000002',
      unitName: 'Phòng Cải cách hành chính',
      counts: { ...zeroForm06(), newDirect: 2, withinTime: 1, sentBack: 1 },
    },
  ],
};
const header = {
  periodLabel: 'Quý I năm 2026',
  from: '2025-12-15',
  to: '2026-03-14',
  preparedByName: 'Nguyễn Văn Lập',
  signerName: null,
  signedAt: null,
};

describe('form 06 files', () => {
  it('XLSX: grouped two-row header, one row per unit, formulas for the totals, the total line', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderForm06Xlsx(header, content)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell(FORM06_HEADER_ROW, 3).value).toBe('Số hồ sơ nhận giải quyết');
    expect(sheet.getCell(FORM06_HEADER_ROW, 7).value).toBe('Số hồ sơ đã giải quyết');
    expect(sheet.getCell(FORM06_HEADER_ROW, 11).value).toBe('Số hồ sơ đang giải quyết');
    expect(sheet.getCell(FORM06_HEADER_ROW, 14).value).toBe('Rút, trả lại');
    expect(sheet.getCell(FORM06_HEADER_ROW + 1, 15).value).toBe('Trả lại (từ chối, dừng)');
    const values = (row: number) =>
      Array.from({ length: 13 }, (_, i) => {
        const v = sheet.getCell(row, i + 3).value as number | { result?: number };
        return typeof v === 'number' ? v : (v.result ?? 0); // a cached 0 reads back as no result
      });
    expect(values(FORM06_FIRST_DATA_ROW)).toEqual([10, 2, 3, 5, 7, 4, 2, 1, 2, 0, 2, 1, 0]);
    expect(values(FORM06_FIRST_DATA_ROW + 1)).toEqual([2, 0, 0, 2, 0, 0, 0, 0, 1, 1, 0, 0, 1]);
    expect(sheet.getCell(FORM06_FIRST_DATA_ROW + 2, 2).value).toBe('Tổng cộng');
    expect(values(FORM06_FIRST_DATA_ROW + 2)).toEqual([12, 2, 3, 7, 7, 4, 2, 1, 3, 1, 2, 1, 1]);
    const r = FORM06_FIRST_DATA_ROW;
    expect((sheet.getCell(r, 7).value as { formula: string }).formula).toBe(`SUM(H${r}:J${r})`);
    expect((sheet.getCell(r + 2, 3).value as { formula: string }).formula).toBe(`SUM(C${r}:C${r + 1})`);
  });

  it('PDF: Decree 30 header, title, period, the table and both signature blocks', async () => {
    const { text } = await pdfText(await renderForm06Pdf(header, content, new Date('2026-03-16T02:00:00Z')));
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ NỘI VỤ',
      'BÁO CÁO QUÝ I NĂM 2026',
      '15/12/2025',
      'Phòng Cải cách hành chính',
      'Tổng cộng',
      'NGƯỜI LẬP BIỂU',
      'Nguyễn Văn Lập',
      '(Chưa ký)',
    ])
      expect(text).toContain(s);
  });
});
