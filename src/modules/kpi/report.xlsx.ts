/**
 * A report as a real XLSX (exceljs): the Decree-30 header (parent body and unit top left, the
 * national motto top right), the title and period, a two-row table header (column groups), one
 * row per unit/procedure/field/channel, and live formulas — each group's "Tổng số" sums its
 * parts and the last row sums every column — so an edited copy stays right. Cached results are
 * written beside the formulas for readers that do not recalculate.
 */
import ExcelJS from 'exceljs';
import { XLSX_FONT, xlsxHeading } from '../documents/xlsx-heading.js';
import { cellValue, groupSpans, REPORT_TABLE } from './report.layout.js';
import { DIMENSION_LABELS, type ReportDimension, type ReportResult, sumRows, vnDay } from './report.rules.js';

export interface ReportHeader {
  title: string;
  from: string;
  to: string;
  groupBy: ReportDimension;
}

/** Layout rows (1-based). */
export const TABLE_HEADER_ROW = 7;
export const FIRST_DATA_ROW = TABLE_HEADER_ROW + 2;
/** Columns before the figures: STT and the row's name. */
const LEAD = 2;

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const letter = (col: number) => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

export async function renderReportXlsx(header: ReportHeader, report: ReportResult): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MotCua';
  workbook.calcProperties.fullCalcOnLoad = true;
  const last = LEAD + REPORT_TABLE.length;
  const sheet = workbook.addWorksheet('Báo cáo', {
    views: [{ state: 'frozen', ySplit: TABLE_HEADER_ROW + 1, xSplit: LEAD }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${TABLE_HEADER_ROW}:${TABLE_HEADER_ROW + 1}`,
    },
  });
  sheet.columns = [{ width: 5 }, { width: 42 }, ...REPORT_TABLE.map(() => ({ width: 10 }))];
  const put = xlsxHeading(sheet, last, report, { size: 13 });
  put(4, 1, last, header.title.toUpperCase(), { bold: true, size: 14 });
  put(
    5,
    1,
    last,
    `Tình hình, kết quả giải quyết thủ tục hành chính theo ${DIMENSION_LABELS[header.groupBy].toLowerCase()} — từ ngày ${vnDay(header.from)} đến ngày ${vnDay(header.to)}`,
    { italic: true, size: 13 },
  );
  sheet.getRow(2).height = 32;

  const top = TABLE_HEADER_ROW;
  sheet.mergeCells(top, 1, top + 1, 1);
  sheet.getCell(top, 1).value = 'STT';
  sheet.mergeCells(top, 2, top + 1, 2);
  sheet.getCell(top, 2).value = DIMENSION_LABELS[header.groupBy];
  for (const [group, first, lastIndex] of groupSpans(REPORT_TABLE)) {
    const [a, b] = [LEAD + first + 1, LEAD + lastIndex + 1];
    if (group === undefined) {
      sheet.mergeCells(top, a, top + 1, a);
      sheet.getCell(top, a).value = REPORT_TABLE[first]!.header;
      continue;
    }
    sheet.mergeCells(top, a, top, b);
    sheet.getCell(top, a).value = group;
    for (let i = first; i <= lastIndex; i++) sheet.getCell(top + 1, LEAD + i + 1).value = REPORT_TABLE[i]!.header;
  }
  sheet.getRow(top + 1).height = 45;
  for (const r of [top, top + 1]) style(sheet.getRow(r), last, true);

  const columnOf = (key: string) => LEAD + 1 + REPORT_TABLE.findIndex((c) => c.value === key);
  report.rows.forEach((row, i) => {
    const r = sheet.getRow(FIRST_DATA_ROW + i);
    r.getCell(1).value = i + 1;
    r.getCell(2).value = row.label;
    REPORT_TABLE.forEach((c, j) => {
      const result = cellValue(c, row.counts);
      r.getCell(LEAD + j + 1).value =
        typeof c.value === 'string'
          ? result
          : { formula: c.value.parts.map((p) => `${letter(columnOf(p))}${r.number}`).join('+'), result };
    });
    style(r, last, false);
  });

  // Tổng cộng: a SUM per column; with no rows, plain zeros (an empty range would be circular).
  const totals = sumRows(report.rows);
  const totalRow = sheet.getRow(FIRST_DATA_ROW + report.rows.length);
  sheet.mergeCells(totalRow.number, 1, totalRow.number, LEAD);
  totalRow.getCell(1).value = 'Tổng cộng';
  REPORT_TABLE.forEach((c, j) => {
    const col = letter(LEAD + j + 1);
    const result = cellValue(c, totals);
    totalRow.getCell(LEAD + j + 1).value = report.rows.length
      ? { formula: `SUM(${col}${FIRST_DATA_ROW}:${col}${totalRow.number - 1})`, result }
      : result;
  });
  style(totalRow, last, true);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function style(row: ExcelJS.Row, columns: number, bold: boolean) {
  for (let col = 1; col <= columns; col++) {
    const cell = row.getCell(col);
    cell.border = BORDER;
    cell.font = { ...XLSX_FONT, bold };
    cell.alignment = { horizontal: col === 2 && !bold ? 'left' : 'center', vertical: 'middle', wrapText: true };
  }
}
