/**
 * Report form 06 (Biểu mẫu số 06, Circular 01/2020/TT-VPCP: tình hình, kết quả giải quyết thủ tục
 * hành chính — *(verify)* the column set against the circular's appendix) as pure functions of the
 * kpi module's report counts. One row per competent unit:
 *
 *   received (nhận giải quyết) = carried over (kỳ trước chuyển qua) + new online (trực tuyến)
 *                                + new at the counter or by post (trực tiếp, dịch vụ bưu chính)
 *            = resolved (đã giải quyết: early + on time + late)
 *              + being resolved at the period's end (đang giải quyết: within time + overdue)
 *              + withdrawn (rút hồ sơ) + sent back (trả lại: refused or stopped)
 *
 * The figures are the kpi module's (report.query.ts, the same predicates as the 766 index): this
 * module only regroups its channel rows into the form's columns.
 */
import type { ReportCounts } from '../kpi/report.rules.js';

export const FORM06_CODE = '06/VPCP/KSTT';
export const FORM06_TITLE = 'Tình hình, kết quả giải quyết thủ tục hành chính';

export const FORM06_COLUMNS = [
  'carriedOver',
  'newOnline',
  'newDirect',
  'early',
  'onTime',
  'late',
  'withinTime',
  'overdue',
  'withdrawn',
  'sentBack',
] as const;
export type Form06Column = (typeof FORM06_COLUMNS)[number];
export type Form06Counts = Record<Form06Column, number>;

export interface Form06Row {
  unitId: string;
  unitName: string;
  counts: Form06Counts;
}

export const zeroForm06 = (): Form06Counts => Object.fromEntries(FORM06_COLUMNS.map((c) => [c, 0])) as Form06Counts;

/** One unit's row from the kpi report's rows grouped by channel (`counter`, `online`, `postal`). */
export function form06Counts(byChannel: readonly { key: string; counts: ReportCounts }[]): Form06Counts {
  const out = zeroForm06();
  for (const { key, counts: c } of byChannel) {
    out.carriedOver += c.carriedOver;
    if (key === 'online') out.newOnline += c.new;
    else out.newDirect += c.new;
    out.early += c.early;
    out.onTime += c.onTime;
    out.late += c.late;
    out.withinTime += c.withinTime;
    out.overdue += c.overdue;
    out.withdrawn += c.withdrawn;
    out.sentBack += c.refused + c.stopped;
  }
  return out;
}

/** The totals the form prints beside the parts. */
export function form06Totals(c: Form06Counts) {
  return {
    received: c.carriedOver + c.newOnline + c.newDirect,
    newTotal: c.newOnline + c.newDirect,
    resolved: c.early + c.onTime + c.late,
    /** Resolved on time = early + on time (đúng hạn, trước hạn). */
    resolvedInTime: c.early + c.onTime,
    inProgress: c.withinTime + c.overdue,
  };
}

/** Column sums (the form's total line). */
export function sumForm06(rows: readonly { counts: Form06Counts }[]): Form06Counts {
  const sum = zeroForm06();
  for (const r of rows) for (const c of FORM06_COLUMNS) sum[c] += r.counts[c];
  return sum;
}

/** The partition holds: received = resolved + being resolved + withdrawn + sent back. */
export function form06Balances(c: Form06Counts): boolean {
  const t = form06Totals(c);
  return t.received === t.resolved + t.inProgress + c.withdrawn + c.sentBack;
}

/** Percent of resolved dossiers resolved early or on time, one decimal; null when none resolved. */
export function onTimeRate(c: Form06Counts): number | null {
  const t = form06Totals(c);
  return t.resolved === 0 ? null : Math.round((t.resolvedInTime * 1000) / t.resolved) / 10;
}

/** The printed columns: group, header, and how the cell is computed (totals included). */
export const FORM06_TABLE: readonly { group: string; header: string; value: (c: Form06Counts) => number }[] = [
  { group: 'Số hồ sơ nhận giải quyết', header: 'Tổng số', value: (c) => form06Totals(c).received },
  { group: 'Số hồ sơ nhận giải quyết', header: 'Kỳ trước chuyển qua', value: (c) => c.carriedOver },
  { group: 'Số hồ sơ nhận giải quyết', header: 'Mới tiếp nhận trực tuyến', value: (c) => c.newOnline },
  { group: 'Số hồ sơ nhận giải quyết', header: 'Mới tiếp nhận trực tiếp, bưu chính', value: (c) => c.newDirect },
  { group: 'Số hồ sơ đã giải quyết', header: 'Tổng số', value: (c) => form06Totals(c).resolved },
  { group: 'Số hồ sơ đã giải quyết', header: 'Trước hạn', value: (c) => c.early },
  { group: 'Số hồ sơ đã giải quyết', header: 'Đúng hạn', value: (c) => c.onTime },
  { group: 'Số hồ sơ đã giải quyết', header: 'Quá hạn', value: (c) => c.late },
  { group: 'Số hồ sơ đang giải quyết', header: 'Tổng số', value: (c) => form06Totals(c).inProgress },
  { group: 'Số hồ sơ đang giải quyết', header: 'Trong hạn', value: (c) => c.withinTime },
  { group: 'Số hồ sơ đang giải quyết', header: 'Quá hạn', value: (c) => c.overdue },
  { group: 'Rút, trả lại', header: 'Rút hồ sơ', value: (c) => c.withdrawn },
  { group: 'Rút, trả lại', header: 'Trả lại (từ chối, dừng)', value: (c) => c.sentBack },
];
