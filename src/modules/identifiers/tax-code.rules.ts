/**
 * Tax code (mã số thuế, MST).
 *
 * - Enterprise / organisation: 10 digits N1…N10. N10 is a check digit over N1…N9:
 *   N10 = 10 − (Σ Ni·Wi mod 11), W = 31, 29, 23, 19, 17, 13, 7, 5, 3.
 *   The remainder r = Σ mod 11 is 0…10, so 10 − r is 10…0. Only r = 0 gives 10, which is not a
 *   digit: such a 9-digit prefix can carry no check digit, the tax authority never issues it, and
 *   a code built on it is invalid whatever its last digit (docs/domain/DOMAIN.md §12). It is NOT folded to 0:
 *   0 already means r = 10 (e.g. 0101243150), so folding would make one check digit stand for two
 *   remainders.
 * - Dependent unit / branch (đơn vị phụ thuộc, chi nhánh): the parent's 10 digits, a dash and
 *   NNN = 001…999. The parent part must itself be valid.
 * - Individuals: their 12-digit personal identifier serves as tax code (docs/domain/DOMAIN.md §12), checked
 *   with the personal-identifier rules (hard rule only; the structure gives warnings). Older
 *   10-digit personal tax codes (starting with 8) are checked like any 10-digit code.
 *
 * N3…N9 is a serial from 0000001 (python-stdnum rejects 0000000 for the same reason); a code
 * whose serial is all zeros is refused even if its check digit fits.
 */
import type { Failure, Warning } from './identifiers.types.js';
import { checkPersonalId } from './personal-id.rules.js';

export const TAX_CODE_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

export type TaxCodeErrorCode =
  | 'TAX_CODE_EMPTY'
  | 'TAX_CODE_FORMAT'
  | 'TAX_CODE_SERIAL_ZERO'
  | 'TAX_CODE_NO_CHECK_DIGIT'
  | 'TAX_CODE_CHECK_DIGIT'
  | 'TAX_CODE_BRANCH_ZERO';

export type TaxCodeKind = 'organization' | 'branch' | 'individual';

export type TaxCodeResult =
  | {
      ok: true;
      /** Canonical form: 10 digits, `XXXXXXXXXX-NNN`, or 12 digits. */
      value: string;
      kind: TaxCodeKind;
      /** The 10-digit code of the organisation (the parent for a branch); null for an individual. */
      baseCode: string | null;
      /** NNN of a branch, else null. */
      branch: string | null;
      warnings: Warning[];
    }
  | Failure<TaxCodeErrorCode>;

const fail = (code: TaxCodeErrorCode, message: string): Failure<TaxCodeErrorCode> => ({
  ok: false,
  error: { code, message },
});

/**
 * The check digit for 9 digits, or null when Σ Ni·Wi is divisible by 11 (10 − 0 = 10 is no
 * digit: the prefix is never issued).
 */
export function taxCheckDigit(first9: string): number | null {
  if (!/^\d{9}$/.test(first9)) throw new RangeError(`taxCheckDigit needs 9 digits, got ${JSON.stringify(first9)}`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * TAX_CODE_WEIGHTS[i]!;
  const remainder = sum % 11;
  return remainder === 0 ? null : 10 - remainder;
}

/** Checks the 10-digit organisation code; null when valid. */
function baseError(base: string): Failure<TaxCodeErrorCode> | null {
  if (base.slice(2, 9) === '0000000')
    return fail('TAX_CODE_SERIAL_ZERO', `Mã số thuế ${base} không hợp lệ: số thứ tự (chữ số 3–9) không thể toàn số 0.`);
  const expected = taxCheckDigit(base.slice(0, 9));
  if (expected === null) {
    return fail(
      'TAX_CODE_NO_CHECK_DIGIT',
      `Mã số thuế ${base} không hợp lệ: chín chữ số đầu không có chữ số kiểm tra nào hợp lệ.`,
    );
  }
  if (Number(base[9]) !== expected) {
    return fail(
      'TAX_CODE_CHECK_DIGIT',
      `Mã số thuế ${base} sai chữ số kiểm tra (chữ số cuối phải là ${expected}); đề nghị kiểm tra lại.`,
    );
  }
  return null;
}

/**
 * Checks a tax code. Accepts surrounding whitespace and a branch code written without its dash
 * (13 digits, as some systems store it); returns the canonical dashed form.
 */
export function checkTaxCode(input: string): TaxCodeResult {
  const text = input.trim();
  if (text === '') return fail('TAX_CODE_EMPTY', 'Chưa nhập mã số thuế.');

  if (/^\d{12}$/.test(text)) {
    // Twelve digits always pass the personal identifier's hard rule; only its warnings remain.
    const personal = checkPersonalId(text);
    if (!personal.ok) return fail('TAX_CODE_FORMAT', personal.error.message);
    return { ok: true, value: text, kind: 'individual', baseCode: null, branch: null, warnings: personal.warnings };
  }

  const m = /^(\d{10})(?:-?(\d{3}))?$/.exec(text);
  if (!m) {
    return fail(
      'TAX_CODE_FORMAT',
      'Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (đơn vị phụ thuộc), hoặc là số định danh cá nhân 12 chữ số.',
    );
  }
  const base = m[1]!;
  const branch = m[2] ?? null;
  const error = baseError(base);
  if (error) return error;
  if (branch === null)
    return { ok: true, value: base, kind: 'organization', baseCode: base, branch: null, warnings: [] };
  if (branch === '000') return fail('TAX_CODE_BRANCH_ZERO', 'Ba chữ số của đơn vị phụ thuộc phải từ 001 đến 999.');
  return { ok: true, value: `${base}-${branch}`, kind: 'branch', baseCode: base, branch, warnings: [] };
}
