/**
 * A report as a PDF in the administrative layout (Decree 30, through the documents module's
 * AdminDocument): header, title, the period and grouping, the table with its total line, and the
 * signature of the person who drew it up. Sixteen columns go on A4 landscape, as the national
 * reporting forms do, with short headers that name their group; the table sizes its columns from
 * their words, so a header wraps only between words and repeats on every page.
 */
import { vietnamDateOf } from '../calendar/dates.js';
import { createDocument } from '../documents/layout.js';
import { cellValue, REPORT_TABLE } from './report.layout.js';
import { DIMENSION_LABELS, type ReportResult, sumRows, vnDay } from './report.rules.js';
import type { ReportHeader } from './report.xlsx.js';

const SHORT_GROUP: Record<string, string> = {
  'Số hồ sơ nhận giải quyết': 'Nhận',
  'Số hồ sơ đã giải quyết': 'Đã giải quyết',
  'Số hồ sơ đang giải quyết': 'Đang giải quyết',
  'Kết thúc khác': '',
};

const number = (n: number) => n.toLocaleString('vi-VN');

export async function renderReportPdf(header: ReportHeader, report: ReportResult, now: Date): Promise<Buffer> {
  const doc = createDocument({
    title: `${header.title} — ${report.unitName}`,
    subject: 'Tình hình, kết quả giải quyết thủ tục hành chính',
    now,
    landscape: true,
  });
  doc.header({
    ...(report.parentName ? { parentBody: report.parentName } : {}),
    issuingBody: report.unitName,
    place: 'An Giang',
    date: now,
  });
  doc.title(header.title, 'Tình hình, kết quả giải quyết thủ tục hành chính');
  doc.paragraph(
    `Kỳ báo cáo: từ ngày ${vnDay(header.from)} đến ngày ${vnDay(header.to)}. Tổng hợp theo ${DIMENSION_LABELS[header.groupBy].toLowerCase()}.`,
    { indent: false },
  );
  const columns = [
    { header: 'STT', width: 0.8, align: 'center' as const },
    { header: DIMENSION_LABELS[header.groupBy], width: 3 },
    ...REPORT_TABLE.map((c) => ({
      header: [c.group ? SHORT_GROUP[c.group] : '', c.header].filter(Boolean).join(': '),
      width: 1,
      align: 'center' as const,
    })),
  ];
  const line = (counts: Parameters<typeof cellValue>[1]) => REPORT_TABLE.map((c) => number(cellValue(c, counts)));
  const rows = report.rows.map((r, i) => [String(i + 1), r.label, ...line(r.counts)]);
  rows.push(['', 'Tổng cộng', ...line(sumRows(report.rows))]);
  doc.table(columns, rows, { size: 8 });
  doc.paragraph(
    `Số liệu tính đến ${vnDay(vietnamDateOf(new Date(report.asOf)))}; hồ sơ đang giải quyết được xét trong hạn hay quá hạn tại thời điểm đó.`,
    { style: 'italic', size: 11, indent: false },
  );
  doc.signature({ title: 'Người lập báo cáo', note: '(Ký và ghi rõ họ tên)' });
  return doc.end();
}
