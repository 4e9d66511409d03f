import { describe, expect, it } from 'vitest';
import { checkTaxCode, taxCheckDigit } from './tax-code.rules.js';

/*
 * Real codes are published ones (company registrations, and the list of numbers "found online"
 * in python-stdnum's tests/test_vn_mst.doctest). The weighted sums below were done by hand with
 * W = 31, 29, 23, 19, 17, 13, 7, 5, 3.
 */
describe('taxCheckDigit', () => {
  it.each([
    // Viettel 0100109106: 1·29 + 1·17 + 9·7 + 1·5 = 114; 114 mod 11 = 4; 10 − 4 = 6
    ['010010910', 6],
    // Vietcombank 0100112437: 29 + 17 + 1·13 + 2·7 + 4·5 + 3·3 = 102; mod 11 = 3 → 7
    ['010011243', 7],
    // Vinamilk 0300588569: 3·29 + 5·17 + 8·13 + 8·7 + 5·5 + 6·3 = 375; mod 11 = 1 → 9 (largest digit)
    ['030058856', 9],
    // MISA 0101243150: 29 + 19 + 2·17 + 4·13 + 3·7 + 5 + 5·3 = 175; mod 11 = 10 → 0 (smallest digit)
    ['010124315', 0],
    // constructed: 1·29 + 5·3 = 44 = 4·11, remainder 0, 10 − 0 = 10 is no digit
    ['010000005', null],
    // constructed: 9·(31+29+23+19+17+13+7+5+3) = 9·147 = 1323 = 120·11 + 3 → 7
    ['999999999', 7],
  ])('%s → %s', (first9, digit) => {
    expect(taxCheckDigit(first9)).toBe(digit);
  });

  it('refuses anything but 9 digits (a programming error)', () => {
    expect(() => taxCheckDigit('01001091')).toThrow(RangeError);
    expect(() => taxCheckDigit('01001091x')).toThrow(RangeError);
  });
});

describe('checkTaxCode: valid codes', () => {
  it.each([
    ['0100109106', '0100109106', 'organization', '0100109106', null], // Viettel
    ['0100112437', '0100112437', 'organization', '0100112437', null], // Vietcombank
    ['0300588569', '0300588569', 'organization', '0300588569', null], // Vinamilk
    ['0101243150', '0101243150', 'organization', '0101243150', null], // MISA, check digit 0
    ['0101248141', '0101248141', 'organization', '0101248141', null], // FPT: sum 207, mod 11 = 9 → 1
    ['0100233488', '0100233488', 'organization', '0100233488', null], // stdnum: sum 167, mod 11 = 2 → 8
    // former personal tax codes start with 8: 8·31+3·23+7·19+6·17+3·13+6·5+9·3 = 648, mod 11 = 10 → 0
    ['8037630690', '8037630690', 'organization', '8037630690', null],
    // 8·31+4·29+6·23+3·19+7·17+6·13+3·7+9·5 = 822, mod 11 = 8 → 2
    ['8463763902', '8463763902', 'organization', '8463763902', null],
    // branch of 0314409058 (sum 332, mod 11 = 2 → 8)
    ['0314409058-002', '0314409058-002', 'branch', '0314409058', '002'],
    // 2000102580: 2·31 + 17 + 2·7 + 5·5 + 8·3 = 142, mod 11 = 10 → 0
    ['2000102580-005', '2000102580-005', 'branch', '2000102580', '005'],
    ['0100109106-999', '0100109106-999', 'branch', '0100109106', '999'],
    ['0314409058002', '0314409058-002', 'branch', '0314409058', '002'], // stored without the dash
    ['  0100109106-501 ', '0100109106-501', 'branch', '0100109106', '501'],
    ['001099012345', '001099012345', 'individual', null, null], // a personal identifier
  ])('%s', (input, value, kind, baseCode, branch) => {
    expect(checkTaxCode(input)).toEqual({ ok: true, value, kind, baseCode, branch, warnings: [] });
  });

  it('passes on the soft warnings of a 12-digit personal identifier', () => {
    const r = checkTaxCode('003099012345');
    expect(r.ok && r.kind).toBe('individual');
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['PERSONAL_ID_PROVINCE_UNKNOWN']);
  });
});

describe('checkTaxCode: errors', () => {
  it.each([
    ['empty', '', 'TAX_CODE_EMPTY'],
    ['blank', '  ', 'TAX_CODE_EMPTY'],
    ['too short', '12345', 'TAX_CODE_FORMAT'],
    ['letters', 'VV34567890', 'TAX_CODE_FORMAT'],
    ['11 digits', '01001091061', 'TAX_CODE_FORMAT'],
    ['2-digit branch', '0100109106-01', 'TAX_CODE_FORMAT'],
    ['4-digit branch', '0100109106-0001', 'TAX_CODE_FORMAT'],
    ['other separator', '0100109106_001', 'TAX_CODE_FORMAT'],
    ['spaces inside', '0312 68 78 78 - 001', 'TAX_CODE_FORMAT'],
    ['serial 0000000 (check digit fits: 29 mod 11 = 7 → 3)', '0100000003', 'TAX_CODE_SERIAL_ZERO'],
    ['serial 0000000, stdnum example', '0100000008', 'TAX_CODE_SERIAL_ZERO'],
    ['remainder 0, last digit 0', '0100000050', 'TAX_CODE_NO_CHECK_DIGIT'],
    ['remainder 0, last digit 9', '0100000059', 'TAX_CODE_NO_CHECK_DIGIT'],
    ['wrong check digit (stdnum example)', '0100233480', 'TAX_CODE_CHECK_DIGIT'],
    ['two digits swapped', '0100190106', 'TAX_CODE_CHECK_DIGIT'],
    ['branch of an invalid base', '0100233480-001', 'TAX_CODE_CHECK_DIGIT'],
    ['branch of an impossible base', '0100000051-001', 'TAX_CODE_NO_CHECK_DIGIT'],
    ['branch 000', '0314409058-000', 'TAX_CODE_BRANCH_ZERO'],
  ])('%s: %s → %s', (_, input, code) => {
    const r = checkTaxCode(input);
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });

  it('tells the officer which check digit was expected', () => {
    const r = checkTaxCode('0100233480');
    expect(r.ok || r.error.message).toBe(
      'Mã số thuế 0100233480 sai chữ số kiểm tra (chữ số cuối phải là 8); đề nghị kiểm tra lại.',
    );
  });
});
