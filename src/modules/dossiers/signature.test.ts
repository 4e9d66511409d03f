import { describe, expect, it } from 'vitest';
import { fromValidationReport, inspectPdfSignature } from './signature.js';

/** A PDF with a signature dictionary whose /ByteRange is computed over the final bytes. */
function signedPdf(contentsHex = '3082ABCD'): Buffer {
  const head =
    '%PDF-1.7\n1 0 obj<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/adbe.pkcs7.detached/ByteRange[0 AAAAAAAAAA BBBBBBBBBB CCCCCCCCCC]/Contents';
  const hole = `<${contentsHex}>`;
  const tail = '>>endobj\ntrailer<<>>\n%%EOF\n';
  const first = head.length;
  const second = first + hole.length;
  const pad = (n: number) => String(n).padEnd(10, ' ');
  const fixed = head
    .replace('AAAAAAAAAA', pad(first))
    .replace('BBBBBBBBBB', pad(second))
    .replace('CCCCCCCCCC', pad(tail.length));
  return Buffer.from(fixed + hole + tail, 'latin1');
}

describe('inspectPdfSignature', () => {
  it('finds no signature in a plain PDF', () => {
    expect(inspectPdfSignature(Buffer.from('%PDF-1.4\n%%EOF\n')).status).toBe('unsigned');
  });
  it('accepts a byte range that covers the whole file around the signature (certificate left to the national service)', () => {
    expect(inspectPdfSignature(signedPdf())).toMatchObject({
      status: 'unverifiable',
      detail: expect.stringContaining('chưa được xác thực'),
    });
  });
  it('refuses bytes appended after signing', () => {
    expect(inspectPdfSignature(Buffer.concat([signedPdf(), Buffer.from('% sửa sau khi ký\n')])).status).toBe('invalid');
  });
  it('refuses a byte range whose hole is not the hex signature', () => {
    const pdf = signedPdf();
    const text = pdf.toString('latin1').replace('<3082ABCD>', '(plaintext)');
    expect(inspectPdfSignature(Buffer.from(text, 'latin1')).status).toBe('invalid');
  });
});

describe('fromValidationReport (issue 19: the report a PDF got on entry decides the result’s verification)', () => {
  const signature = (signer: string) => ({
    field: 'ChuKy',
    signer,
    organization: null,
    certificateSerial: '01',
    signedAt: '2026-12-06T00:00:00.000Z',
    timestamped: true,
    coversUpTo: 100,
    status: 'valid' as const,
    code: null,
    reason: null,
  });
  const report = (status: 'unsigned' | 'valid' | 'invalid' | 'indeterminate', reason: string | null = null) => ({
    status,
    code: null,
    reason,
    checkedAt: '2026-12-06T00:00:00.000Z',
    signatures: [signature('Nguyễn Văn Ánh'), signature('UBND huyện A')],
  });
  it.each([
    ['valid', 'valid', 'Chữ ký số hợp lệ: Nguyễn Văn Ánh, UBND huyện A'],
    ['indeterminate', 'unverifiable', 'chưa rõ'],
    ['invalid', 'invalid', 'chưa rõ'],
    ['unsigned', 'unsigned', 'Tệp không có chữ ký số'],
  ] as const)('%s → %s', (status, expected, detail) => {
    expect(fromValidationReport(report(status, 'chưa rõ'))).toEqual({ status: expected, detail });
  });
});
