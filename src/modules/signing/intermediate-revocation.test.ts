/**
 * Revocation of an intermediate CA (RFC 5280 §6.1.3: every certificate of the path): a second
 * subordinate CA revoked at the demo root. A signature timestamped before the revocation holds,
 * one after is invalid and the report names the revoked CA; the root's OCSP answers first, its
 * CRL when OCSP is down; with neither the signature is indeterminate, naming the CA.
 */
import type * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HashSigner } from './cms.js';
import { signPdf } from './pades.js';
import { serialHex } from './pki.js';
import { officialBox } from './signature-boxes.js';
import { secondSubordinateCa } from './testing/second-ca.js';
import { blankPdf, officialSigner, testKeysDir } from './testing/signed-pdfs.js';
import { openTrustServices, type TrustServices } from './trust-services.js';
import { type TrustList, validatePdfSignatures } from './verify.js';

// One clock for the TSA, the CAs' responders and the validator: the signing times are exact.
let clock = new Date('2026-01-10T02:00:00Z');
const now = () => clock;
const CA_NAME = `MotCua Test Subordinate CA ${Date.now().toString(36)}`;

let trust: TrustServices;
let second: { certificate: pkijs.Certificate; signer: HashSigner; trust: TrustList };

async function signedAt(at: Date, signer: HashSigner) {
  clock = at;
  return signPdf(await blankPdf(), signer, trust.tsa, {
    fieldName: 'ChuKyNguoiCoThamQuyen',
    signerName: 'Người ký',
    reason: 'Thử',
    location: 'VN',
    signingTime: at,
    box: officialBox({ name: 'Người ký', signedAt: at }),
  });
}

beforeAll(async () => {
  trust = await openTrustServices({ keysDir: testKeysDir('intermediate-revocation'), now });
  second = await secondSubordinateCa(trust, CA_NAME, now);
}, 60_000);

describe('revocation of the intermediate CA at the root', () => {
  it('checked for each certificate below the anchor; revoked after the timestamp holds, before it does not', async () => {
    const before = await signedAt(new Date('2026-01-10T02:00:00Z'), second.signer);
    clock = new Date('2026-01-10T03:00:00Z');
    let report = await validatePdfSignatures(before, second.trust, clock);
    expect(report.status).toBe('valid');
    expect(report.signatures[0]!.certificates).toEqual([
      expect.objectContaining({ subject: `Người ký của ${CA_NAME}`, revocation: 'good', revocationSource: 'ocsp' }),
      expect.objectContaining({ subject: CA_NAME, revocation: 'good', revocationSource: 'ocsp', revokedAt: null }),
    ]);

    const revokedAt = new Date('2026-02-01T00:00:00Z');
    await trust.revoke(serialHex(second.certificate), revokedAt, 'root');
    const after = await signedAt(new Date('2026-03-01T02:00:00Z'), second.signer);
    clock = new Date('2026-03-02T00:00:00Z');

    report = await validatePdfSignatures(before, second.trust, clock);
    expect(report.status).toBe('valid');
    expect(report.signatures[0]!.certificates![1]).toMatchObject({
      subject: CA_NAME,
      revocation: 'good',
      revokedAt: revokedAt.toISOString(),
    });

    report = await validatePdfSignatures(after, second.trust, clock);
    expect(report).toMatchObject({ status: 'invalid', code: 'SIGNATURE_ISSUER_REVOKED' });
    const [sig] = report.signatures;
    expect(sig!.reason).toContain(CA_NAME);
    expect(sig!.reason).toContain(serialHex(second.certificate));
    expect(sig!.checks).toMatchObject({
      revocation: 'revoked',
      revocationSource: 'ocsp',
      revokedAt: revokedAt.toISOString(),
    });
    expect(sig!.certificates!.map((c) => [c.subject, c.revocation])).toEqual([
      [`Người ký của ${CA_NAME}`, 'good'],
      [CA_NAME, 'revoked'],
    ]);

    // The root's OCSP responder down: its CRL (ARL) decides.
    const rootOcspDown: TrustList = {
      ...second.trust,
      ocspFor: (issuer) =>
        issuer.subject.isEqual(trust.trustAnchors[0]!.subject) ? null : second.trust.ocspFor(issuer),
    };
    report = await validatePdfSignatures(after, rootOcspDown, clock);
    expect(report).toMatchObject({ status: 'invalid', code: 'SIGNATURE_ISSUER_REVOKED' });
    expect(report.signatures[0]!.certificates![1]).toMatchObject({ revocation: 'revoked', revocationSource: 'crl' });
    expect((await validatePdfSignatures(before, rootOcspDown, clock)).status).toBe('valid');
  }, 60_000);

  it('the root reachable by neither OCSP nor CRL: indeterminate, naming the CA whose status is unknown', async () => {
    const pdf = await signedAt(new Date('2026-01-11T02:00:00Z'), second.signer);
    const isRoot = (issuer: pkijs.Certificate) => issuer.subject.isEqual(trust.trustAnchors[0]!.subject);
    const rootUnreachable: TrustList = {
      ...second.trust,
      ocspFor: (issuer) => (isRoot(issuer) ? null : second.trust.ocspFor(issuer)),
      crlFor: async (issuer) => (isRoot(issuer) ? null : second.trust.crlFor(issuer)),
    };
    const report = await validatePdfSignatures(pdf, rootUnreachable, clock);
    expect(report).toMatchObject({ status: 'indeterminate', code: 'SIGNATURE_REVOCATION_UNKNOWN' });
    expect(report.reason).toContain(CA_NAME);
    expect(report.signatures[0]!.certificates!.map((c) => c.revocation)).toEqual(['good', 'unknown']);
  }, 60_000);

  it('the demo subordinate CA is itself checked at the root (good)', async () => {
    const pdf = await signedAt(new Date('2026-01-12T02:00:00Z'), await officialSigner(trust));
    const report = await validatePdfSignatures(pdf, trust, clock);
    expect(report.status).toBe('valid');
    expect(report.signatures[0]!.certificates!.map((c) => [c.subject, c.revocation])).toEqual([
      ['Nguyễn Văn Ánh', 'good'],
      ['MotCua Demo Subordinate CA', 'good'],
    ]);
  }, 60_000);
});
