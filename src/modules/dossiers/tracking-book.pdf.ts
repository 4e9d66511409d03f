/**
 * Mẫu số 07 as a PDF in the administrative layout (Decree 30, through the documents module's
 * AdminDocument, as the KPI report's PDF): header, title and period, the book's table on A4
 * landscape with its header repeated on every page, the total line, and the signature of the
 * person who keeps the book. The columns are the workbook's; a PDF table has one header row, so
 * the group "Nhận và trả kết quả" is left out (its columns' own headers already say what they hold).
 */
import { createDocument } from '../documents/layout.js';
import { type TrackingBookRow, vnIsoDate } from './tracking-book.rules.js';
import { COLUMNS, type TrackingBookHeader } from './tracking-book.xlsx.js';

export async function renderTrackingBookPdf(
  header: TrackingBookHeader,
  rows: readonly TrackingBookRow[],
  now: Date,
): Promise<Buffer> {
  const doc = createDocument({
    title: `Sổ theo dõi hồ sơ — ${header.unitName}`,
    subject: 'Mẫu số 07: Sổ theo dõi hồ sơ',
    now,
    landscape: true,
  });
  doc.header({
    ...(header.parentName ? { parentBody: header.parentName } : {}),
    issuingBody: header.unitName,
    place: 'An Giang',
    date: now,
  });
  doc.title('Sổ theo dõi hồ sơ', `Từ ngày ${vnIsoDate(header.from)} đến ngày ${vnIsoDate(header.to)}`);
  const columns = COLUMNS.map((c) => ({
    header: c.header,
    width: c.width,
    align: c.field === 'index' || c.field === 'count' ? ('center' as const) : ('left' as const),
  }));
  const cells = rows.map((row, i) => COLUMNS.map((c) => (c.field === 'index' ? String(i + 1) : String(row[c.field]))));
  cells.push(['', 'Tổng cộng', '', String(rows.length), ...COLUMNS.slice(4).map(() => '')]);
  doc.table(columns, cells, { size: 8 });
  doc.signature({ title: 'Người lập sổ', note: '(Ký và ghi rõ họ tên)' });
  return doc.end();
}
