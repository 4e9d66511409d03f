import { describe, expect, it } from 'vitest';
import { REPORT_COLUMNS, type ReportCounts } from '../kpi/report.rules.js';
import {
  FORM06_TABLE,
  form06Balances,
  form06Counts,
  form06Totals,
  onTimeRate,
  sumForm06,
  zeroForm06,
} from './form06.rules.js';

const counts = (set: Partial<ReportCounts>): ReportCounts => ({
  ...(Object.fromEntries(REPORT_COLUMNS.map((c) => [c, 0])) as ReportCounts),
  ...set,
});

describe('form 06 from the kpi counts by channel', () => {
  it.each([
    {
      name: 'only counter dossiers',
      rows: [{ key: 'counter', counts: counts({ new: 5, early: 2, onTime: 1, withinTime: 2 }) }],
      want: { newDirect: 5, newOnline: 0, early: 2, onTime: 1, withinTime: 2 },
    },
    {
      name: 'online and postal split; postal counts as direct',
      rows: [
        { key: 'online', counts: counts({ new: 4, carriedOver: 1, late: 1, overdue: 4 }) },
        { key: 'postal', counts: counts({ new: 2, withdrawn: 1, refused: 1 }) },
      ],
      want: { newOnline: 4, newDirect: 2, carriedOver: 1, late: 1, overdue: 4, withdrawn: 1, sentBack: 1 },
    },
    {
      name: 'refused and stopped are both sent back; returned results are not a column',
      rows: [{ key: 'counter', counts: counts({ carriedOver: 3, refused: 1, stopped: 2, returned: 7 }) }],
      want: { carriedOver: 3, sentBack: 3 },
    },
  ])('$name', ({ rows, want }) => {
    const got = form06Counts(rows);
    expect(got).toEqual({ ...zeroForm06(), ...want });
    expect(form06Balances(got)).toBe(true);
  });

  it('totals, the total line and the on-time rate', () => {
    const a = { ...zeroForm06(), carriedOver: 2, newOnline: 3, newDirect: 5, early: 4, onTime: 2, late: 2, overdue: 2 };
    const b = { ...zeroForm06(), newDirect: 1, withinTime: 1 };
    expect(form06Totals(a)).toEqual({ received: 10, newTotal: 8, resolved: 8, resolvedInTime: 6, inProgress: 2 });
    const sum = sumForm06([{ counts: a }, { counts: b }]);
    expect(sum.newDirect).toBe(6);
    expect(form06Totals(sum).received).toBe(11);
    expect(onTimeRate(a)).toBe(75);
    expect(onTimeRate(b)).toBeNull();
    expect(FORM06_TABLE.map((c) => c.value(a))).toEqual([10, 2, 3, 5, 8, 4, 2, 2, 2, 0, 2, 0, 0]);
  });

  it('an unbalanced row is detected', () => {
    expect(form06Balances({ ...zeroForm06(), newDirect: 2, early: 1 })).toBe(false);
  });
});
