/**
 * The report's table as both the spreadsheet and the PDF show it: column groups in the order of
 * the national reporting forms (received → processed → in progress → ended otherwise →
 * returned). A total column is the sum of its group's parts — a formula in the spreadsheet.
 */
import { type ReportColumn, type ReportCounts, totalsOf } from './report.rules.js';

export interface ReportTableColumn {
  header: string;
  /** The group header above the column; none: the column spans both header rows. */
  group?: string;
  /** A counted column, or a total of counted columns (its parts). */
  value: ReportColumn | { total: 'received' | 'processed' | 'inProgress'; parts: ReportColumn[] };
}

export const REPORT_TABLE: readonly ReportTableColumn[] = [
  { group: 'Số hồ sơ nhận giải quyết', header: 'Tổng số', value: { total: 'received', parts: ['carriedOver', 'new'] } },
  { group: 'Số hồ sơ nhận giải quyết', header: 'Kỳ trước chuyển qua', value: 'carriedOver' },
  { group: 'Số hồ sơ nhận giải quyết', header: 'Mới tiếp nhận', value: 'new' },
  {
    group: 'Số hồ sơ đã giải quyết',
    header: 'Tổng số',
    value: { total: 'processed', parts: ['early', 'onTime', 'late'] },
  },
  { group: 'Số hồ sơ đã giải quyết', header: 'Trước hạn', value: 'early' },
  { group: 'Số hồ sơ đã giải quyết', header: 'Đúng hạn', value: 'onTime' },
  { group: 'Số hồ sơ đã giải quyết', header: 'Quá hạn', value: 'late' },
  {
    group: 'Số hồ sơ đang giải quyết',
    header: 'Tổng số',
    value: { total: 'inProgress', parts: ['withinTime', 'overdue'] },
  },
  { group: 'Số hồ sơ đang giải quyết', header: 'Trong hạn', value: 'withinTime' },
  { group: 'Số hồ sơ đang giải quyết', header: 'Quá hạn', value: 'overdue' },
  { group: 'Kết thúc khác', header: 'Từ chối', value: 'refused' },
  { group: 'Kết thúc khác', header: 'Rút hồ sơ', value: 'withdrawn' },
  { group: 'Kết thúc khác', header: 'Dừng xử lý', value: 'stopped' },
  { header: 'Đã trả kết quả', value: 'returned' },
];

/** A cell's number: the count, or the sum of the parts for a total column. */
export function cellValue(column: ReportTableColumn, counts: ReportCounts): number {
  return typeof column.value === 'string' ? counts[column.value] : totalsOf(counts)[column.value.total];
}

/** Runs of equal group names: [group, first index, last index]. */
export function groupSpans(columns: readonly ReportTableColumn[]): [string | undefined, number, number][] {
  const spans: [string | undefined, number, number][] = [];
  columns.forEach((c, i) => {
    const last = spans[spans.length - 1];
    if (last && c.group !== undefined && last[0] === c.group) last[2] = i;
    else spans.push([c.group, i, i]);
  });
  return spans;
}
