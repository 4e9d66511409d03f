/**
 * Checking the digital signature of an electronic result (kết quả điện tử có ký số). The check
 * that gives legal certainty — the signer's certificate chained to the national root CA
 * (Bộ TT&TT / Ban Cơ yếu) and its revocation status — belongs to a national service; it plugs in
 * behind `SignatureVerifier`. What MotCua checks itself, without that service, is the PDF's
 * signature structure: a signature dictionary whose /ByteRange covers the whole file except the
 * /Contents hole, so nothing was appended or altered outside the signed bytes.
 */

import type { ValidationReport } from '../signing/verify.js';

export type Verification = 'valid' | 'invalid' | 'unsigned' | 'unverifiable';

export interface SignatureClaim {
  signer: string;
  certificateSerial: string;
}

export interface SignatureVerifier {
  verify(document: Buffer, claim: SignatureClaim): Promise<{ status: Verification; detail: string }>;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/**
 * The structural check: `unsigned` without a signature, `invalid` when a byte range does not
 * cover the file around a hex /Contents hole, else `unverifiable` — the structure holds, the
 * certificate is for the national service to judge.
 */
export function inspectPdfSignature(document: Buffer): { status: Verification; detail: string } {
  const text = document.toString('latin1');
  const ranges = [...text.matchAll(BYTE_RANGE)].map(
    (m) => m.slice(1, 5).map(Number) as [number, number, number, number],
  );
  if (ranges.length === 0) return { status: 'unsigned', detail: 'Tệp không có chữ ký số' };
  // The last signature must cover the file to its end (incremental saves add later signatures).
  const last = ranges.reduce((a, b) => (b[2] + b[3] > a[2] + a[3] ? b : a));
  for (const [start, firstLength, holeEnd, secondLength] of ranges) {
    const hole = text.slice(start + firstLength, holeEnd);
    const wellFormed =
      start === 0 &&
      holeEnd > firstLength &&
      holeEnd + secondLength <= document.length &&
      /^<[0-9A-Fa-f\s]*>$/.test(hole);
    if (!wellFormed) return { status: 'invalid', detail: 'Vùng ký (/ByteRange) không hợp lệ' };
  }
  if (last[2] + last[3] !== document.length) return { status: 'invalid', detail: 'Tệp đã bị thay đổi sau khi ký' };
  return {
    status: 'unverifiable',
    detail: 'Cấu trúc chữ ký số hợp lệ; chứng thư số chưa được xác thực với dịch vụ chứng thực quốc gia',
  };
}

/** The verifier used until a national certificate-validation service is configured. */
export const structuralVerifier: SignatureVerifier = {
  verify: async (document) => inspectPdfSignature(document),
};

/**
 * The dossier's verdict from the validation report a file got when it entered (issue 19:
 * integrity, timestamp, chain to the trust list, CRL, coverage): valid → `valid`,
 * indeterminate → `unverifiable`, invalid → `invalid`, unsigned → `unsigned`.
 */
export function fromValidationReport(report: ValidationReport): { status: Verification; detail: string } {
  const signers = report.signatures.map((s) => s.signer ?? s.field ?? '?').join(', ');
  switch (report.status) {
    case 'valid':
      return { status: 'valid', detail: `Chữ ký số hợp lệ: ${signers}` };
    case 'indeterminate':
      return { status: 'unverifiable', detail: report.reason ?? 'Chưa xác định được hiệu lực chữ ký số' };
    case 'invalid':
      return { status: 'invalid', detail: report.reason ?? 'Chữ ký số không hợp lệ' };
    default:
      return { status: 'unsigned', detail: 'Tệp không có chữ ký số' };
  }
}
