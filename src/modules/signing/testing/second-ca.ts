/**
 * Test helper: a second subordinate CA under a test trust's demo root (the root's key read from
 * the test key directory), a signer under it, and the trust list that also reaches that CA's own
 * CRL and OCSP responder (nothing revoked there) — so that revoking this CA at the root touches
 * no other test's signatures.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as pkijs from 'pkijs';
import { keySigner } from '../key-store.js';
import { ocspRespond } from '../ocsp.js';
import { issueCertificate, issueCrl, newKeyPair, privateKeyFromPem } from '../pki.js';
import type { TrustServices } from '../trust-services.js';
import type { TrustList } from '../verify.js';

const VALID_FROM = new Date(Date.UTC(2020, 0, 1));
const VALID_TO = new Date(Date.UTC(2035, 0, 1));

export async function secondSubordinateCa(trust: TrustServices, name: string, now: () => Date) {
  const root = {
    certificate: trust.trustAnchors[0]!,
    privateKey: privateKeyFromPem((await readFile(join(trust.keysDir, 'ca', 'root.key.pem'))).toString()),
  };
  const caKeys = await newKeyPair();
  const certificate = await issueCertificate({
    subject: { commonName: name, organization: 'MotCua (môi trường thử nghiệm)' },
    publicKey: caKeys.publicKey,
    issuer: root,
    profile: 'subordinate',
    notBefore: VALID_FROM,
    notAfter: VALID_TO,
  });
  const ca = { certificate, privateKey: caKeys.privateKey };
  const signerKeys = await newKeyPair();
  const leaf = await issueCertificate({
    subject: { commonName: `Người ký của ${name}`, organization: 'UBND xã Thử Nghiệm' },
    publicKey: signerKeys.publicKey,
    issuer: ca,
    profile: 'signer',
    notBefore: VALID_FROM,
    notAfter: VALID_TO,
  });
  const isThisCa = (issuer: pkijs.Certificate) => issuer.subject.isEqual(certificate.subject);
  const trustList: TrustList = {
    trustAnchors: trust.trustAnchors,
    intermediates: trust.intermediates,
    crlFor: async (issuer) =>
      isThisCa(issuer)
        ? issueCrl({
            issuer: ca,
            revoked: [],
            thisUpdate: now(),
            nextUpdate: new Date(now().getTime() + 24 * 3600_000),
            number: 1,
          })
        : trust.crlFor(issuer),
    ocspFor: (issuer) =>
      isThisCa(issuer)
        ? (request) => ocspRespond(request, { issuer: ca, revoked: [], now: now() })
        : trust.ocspFor(issuer),
  };
  return { certificate, signer: keySigner(signerKeys.privateKey, [leaf, certificate]), trust: trustList };
}
