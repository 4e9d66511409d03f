/**
 * OCSP (RFC 6960) over pkijs/asn1js: the request a relying party sends for one certificate, the
 * demo CA's responder (answers signed by the issuing CA itself, §4.2.2.2, with its certificate
 * attached; the request's nonce echoed, RFC 8954), and the reading of an answer into an
 * OcspOutcome for revocation.rules.ts — the signature and the responder's authority checked by
 * pkijs, the answer matched to the certificate's CertID, a stale answer (nextUpdate passed) refused.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytes, cryptoKey, OID, type Revocation } from './pki.js';
import type { OcspOutcome } from './revocation.rules.js';

/** Sends a DER OCSPRequest to a responder; the DER OCSPResponse, or null when none could be had. */
export type OcspTransport = (request: Buffer) => Promise<Buffer | null>;

const SHA1 = '1.3.14.3.2.26';
const HASHES: Record<string, string> = { [SHA1]: 'sha1', [OID.sha256]: 'sha256' };
const NONCE = '1.3.6.1.5.5.7.48.1.2';
/** OCSPResponseStatus (RFC 6960 §4.2.1). */
const STATUS = { successful: 0, malformedRequest: 1, internalError: 2, unauthorized: 6 } as const;

export async function ocspRequestFor(leaf: pkijs.Certificate, issuer: pkijs.Certificate): Promise<Buffer> {
  const request = new pkijs.OCSPRequest();
  await request.createForCertificate(leaf, { hashAlgorithm: 'SHA-256', issuerCertificate: issuer });
  const nonce = new asn1js.OctetString({
    valueHex: bytes(createHash('sha256').update(String(Math.random())).digest()),
  });
  request.tbsRequest.requestExtensions = [
    new pkijs.Extension({ extnID: NONCE, critical: false, extnValue: nonce.toBER(false) }),
  ];
  return Buffer.from(request.toSchema(true).toBER(false));
}

interface Issuer {
  certificate: pkijs.Certificate;
  privateKey: import('node:crypto').KeyObject;
}

const statusOnly = (status: number) =>
  Buffer.from(
    new pkijs.OCSPResponse({ responseStatus: new asn1js.Enumerated({ value: status }) }).toSchema().toBER(false),
  );

/** Whether a CertID names a certificate of `issuer` (its name and key hashed with the CertID's algorithm). */
function issuedBy(certID: pkijs.CertID, issuer: pkijs.Certificate): boolean {
  const algorithm = HASHES[certID.hashAlgorithm.algorithmId];
  if (!algorithm) return false;
  const hash = (data: ArrayBuffer | Uint8Array) => createHash(algorithm).update(new Uint8Array(data)).digest();
  const nameHash = hash(issuer.subject.toSchema().toBER(false));
  const keyHash = hash(issuer.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
  return (
    nameHash.equals(Buffer.from(certID.issuerNameHash.valueBlock.valueHexView)) &&
    keyHash.equals(Buffer.from(certID.issuerKeyHash.valueBlock.valueHexView))
  );
}

/**
 * The responder of one issuing CA: for each certificate asked about, good, revoked (with its
 * time) or unknown (not this CA's), signed by the CA; a request that does not parse → malformedRequest.
 */
export async function ocspRespond(
  requestDer: Buffer,
  ca: { issuer: Issuer; revoked: readonly Revocation[]; now: Date; validityHours?: number },
): Promise<Buffer> {
  let request: pkijs.OCSPRequest;
  try {
    request = pkijs.OCSPRequest.fromBER(bytes(requestDer));
  } catch {
    return statusOnly(STATUS.malformedRequest);
  }
  const list = request.tbsRequest.requestList;
  if (list.length === 0 || list.length > 20) return statusOnly(STATUS.malformedRequest);
  // GeneralizedTime in whole seconds (RFC 5280 §4.1.2.5.2, which RFC 6960 follows).
  const seconds = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);
  const now = seconds(ca.now);
  const basic = new pkijs.BasicOCSPResponse();
  basic.tbsResponseData.responderID = ca.issuer.certificate.subject;
  basic.tbsResponseData.producedAt = now;
  const nextUpdate = new Date(now.getTime() + (ca.validityHours ?? 1) * 3600_000);
  for (const { reqCert } of list) {
    const serial = Buffer.from(reqCert.serialNumber.valueBlock.valueHexView).toString('hex');
    const revoked = ca.revoked.find((r) => r.serialHex === serial);
    const certStatus = !issuedBy(reqCert, ca.issuer.certificate)
      ? new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 2 } }) // unknown
      : revoked && revoked.revokedAt <= ca.now
        ? new asn1js.Constructed({
            idBlock: { tagClass: 3, tagNumber: 1 },
            value: [new asn1js.GeneralizedTime({ valueDate: seconds(revoked.revokedAt) })],
          })
        : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } }); // good
    basic.tbsResponseData.responses.push(
      new pkijs.SingleResponse({ certID: reqCert, certStatus, thisUpdate: now, nextUpdate }),
    );
  }
  const nonce = request.tbsRequest.requestExtensions?.find((e) => e.extnID === NONCE);
  if (nonce) basic.tbsResponseData.responseExtensions = [nonce];
  basic.certs = [ca.issuer.certificate];
  await basic.sign(await cryptoKey(ca.issuer.privateKey), 'SHA-256');
  return Buffer.from(
    new pkijs.OCSPResponse({
      responseStatus: new asn1js.Enumerated({ value: STATUS.successful }),
      responseBytes: new pkijs.ResponseBytes({
        responseType: OID.ocspBasic,
        response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }),
      }),
    })
      .toSchema()
      .toBER(false),
  );
}

/** What an OCSP answer says of `leaf`, its signature and the responder's authority checked. */
export async function readOcspResponse(
  der: Buffer,
  leaf: pkijs.Certificate,
  issuer: pkijs.Certificate,
  trustAnchors: pkijs.Certificate[],
  now: Date,
): Promise<OcspOutcome> {
  let basic: pkijs.BasicOCSPResponse;
  try {
    const response = pkijs.OCSPResponse.fromBER(bytes(der));
    const status = response.responseStatus.valueBlock.valueDec;
    if (status !== STATUS.successful) return { status: 'unavailable', why: `responseStatus ${status}` };
    if (response.responseBytes?.responseType !== OID.ocspBasic)
      return { status: 'unavailable', why: 'not a basic OCSP response' };
    basic = pkijs.BasicOCSPResponse.fromBER(bytes(response.responseBytes.response.valueBlock.valueHexView));
  } catch {
    return { status: 'unavailable', why: 'malformed response' };
  }
  const verified = await basic.verify({ trustedCerts: trustAnchors, issuerCerts: [issuer] }).catch(() => false);
  if (!verified) return { status: 'unavailable', why: 'signature or responder not authorised' };
  const single = basic.tbsResponseData.responses.find(
    (r) => r.certID.serialNumber.isEqual(leaf.serialNumber) && issuedBy(r.certID, issuer),
  );
  if (!single) return { status: 'unavailable', why: 'no answer for this certificate' };
  if (single.nextUpdate && single.nextUpdate < now) return { status: 'unavailable', why: 'stale answer' };
  const status = single.certStatus as asn1js.AsnType & {
    idBlock: { tagNumber: number; isConstructed: boolean };
    valueBlock: { value?: asn1js.AsnType[] };
  };
  if (status.idBlock.tagNumber === 0) return { status: 'good' };
  if (status.idBlock.tagNumber === 1) {
    const time = status.valueBlock.value?.[0];
    if (!(time instanceof asn1js.GeneralizedTime)) return { status: 'unavailable', why: 'revoked without a time' };
    return { status: 'revoked', revokedAt: time.toDate() };
  }
  return { status: 'unknown' };
}

/** Asks a responder about `leaf` and reads the answer; any failure on the way is "unavailable". */
export async function queryOcsp(
  transport: OcspTransport,
  leaf: pkijs.Certificate,
  issuer: pkijs.Certificate,
  trustAnchors: pkijs.Certificate[],
  now: Date,
): Promise<OcspOutcome> {
  try {
    const answer = await transport(await ocspRequestFor(leaf, issuer));
    if (!answer) return { status: 'unavailable', why: 'no answer' };
    return await readOcspResponse(answer, leaf, issuer, trustAnchors, now);
  } catch (error) {
    return { status: 'unavailable', why: (error as Error).message };
  }
}

/** An OCSP transport over HTTP POST (RFC 6960 Appendix A.1), for a CA's real responder. */
export function httpOcspTransport(url: string, timeoutMs = 5000): OcspTransport {
  return async (request) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' },
      body: new Uint8Array(request),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return null;
    return Buffer.from(await response.arrayBuffer());
  };
}
