/**
 * The measured cut in fields (Plan 004: "cắt giảm tối thiểu 20% thông tin phải khai báo trên cơ sở
 * tái sử dụng dữ liệu"): per procedure and over all online dossiers filed with an e-form in a
 * period, the fields of the legal form, those prefilled from data, those the person typed, and the
 * share prefilled against the 20 % target.
 */
export const FIELD_CUT_TARGET = 0.2;

export interface FieldCutRow {
  dossiers: number;
  fieldsTotal: number;
  fieldsPrefilled: number;
  fieldsTyped: number;
}

export interface FieldCut extends FieldCutRow {
  /** fieldsPrefilled ÷ fieldsTotal, null without dossiers. */
  share: number | null;
  meetsTarget: boolean | null;
}

export function fieldCut(row: FieldCutRow): FieldCut {
  const share = row.fieldsTotal === 0 ? null : Math.round((row.fieldsPrefilled / row.fieldsTotal) * 1000) / 1000;
  return { ...row, share, meetsTarget: share === null ? null : share >= FIELD_CUT_TARGET };
}

/** The period's total: the sums of the procedures' rows (a share of sums, not a mean of shares). */
export function totalCut(rows: readonly FieldCutRow[]): FieldCut {
  const sum = (k: keyof FieldCutRow) => rows.reduce((n, r) => n + r[k], 0);
  return fieldCut({
    dossiers: sum('dossiers'),
    fieldsTotal: sum('fieldsTotal'),
    fieldsPrefilled: sum('fieldsPrefilled'),
    fieldsTyped: sum('fieldsTyped'),
  });
}
