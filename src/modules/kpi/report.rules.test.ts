import { describe, expect, it } from 'vitest';
import {
  mergeRows,
  partitionHolds,
  type ReportCounts,
  reportTitle,
  sumRows,
  totalsOf,
  zeroCounts,
} from './report.rules.js';

const counts = (c: Partial<ReportCounts>): ReportCounts => ({ ...zeroCounts(), ...c });

describe('report rows', () => {
  it('merges chunks by key, summing every column, sorted by Vietnamese name', () => {
    const a = [{ key: 'u1', label: 'Sở Y tế', counts: counts({ new: 2, early: 1, withinTime: 1 }) }];
    const b = [
      { key: 'u1', label: 'Sở Y tế', counts: counts({ new: 1, late: 1 }) },
      { key: 'u2', label: 'Sở Công Thương', counts: counts({ carriedOver: 1, overdue: 1 }) },
    ];
    const merged = mergeRows(a, b);
    expect(merged.map((r) => r.key)).toEqual(['u2', 'u1']);
    expect(merged[1]!.counts).toEqual(counts({ new: 3, early: 1, late: 1, withinTime: 1 }));
    expect(a[0]!.counts.new).toBe(2); // inputs untouched
    expect(sumRows(merged)).toEqual(counts({ carriedOver: 1, new: 3, early: 1, late: 1, withinTime: 1, overdue: 1 }));
  });

  it('totals and the partition received = ended + in progress', () => {
    const c = counts({
      carriedOver: 2,
      new: 8,
      early: 2,
      onTime: 2,
      late: 1,
      refused: 1,
      withdrawn: 1,
      stopped: 0,
      withinTime: 2,
      overdue: 1,
      returned: 4,
    });
    expect(totalsOf(c)).toEqual({ received: 10, processed: 5, inProgress: 3 });
    expect(partitionHolds(c)).toBe(true);
    expect(partitionHolds({ ...c, new: 9 })).toBe(false);
  });

  it.each([
    ['month', '2026-02-21', '2026-03-20', 'Báo cáo tháng 03/2026'],
    ['quarter', '2025-12-21', '2026-03-20', 'Báo cáo quý 1/2026'],
    ['quarter', '2026-09-21', '2026-12-20', 'Báo cáo quý 4/2026'],
    ['year', '2025-12-21', '2026-12-20', 'Báo cáo năm 2026'],
    ['adhoc', '2026-03-01', '2026-03-31', 'Báo cáo từ ngày 01/03/2026 đến ngày 31/03/2026'],
  ] as const)('title of a %s report', (kind, from, to, title) => {
    expect(reportTitle(kind, from, to)).toBe(title);
  });
});
