/**
 * OCSP with the demo CA's responder (RFC 6960), through the simulator's HTTP route and in the
 * validator: good, revoked (with its time), unknown for a certificate of another CA; a response
 * not signed by the CA is not believed; when OCSP cannot answer, the CRL decides.
 */
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { keySigner } from './key-store.js';
import { ocspRequestFor, ocspRespond, queryOcsp, readOcspResponse } from './ocsp.js';
import { signPdf } from './pades.js';
import { newKeyPair, serialHex } from './pki.js';
import { officialBox } from './signature-boxes.js';
import { blankPdf, testTrust } from './testing/signed-pdfs.js';
import type { TrustServices } from './trust-services.js';
import { validatePdfSignatures } from './verify.js';

let trust: TrustServices;
let other: TrustServices;
beforeAll(async () => {
  [trust, other] = await Promise.all([testTrust(), testTrust('ocsp-other-ca')]);
}, 60_000);

async function signer(t: TrustServices, name: string) {
  const keys = await newKeyPair();
  const chain = await t.issueSigner({ commonName: name }, keys);
  return { keys, chain, leaf: chain[0]!, issuer: chain[1]! };
}

const sub = () => trust.intermediates[0]!;

describe('OCSP responder of the demo CA', () => {
  it('answers good for a certificate it issued, revoked (with the time) once revoked', async () => {
    const { leaf } = await signer(trust, 'Người ký OCSP');
    let answer = await trust.ocspRespond(await ocspRequestFor(leaf, sub()));
    expect(await readOcspResponse(answer, leaf, sub(), trust.trustAnchors, new Date())).toEqual({ status: 'good' });
    const revokedAt = new Date(Date.now() - 3600_000);
    await trust.revoke(serialHex(leaf), revokedAt);
    answer = await trust.ocspRespond(await ocspRequestFor(leaf, sub()));
    const outcome = await readOcspResponse(answer, leaf, sub(), trust.trustAnchors, new Date());
    expect(outcome.status).toBe('revoked');
    expect((outcome as { revokedAt: Date }).revokedAt.getTime()).toBe(Math.floor(revokedAt.getTime() / 1000) * 1000);
  });

  it('answers unknown for a certificate of another CA; malformed requests get malformedRequest', async () => {
    const { leaf, issuer } = await signer(other, 'Người của CA khác');
    const answer = await trust.ocspRespond(await ocspRequestFor(leaf, issuer));
    // Read as the other CA's responder would be read: the answer is not that CA's, so not believed.
    expect((await readOcspResponse(answer, leaf, issuer, other.trustAnchors, new Date())).status).toBe('unavailable');
    const basic = pkijs.OCSPResponse.fromBER(new Uint8Array(answer));
    expect(basic.responseStatus.valueBlock.valueDec).toBe(0);
    const parsed = pkijs.BasicOCSPResponse.fromBER(
      new Uint8Array(basic.responseBytes!.response.valueBlock.valueHexView),
    );
    expect(parsed.tbsResponseData.responses[0]!.certStatus.idBlock.tagNumber).toBe(2); // unknown
    const malformed = pkijs.OCSPResponse.fromBER(new Uint8Array(await trust.ocspRespond(Buffer.from('nonsense'))));
    expect(malformed.responseStatus.valueBlock.valueDec).toBe(1);
  });

  it('a response signed by a key that is not the CA’s is not believed (falls to unavailable)', async () => {
    const { leaf } = await signer(trust, 'Người ký giả mạo OCSP');
    const impostor = await newKeyPair();
    const forged = await ocspRespond(await ocspRequestFor(leaf, sub()), {
      issuer: { certificate: sub(), privateKey: impostor.privateKey },
      revoked: [],
      now: new Date(),
    });
    expect((await readOcspResponse(forged, leaf, sub(), trust.trustAnchors, new Date())).status).toBe('unavailable');
  });

  it('a stale answer (its nextUpdate passed) is not used', async () => {
    const { leaf } = await signer(trust, 'Người ký cũ');
    const later = new Date(Date.now() + 2 * 3600_000);
    const answer = await trust.ocspRespond(await ocspRequestFor(leaf, sub()));
    expect(await readOcspResponse(answer, leaf, sub(), trust.trustAnchors, later)).toMatchObject({
      status: 'unavailable',
      why: 'stale answer',
    });
  });
});

describe('revocation in the validator: OCSP first, then the CRL', () => {
  async function signedBy(t: TrustServices, name: string) {
    const s = await signer(t, name);
    const when = new Date();
    const pdf = await signPdf(await blankPdf(), keySigner(s.keys.privateKey, s.chain), t.tsa, {
      fieldName: 'ChuKyNguoiCoThamQuyen',
      signerName: name,
      reason: 'Thử',
      location: 'VN',
      signingTime: when,
      box: officialBox({ name, signedAt: when }),
    });
    return { ...s, pdf };
  }

  it('good by OCSP; revoked before signing by OCSP; with OCSP down the CRL decides; neither → indeterminate', async () => {
    const good = await signedBy(trust, 'Người ký hợp lệ');
    let report = await validatePdfSignatures(good.pdf, trust, new Date());
    expect(report.status).toBe('valid');
    expect(report.signatures[0]!.checks).toMatchObject({ revocation: 'good', revocationSource: 'ocsp' });

    const revoked = await signedBy(trust, 'Người bị thu hồi qua OCSP');
    await trust.revoke(serialHex(revoked.leaf), new Date(Date.now() - 60_000));
    // Revoked before the signature's timestamp? The timestamp is now; a revocation a minute ago counts.
    report = await validatePdfSignatures(revoked.pdf, trust, new Date());
    expect(report).toMatchObject({ status: 'invalid', code: 'SIGNATURE_CERTIFICATE_REVOKED' });
    expect(report.signatures[0]!.checks).toMatchObject({ revocation: 'revoked', revocationSource: 'ocsp' });

    const ocspDown = { ...trust, ocspFor: () => async () => null };
    report = await validatePdfSignatures(revoked.pdf, ocspDown, new Date());
    expect(report.signatures[0]!.checks).toMatchObject({ revocation: 'revoked', revocationSource: 'crl' });
    report = await validatePdfSignatures(good.pdf, ocspDown, new Date());
    expect(report.signatures[0]!.checks).toMatchObject({ revocation: 'good', revocationSource: 'crl' });

    const nothing = { ...ocspDown, crlFor: async () => null };
    report = await validatePdfSignatures(good.pdf, nothing, new Date());
    expect(report).toMatchObject({ status: 'indeterminate', code: 'SIGNATURE_REVOCATION_UNKNOWN' });
    expect(report.signatures[0]!.checks).toMatchObject({ revocation: 'unknown', revocationSource: null });
  }, 60_000);

  it('the report names each check: integrity, chain, validity, timestamp, revocation', async () => {
    const { pdf } = await signedBy(trust, 'Người ký chi tiết');
    const [sig] = (await validatePdfSignatures(pdf, trust, new Date())).signatures;
    expect(sig).toMatchObject({
      role: 'official',
      signer: 'Người ký chi tiết',
      issuer: 'MotCua Demo Subordinate CA',
      checks: {
        integrity: 'passed',
        trustChain: 'passed',
        certificateValidity: 'passed',
        timestamp: 'passed',
        revocation: 'good',
        revocationSource: 'ocsp',
        revokedAt: null,
      },
    });
    expect(Date.parse(sig!.certificateValidTo!)).toBeGreaterThan(Date.now());
  });

  it('queryOcsp: a transport that throws is "unavailable", not an error', async () => {
    const { leaf } = await signer(trust, 'Người ký mạng lỗi');
    const outcome = await queryOcsp(
      async () => {
        throw new Error('ECONNREFUSED');
      },
      leaf,
      sub(),
      trust.trustAnchors,
      new Date(),
    );
    expect(outcome).toEqual({ status: 'unavailable', why: 'ECONNREFUSED' });
  });
});
