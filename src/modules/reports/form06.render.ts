/**
 * Form 06 as a PDF in the administrative layout of Decree 30/2020/NĐ-CP (the documents module's
 * AdminDocument: header, national motto, title, table, signature) and as an XLSX (exceljs) with the
 * same columns, a two-row header (column groups) and live formulas for the totals.
 */
import ExcelJS from 'exceljs';
import { XLSX_FONT, xlsxHeading } from '../documents/xlsx-heading.js';
import { createDocument } from '../documents/layout.js';
import { FORM06_CODE, FORM06_TABLE, FORM06_TITLE, sumForm06 } from './form06.rules.js';
import type { ReportContent } from './reports.tables.js';

export interface Form06Header {
  periodLabel: string;
  from: string;
  to: string;
  preparedByName: string | null;
  signerName: string | null;
  signedAt: Date | null;
}

const vnDay = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const number = (n: number) => n.toLocaleString('vi-VN');
const SHORT: Record<string, string> = {
  'Số hồ sơ nhận giải quyết': 'Nhận',
  'Số hồ sơ đã giải quyết': 'Đã giải quyết',
  'Số hồ sơ đang giải quyết': 'Đang giải quyết',
  'Rút, trả lại': '',
};

export async function renderForm06Pdf(h: Form06Header, content: ReportContent, now: Date): Promise<Buffer> {
  const title = `Báo cáo ${h.periodLabel.charAt(0).toLowerCase()}${h.periodLabel.slice(1)}`;
  const doc = createDocument({ title: `${title} — ${content.unitName}`, subject: FORM06_TITLE, now, landscape: true });
  doc.header({
    ...(content.parentName ? { parentBody: content.parentName } : {}),
    issuingBody: content.unitName,
    place: 'An Giang',
    date: h.signedAt ?? now,
  });
  doc.title(title.toUpperCase(), `${FORM06_TITLE} (Biểu mẫu ${FORM06_CODE})`);
  doc.paragraph(`Kỳ báo cáo: từ ngày ${vnDay(h.from)} đến ngày ${vnDay(h.to)}.`, { indent: false });
  const columns = [
    { header: 'STT', width: 0.8, align: 'center' as const },
    { header: 'Đơn vị', width: 3 },
    ...FORM06_TABLE.map((c) => ({
      header: [SHORT[c.group], c.header].filter(Boolean).join(': '),
      width: 1,
      align: 'center' as const,
    })),
  ];
  const line = (counts: Parameters<(typeof FORM06_TABLE)[number]['value']>[0]) =>
    FORM06_TABLE.map((c) => number(c.value(counts)));
  const rows = content.rows.map((r, i) => [String(i + 1), r.unitName, ...line(r.counts)]);
  rows.push(['', 'Tổng cộng', ...line(sumForm06(content.rows))]);
  doc.table(columns, rows, { size: 8 });
  doc.paragraph(
    `Hồ sơ đang giải quyết được xét trong hạn hay quá hạn tại thời điểm ${new Date(content.asOf).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}.`,
    { style: 'italic', size: 11, indent: false },
  );
  doc.signatures([
    { title: 'NGƯỜI LẬP BIỂU', ...(h.preparedByName ? { name: h.preparedByName } : {}) },
    {
      title: 'NGƯỜI KÝ BÁO CÁO',
      ...(h.signerName ? { name: h.signerName } : { note: '(Chưa ký)' }),
    },
  ]);
  return doc.end();
}

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const letter = (col: number) => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
/** Layout rows (1-based). */
export const FORM06_HEADER_ROW = 6;
export const FORM06_FIRST_DATA_ROW = FORM06_HEADER_ROW + 2;

export async function renderForm06Xlsx(h: Form06Header, content: ReportContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MotCua';
  workbook.calcProperties.fullCalcOnLoad = true;
  const last = 2 + FORM06_TABLE.length;
  const sheet = workbook.addWorksheet(`Biểu ${FORM06_CODE.replaceAll('/', '-')}`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 5 }, { width: 40 }, ...FORM06_TABLE.map(() => ({ width: 11 }))];
  const put = xlsxHeading(sheet, last, content);
  const half = Math.floor(last / 2);
  put(3, 1, last, `BÁO CÁO ${h.periodLabel.toUpperCase()} — ${FORM06_TITLE.toUpperCase()}`, { bold: true });
  put(4, 1, last, `Biểu mẫu ${FORM06_CODE}. Kỳ báo cáo: từ ngày ${vnDay(h.from)} đến ngày ${vnDay(h.to)}`, {
    italic: true,
  });
  const top = FORM06_HEADER_ROW;
  put(top, 1, 1, 'STT', { bold: true });
  sheet.mergeCells(top, 1, top + 1, 1);
  put(top, 2, 2, 'Đơn vị', { bold: true });
  sheet.mergeCells(top, 2, top + 1, 2);
  // Column c (from 3) shows FORM06_TABLE[c - 3]; a group spans its consecutive columns.
  for (let i = 0; i < FORM06_TABLE.length; ) {
    const group = FORM06_TABLE[i]!.group;
    let j = i + 1;
    while (j < FORM06_TABLE.length && FORM06_TABLE[j]!.group === group) j += 1;
    put(top, i + 3, j + 2, group, { bold: true });
    for (let k = i; k < j; k++) put(top + 1, k + 3, k + 3, FORM06_TABLE[k]!.header, { bold: true });
    i = j;
  }
  // Column formulas: each group's "Tổng số" sums its parts.
  const totalOf: Record<number, [number, number]> = {};
  for (let i = 0; i < FORM06_TABLE.length; i++) {
    if (FORM06_TABLE[i]!.header !== 'Tổng số') continue;
    let j = i + 1;
    while (j < FORM06_TABLE.length && FORM06_TABLE[j]!.group === FORM06_TABLE[i]!.group) j += 1;
    totalOf[i + 3] = [i + 4, j + 2];
  }
  const writeRow = (
    row: number,
    stt: string,
    name: string,
    counts: Parameters<(typeof FORM06_TABLE)[number]['value']>[0],
  ) => {
    sheet.getCell(row, 1).value = stt;
    sheet.getCell(row, 2).value = name;
    FORM06_TABLE.forEach((c, i) => {
      const colNo = i + 3;
      const span = totalOf[colNo];
      sheet.getCell(row, colNo).value = span
        ? { formula: `SUM(${letter(span[0])}${row}:${letter(span[1])}${row})`, result: c.value(counts) }
        : c.value(counts);
    });
  };
  for (const [i, r] of content.rows.entries()) writeRow(FORM06_FIRST_DATA_ROW + i, String(i + 1), r.unitName, r.counts);
  const totalRow = FORM06_FIRST_DATA_ROW + content.rows.length;
  const sum = sumForm06(content.rows);
  sheet.getCell(totalRow, 2).value = 'Tổng cộng';
  FORM06_TABLE.forEach((c, i) => {
    const colNo = i + 3;
    const l = letter(colNo);
    sheet.getCell(totalRow, colNo).value =
      content.rows.length > 0
        ? { formula: `SUM(${l}${FORM06_FIRST_DATA_ROW}:${l}${totalRow - 1})`, result: c.value(sum) }
        : 0;
  });
  for (let r = top; r <= totalRow; r++)
    for (let c = 1; c <= last; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = BORDER;
      cell.font = { ...XLSX_FONT, ...(r === totalRow || r < FORM06_FIRST_DATA_ROW ? { bold: true } : {}), size: 11 };
      if (r >= FORM06_FIRST_DATA_ROW && c !== 2) cell.alignment = { horizontal: 'center' };
    }
  const sign = totalRow + 2;
  put(sign, 1, half, 'NGƯỜI LẬP BIỂU', { bold: true });
  put(sign, half + 1, last, 'NGƯỜI KÝ BÁO CÁO', { bold: true });
  put(sign + 3, 1, half, h.preparedByName ?? '');
  put(sign + 3, half + 1, last, h.signerName ?? '(Chưa ký)');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
