/**
 * Mẫu số 07 as a real XLSX (exceljs): the Decree-30 header (unit top left, national motto top
 * right), the title and period, then the table — two header rows because "Nhận và trả kết quả"
 * groups six columns — bordered, wrapped cells, header frozen and repeated on every printed page,
 * A4 landscape fitted to the page width, and a total row that is a live formula.
 */
import ExcelJS from 'exceljs';
import { type TrackingBookRow, vnIsoDate } from './tracking-book.rules.js';

export interface TrackingBookHeader {
  /** Cơ quan chủ quản (the parent body), shown above the unit, when there is one. */
  parentName?: string | undefined;
  unitName: string;
  /** Vietnam dates YYYY-MM-DD, both included. */
  from: string;
  to: string;
}

/** The columns: header text, width (characters), and the row field it shows (the PDF uses them too). */
export const COLUMNS: { header: string; width: number; field: keyof TrackingBookRow | 'index' }[] = [
  { header: 'STT', width: 5, field: 'index' },
  { header: 'Mã hồ sơ', width: 22, field: 'code' },
  { header: 'Tên thủ tục hành chính', width: 30, field: 'procedureName' },
  { header: 'Số lượng hồ sơ', width: 8, field: 'count' },
  { header: 'Tên cá nhân, tổ chức', width: 20, field: 'applicantName' },
  { header: 'Địa chỉ, số điện thoại', width: 24, field: 'contact' },
  { header: 'Cơ quan chủ trì giải quyết', width: 20, field: 'competentUnitName' },
  { header: 'Ngày, giờ nhận hồ sơ', width: 12, field: 'receivedAt' },
  { header: 'Ngày, giờ hẹn trả kết quả', width: 12, field: 'appointmentAt' },
  { header: 'Ngày, giờ chuyển hồ sơ', width: 12, field: 'forwardedAt' },
  { header: 'Ngày, giờ nhận kết quả', width: 12, field: 'resultReceivedAt' },
  { header: 'Ngày, giờ trả kết quả', width: 12, field: 'returnedAt' },
  { header: 'Ký nhận', width: 10, field: 'signature' },
  { header: 'Ghi chú', width: 16, field: 'note' },
];
/** "Nhận và trả kết quả" spans these columns (1-based): nhận hồ sơ … ký nhận. */
const GROUP = { first: 8, last: 13, title: 'Nhận và trả kết quả' };
/** Layout rows (1-based): the table's two header rows, then the data. */
export const HEADER_ROW = 7;
export const FIRST_DATA_ROW = HEADER_ROW + 2;
/** The Số lượng hồ sơ column, which the total row sums. */
const COUNT_COLUMN = 'D';

const FONT = { name: 'Times New Roman', size: 12 } as const;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function renderTrackingBook(
  header: TrackingBookHeader,
  rows: readonly TrackingBookRow[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MotCua';
  // Excel recomputes the total on opening; the cached result below serves readers that do not.
  workbook.calcProperties.fullCalcOnLoad = true;
  const last = COLUMNS.length;
  const sheet = workbook.addWorksheet('Sổ theo dõi hồ sơ', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW + 1 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages as the rows need
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW + 1}`,
    },
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));

  const put = (range: string, value: string, font: Partial<ExcelJS.Font> = {}) => {
    sheet.mergeCells(range);
    const cell = sheet.getCell(range.split(':')[0]!);
    cell.value = value;
    cell.font = { ...FONT, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  // Decree 30: parent body caps regular over the unit caps bold (left); motto bold (right).
  if (header.parentName) put('A1:E1', header.parentName.toUpperCase());
  put('A2:E2', header.unitName.toUpperCase(), { bold: true });
  put('H1:N1', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  put('H2:N2', 'Độc lập - Tự do - Hạnh phúc', { bold: true, size: 13 });
  put('A4:N4', 'SỔ THEO DÕI HỒ SƠ', { bold: true, size: 14 });
  put('A5:N5', `Từ ngày ${vnIsoDate(header.from)} đến ngày ${vnIsoDate(header.to)}`, { italic: true, size: 13 });
  sheet.getRow(2).height = 32; // a long unit name wraps onto a second line

  // Table header: columns outside the group span both header rows.
  const top = HEADER_ROW;
  COLUMNS.forEach((c, i) => {
    const col = i + 1;
    const inGroup = col >= GROUP.first && col <= GROUP.last;
    if (!inGroup) sheet.mergeCells(top, col, top + 1, col);
    sheet.getCell(inGroup ? top + 1 : top, col).value = c.header;
  });
  sheet.mergeCells(top, GROUP.first, top, GROUP.last);
  sheet.getCell(top, GROUP.first).value = GROUP.title;
  sheet.getRow(top + 1).height = 48;
  for (const r of [top, top + 1]) styleRow(sheet.getRow(r), last, { bold: true }, 'center');

  rows.forEach((row, i) => {
    const values = COLUMNS.map((c) => (c.field === 'index' ? i + 1 : row[c.field]));
    styleRow(sheet.getRow(FIRST_DATA_ROW + i), last, {}, 'left', values);
  });

  // Tổng cộng: a formula over the Số lượng column so an edited or filtered copy stays right. With
  // no rows there is no range to sum (D9:D8 would take in the total cell itself: a circular
  // reference), so the empty book carries the plain 0.
  const totalRow = sheet.getRow(FIRST_DATA_ROW + rows.length);
  const lastData = FIRST_DATA_ROW + rows.length - 1;
  styleRow(totalRow, last, { bold: true }, 'center');
  sheet.mergeCells(totalRow.number, 1, totalRow.number, 3);
  totalRow.getCell(1).value = 'Tổng cộng';
  totalRow.getCell(4).value =
    rows.length > 0
      ? { formula: `SUM(${COUNT_COLUMN}${FIRST_DATA_ROW}:${COUNT_COLUMN}${lastData})`, result: rows.length }
      : 0;

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Borders, font and wrapping for a table row's cells; values when given. */
function styleRow(
  row: ExcelJS.Row,
  columns: number,
  font: Partial<ExcelJS.Font>,
  horizontal: 'left' | 'center',
  values?: readonly (string | number)[],
) {
  for (let col = 1; col <= columns; col++) {
    const cell = row.getCell(col);
    if (values) cell.value = values[col - 1] ?? '';
    cell.border = BORDER;
    cell.font = { ...FONT, ...font };
    // Numbers (STT, Số lượng) and times read best centred; names and notes from the left.
    const centred =
      horizontal === 'center' || typeof cell.value === 'number' || (col >= GROUP.first && col < GROUP.last);
    cell.alignment = { horizontal: centred ? 'center' : 'left', vertical: 'middle', wrapText: true };
  }
}
