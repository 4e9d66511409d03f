import { describe, expect, it } from 'vitest';
import { fieldCut, totalCut } from './field-cut.rules.js';

const row = (dossiers: number, fieldsTotal: number, fieldsPrefilled: number) => ({
  dossiers,
  fieldsTotal,
  fieldsPrefilled,
  fieldsTyped: fieldsTotal - fieldsPrefilled,
});

describe('the measured cut in fields (Plan 004: ≥ 20 %)', () => {
  it.each([
    { name: 'no dossier', r: row(0, 0, 0), share: null, meets: null },
    { name: 'exactly a fifth', r: row(1, 25, 5), share: 0.2, meets: true },
    { name: 'just under', r: row(1, 26, 5), share: 0.192, meets: false },
    { name: 'all prefilled', r: row(2, 10, 10), share: 1, meets: true },
  ])('$name', ({ r, share, meets }) => {
    expect(fieldCut(r)).toMatchObject({ share, meetsTarget: meets });
  });

  it('totals as a share of sums, not a mean of shares', () => {
    const total = totalCut([row(1, 10, 10), row(9, 90, 0)]);
    expect(total).toMatchObject({
      dossiers: 10,
      fieldsTotal: 100,
      fieldsPrefilled: 10,
      share: 0.1,
      meetsTarget: false,
    });
  });
});
