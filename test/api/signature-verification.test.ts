/**
 * Issue 19: the public verification of a result PDF (POST /api/public/signature-verifications) —
 * signer, seal, signing time, certificate validity, revocation (OCSP first, then CRL), integrity,
 * coverage; and the demo CA's OCSP responder over HTTP (/sim/ca/ocsp, RFC 6960).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../src/app/testing/app.js';
import { ocspRequestFor, readOcspResponse } from '../../src/modules/signing/ocsp.js';
import { serialHex } from '../../src/modules/signing/pki.js';
import {
  appendUnsignedChange,
  blankPdf,
  officialSigner,
  signedByOfficialAndSeal,
  signedByRevoked,
} from '../../src/modules/signing/testing/signed-pdfs.js';
import type { TrustServices } from '../../src/modules/signing/trust-services.js';

let t: TestApp;
let trust: TrustServices;
let signed: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  trust = await t.deps.services.trust.get();
  signed = await signedByOfficialAndSeal(trust, await blankPdf());
}, 60_000);
afterAll(() => t.close());

const verify = (pdf: Buffer, contentType = 'application/pdf') =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/signature-verifications',
    headers: { 'content-type': contentType },
    payload: pdf,
  });

describe('POST /api/public/signature-verifications (no login)', () => {
  it('a signed and sealed result: each signature with its role, time, certificate, revocation by OCSP, integrity', async () => {
    const res = await verify(signed);
    expect(res.statusCode, res.body).toBe(200);
    const { report, sha256, size } = res.json();
    expect(size).toBe(signed.length);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.status).toBe('valid');
    expect(report.signatures).toHaveLength(2);
    const [official, seal] = report.signatures;
    expect(official).toMatchObject({ role: 'official', signer: 'Nguyễn Văn Ánh', timestamped: true, status: 'valid' });
    expect(seal).toMatchObject({ role: 'seal', signer: 'Con dấu điện tử TEST-UNIT', status: 'valid' });
    for (const s of report.signatures) {
      expect(s.checks).toEqual({
        integrity: 'passed',
        trustChain: 'passed',
        certificateValidity: 'passed',
        timestamp: 'passed',
        revocation: 'good',
        revocationSource: 'ocsp',
        revokedAt: null,
      });
      expect(Date.parse(s.certificateValidFrom)).toBeLessThanOrEqual(Date.parse(s.signedAt));
      expect(Date.parse(s.certificateValidTo)).toBeGreaterThan(Date.parse(s.signedAt));
      expect(s.issuer).toBe('MotCua Demo Subordinate CA');
    }
  });

  it('a revoked signer: invalid, revoked by OCSP with its time', async () => {
    const res = await verify(await signedByRevoked(trust));
    const { report } = res.json();
    expect(report).toMatchObject({ status: 'invalid', code: 'SIGNATURE_CERTIFICATE_REVOKED' });
    expect(report.signatures[0].checks).toMatchObject({ revocation: 'revoked', revocationSource: 'ocsp' });
    expect(report.signatures[0].checks.revokedAt).toEqual(expect.any(String));
  });

  it('changed inside the signed bytes: integrity failed; an unsigned update appended: document modified', async () => {
    const copy = Buffer.from(signed);
    copy.write('6', copy.indexOf('595.28') + 2, 'latin1');
    let report = (await verify(copy)).json().report;
    expect(report).toMatchObject({ status: 'invalid', code: 'SIGNATURE_INTEGRITY_FAILED' });
    expect(report.signatures[0].checks).toMatchObject({ integrity: 'failed', revocation: 'notChecked' });
    report = (await verify(await appendUnsignedChange(signed))).json().report;
    expect(report).toMatchObject({ status: 'invalid', code: 'SIGNATURE_DOCUMENT_MODIFIED' });
    expect(report.signatures.every((s: { status: string }) => s.status === 'valid')).toBe(true);
  });

  it('an unsigned PDF is "unsigned"; not a PDF: 415 in Vietnamese; another content type: refused', async () => {
    expect((await verify(await blankPdf())).json().report).toMatchObject({ status: 'unsigned', signatures: [] });
    const notPdf = await verify(Buffer.from('GIF89a....'));
    expect(notPdf.statusCode).toBe(415);
    expect(notPdf.json().error).toMatchObject({ code: 'SIGNATURE_VERIFICATION_NOT_PDF', message: /tệp PDF/ });
    expect((await verify(signed, 'text/plain')).statusCode).toBe(415);
  });
});

describe('the demo CA’s OCSP responder over HTTP (/sim/ca/ocsp)', () => {
  it('good, then revoked once the CA revokes the certificate', async () => {
    const official = await officialSigner(trust, 'Người ký qua HTTP');
    const [leaf, issuer] = await official.chain();
    const ask = async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/sim/ca/ocsp',
        headers: { 'content-type': 'application/ocsp-request' },
        payload: await ocspRequestFor(leaf!, issuer!),
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/ocsp-response');
      return readOcspResponse(res.rawPayload, leaf!, issuer!, trust.trustAnchors, new Date());
    };
    expect(await ask()).toEqual({ status: 'good' });
    await trust.revoke(serialHex(leaf!), new Date(Date.now() - 1000));
    expect((await ask()).status).toBe('revoked');
  });
});
