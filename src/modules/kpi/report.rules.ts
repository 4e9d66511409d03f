/**
 * Periodic reports on dossier handling (báo cáo tình hình, kết quả giải quyết TTHC), as pure
 * functions of counted rows. A report covers a unit's subtree and a period, grouped by competent
 * unit, procedure, field or channel. Its columns partition the dossiers *received for handling*
 * (received before the period's end, not ended before its start):
 *
 *   received = carried over (received before the period) + new (received in it)
 *            = processed (early + on time + late) + refused + withdrawn + stopped   (ended in it)
 *              + in progress at the period's end (within time + overdue, judged at `asOf`)
 *
 * "Returned" (results handed back in the period) is counted beside the partition: a result
 * handed back in March may have been processed in February. Refusals before receipt (online
 * filings never accepted) were never received and are not in a report.
 */
import { z } from 'zod';

export const REPORT_DIMENSIONS = ['unit', 'procedure', 'field', 'channel'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** The counted columns; the totals (received, processed, in progress) are sums of them. */
export const REPORT_COLUMNS = [
  'carriedOver',
  'new',
  'early',
  'onTime',
  'late',
  'refused',
  'withdrawn',
  'stopped',
  'withinTime',
  'overdue',
  'returned',
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];
export type ReportCounts = Record<ReportColumn, number>;

export const ReportParams = z.object({
  unitId: z.uuid(),
  /** Vietnam dates, both included. */
  from: z.string(),
  to: z.string(),
  /** month | quarter | year (a named reporting period) or adhoc (any range). */
  kind: z.enum(['month', 'quarter', 'year', 'week', 'adhoc']),
  groupBy: z.enum(REPORT_DIMENSIONS),
});
export type ReportParams = z.infer<typeof ReportParams>;

export interface ReportRow {
  /** Unit id, procedure id, field code or channel. */
  key: string;
  label: string;
  counts: ReportCounts;
}

export interface ReportResult {
  unitName: string;
  parentName: string | null;
  /** When "within time" was judged (the period's end, or when the report ran if sooner). */
  asOf: string;
  rows: ReportRow[];
}

export const zeroCounts = (): ReportCounts => Object.fromEntries(REPORT_COLUMNS.map((c) => [c, 0])) as ReportCounts;

/** Adds chunk rows into the running rows (same key → counts summed), sorted by label. */
export function mergeRows(into: readonly ReportRow[], add: readonly ReportRow[]): ReportRow[] {
  const byKey = new Map(into.map((r) => [r.key, { ...r, counts: { ...r.counts } }]));
  for (const row of add) {
    const target = byKey.get(row.key);
    if (!target) byKey.set(row.key, { ...row, counts: { ...row.counts } });
    else for (const c of REPORT_COLUMNS) target.counts[c] += row.counts[c];
  }
  return [...byKey.values()].sort((a, b) => a.label.localeCompare(b.label, 'vi') || a.key.localeCompare(b.key));
}

/** The derived totals of one row of counts. */
export function totalsOf(c: ReportCounts) {
  return {
    received: c.carriedOver + c.new,
    processed: c.early + c.onTime + c.late,
    inProgress: c.withinTime + c.overdue,
  };
}

/** Column sums over rows (the report's total line). */
export function sumRows(rows: readonly ReportRow[]): ReportCounts {
  const sum = zeroCounts();
  for (const r of rows) for (const c of REPORT_COLUMNS) sum[c] += r.counts[c];
  return sum;
}

/** The partition holds: received = processed + ended otherwise + in progress. */
export function partitionHolds(c: ReportCounts): boolean {
  const t = totalsOf(c);
  return t.received === t.processed + c.refused + c.withdrawn + c.stopped + t.inProgress;
}

export const CHANNEL_LABELS: Record<string, string> = {
  counter: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Bưu chính công ích',
};

export const DIMENSION_LABELS: Record<ReportDimension, string> = {
  unit: 'Cơ quan giải quyết',
  procedure: 'Thủ tục hành chính',
  field: 'Lĩnh vực',
  channel: 'Kênh tiếp nhận',
};

/** The report's title line for its kind ("BÁO CÁO THÁNG 03/2026" …). */
export function reportTitle(kind: ReportParams['kind'], from: string, to: string): string {
  const [y, m] = [to.slice(0, 4), to.slice(5, 7)];
  if (kind === 'month') return `Báo cáo tháng ${m}/${y}`;
  if (kind === 'quarter') return `Báo cáo quý ${Math.ceil(Number(m) / 3)}/${y}`;
  if (kind === 'year') return `Báo cáo năm ${y}`;
  return `Báo cáo từ ngày ${vnDay(from)} đến ngày ${vnDay(to)}`;
}

export const vnDay = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
