/** Issue 19: every signed PDF that enters is validated; failing ones are refused with the reason and a stable code. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import {
  appendUnsignedChange,
  blankPdf,
  signedByOfficialAndSeal,
  signedByRevoked,
  testTrust,
} from '../../src/modules/signing/testing/signed-pdfs.js';
import type { TrustServices } from '../../src/modules/signing/trust-services.js';
import { upload } from '../fixtures/uploads.js';

let t: TestApp;
let citizen: Session;
let trust: TrustServices;
let signed: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  citizen = await t.login('congdan');
  trust = await t.deps.services.trust.get();
  signed = await signedByOfficialAndSeal(trust, await blankPdf());
}, 60_000);
afterAll(() => t.close());

describe('POST /api/files with signed PDFs', () => {
  it('keeps a validly signed result with its validation report', async () => {
    const res = await upload(citizen, signed, 'ket-qua.pdf');
    expect(res.statusCode).toBe(201);
    const report = res.json().signatureReport;
    expect(report.status).toBe('valid');
    expect(report.signatures.map((s: { field: string; timestamped: boolean }) => [s.field, s.timestamped])).toEqual([
      ['ChuKyNguoiCoThamQuyen', true],
      ['ChuKyCoQuan', true],
    ]);
  });

  it('an unsigned PDF is kept and reported unsigned; an image has no report', async () => {
    expect((await upload(citizen, await blankPdf(), 'don.pdf')).json().signatureReport.status).toBe('unsigned');
  });

  it.each([
    ['a result changed after signing (inside the signed bytes)', 'SIGNATURE_INTEGRITY_FAILED', /sửa trong phần đã ký/],
    [
      'a result changed after signing (an unsigned update appended)',
      'SIGNATURE_DOCUMENT_MODIFIED',
      /thay đổi sau khi ký/,
    ],
    ['a signature by a revoked certificate', 'SIGNATURE_CERTIFICATE_REVOKED', /đã bị thu hồi/],
    ['a signature by a certificate from an unknown root', 'SIGNATURE_UNTRUSTED_ROOT', /không thuộc chuỗi tin cậy/],
  ])(
    'refuses %s: 422 %s',
    async (what, code, message) => {
      const pdf = await (async () => {
        if (code === 'SIGNATURE_INTEGRITY_FAILED') {
          const copy = Buffer.from(signed);
          copy.write('6', copy.indexOf('595.28') + 2, 'latin1');
          return copy;
        }
        if (code === 'SIGNATURE_DOCUMENT_MODIFIED') return appendUnsignedChange(signed);
        if (code === 'SIGNATURE_CERTIFICATE_REVOKED') return signedByRevoked(trust);
        return signedByOfficialAndSeal(await testTrust('unknown-root'), await blankPdf());
      })();
      const res = await upload(citizen, pdf, `${what}.pdf`);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toMatch(message);
    },
    30_000,
  );
});
