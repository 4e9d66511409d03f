/**
 * The Decree 30/2020 heading on a spreadsheet report: the issuing agency (and its parent) on the
 * left, the national name and motto on the right, over merged cells, in the administrative font.
 * `put` writes any further centred, merged line the same way.
 */
import type ExcelJS from 'exceljs';

export const XLSX_FONT = { name: 'Times New Roman', size: 12 } as const;

export function xlsxHeading(
  sheet: ExcelJS.Worksheet,
  last: number,
  agency: { parentName?: string | null; unitName: string },
  motto: Partial<ExcelJS.Font> = {},
) {
  const put = (row: number, first: number, lastCol: number, value: string, font: Partial<ExcelJS.Font> = {}) => {
    if (lastCol > first) sheet.mergeCells(row, first, row, lastCol);
    const cell = sheet.getCell(row, first);
    cell.value = value;
    cell.font = { ...XLSX_FONT, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  const half = Math.floor(last / 2);
  if (agency.parentName) put(1, 1, half, agency.parentName.toUpperCase());
  put(2, 1, half, agency.unitName.toUpperCase(), { bold: true });
  put(1, half + 1, last, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  put(2, half + 1, last, 'Độc lập - Tự do - Hạnh phúc', { bold: true, ...motto });
  return put;
}
