/**
 * Validation of the signatures in a PDF that enters MotCua (ETSI EN 319 102-1, simplified to
 * what a B-T signature carries): for each signature its integrity (the byte ranges' digest and
 * the CMS signature), the time (the RFC 3161 token over the signature value, else now), the
 * chain to the trust list at that time, the revocation at that time of every certificate of the
 * path below the trust anchor — the signer's and each intermediate CA's, each asked of its own
 * issuer (OCSP first, then the CRL: revocation.rules.ts);
 * and for the document, coverage: bytes after the last signature that no signature covers mean
 * an unsigned change. The answer is a report stored with the file.
 */
import * as pkijs from 'pkijs';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { checkSignerInfo, encapsulatedContent, parseSignedData, sha256, timestampTokenOf } from './cms.js';
import { queryOcsp } from './ocsp.js';
import { nameAttribute, OID, serialHex } from './pki.js';
import {
  type CrlOutcome,
  decideChainRevocation,
  decideRevocation,
  type OcspOutcome,
  ocspDecides,
  type RevocationDecision,
} from './revocation.rules.js';
import { SIGNING_ERRORS, type SignatureFailureCode } from './signing.errors.js';
import type { TrustServices } from './trust-services.js';
import { tstInfoOf } from './tsa.js';

export type ValidationStatus = 'valid' | 'invalid' | 'indeterminate';

/** passed / failed, or not reached because an earlier check failed. */
export type CheckResult = 'passed' | 'failed' | 'notChecked';

/** Each check made on one signature, for the report shown to officials and on the public verification page. */
export interface SignatureChecks {
  /** The byte ranges' digest and the CMS signature over them. */
  integrity: CheckResult;
  /** A path to a trust anchor, each link's signature checked. */
  trustChain: CheckResult;
  /** The signer certificate within its validity period at the signing time. */
  certificateValidity: CheckResult;
  /** The RFC 3161 timestamp over the signature value: absent (PAdES-B-B), or its verdict. */
  timestamp: CheckResult | 'absent';
  revocation: 'good' | 'revoked' | 'unknown' | 'notChecked';
  /** Which source decided the revocation (OCSP first, then the CRL: revocation.rules.ts). */
  revocationSource: 'ocsp' | 'crl' | null;
  revokedAt: string | null;
}

/** One certificate of the path below the trust anchor and its revocation at the signing time. */
export interface CertificateRevocation {
  /** Its common name. */
  subject: string | null;
  serial: string;
  revocation: 'good' | 'revoked' | 'unknown';
  revocationSource: 'ocsp' | 'crl' | null;
  /** When its issuer revoked it, also when that was after the signing time (the signature then holds). */
  revokedAt: string | null;
}

export interface SignatureValidation {
  field: string | null;
  signer: string | null;
  organization: string | null;
  certificateSerial: string | null;
  // The details below are in every new report; reports stored before they existed lack them.
  /** official: the competent person's signature; seal: the agency's (by the field MotCua signs into). */
  role?: 'official' | 'seal' | null;
  /** The issuing CA's common name. */
  issuer?: string | null;
  certificateValidFrom?: string | null;
  certificateValidTo?: string | null;
  checks?: SignatureChecks;
  /**
   * The path below the trust anchor, signer first, then each intermediate CA: which certificate
   * is revoked or of unknown status (`checks.revocation` is the path's verdict).
   */
  certificates?: CertificateRevocation[];
  /** The time the signature is judged at: the timestamp's, else the check's. */
  signedAt: string | null;
  timestamped: boolean;
  /** [start, end) of the file this signature covers (its second byte range's end). */
  coversUpTo: number;
  status: ValidationStatus;
  code: SignatureFailureCode | null;
  reason: string | null;
}

export interface ValidationReport {
  status: 'unsigned' | ValidationStatus;
  code: SignatureFailureCode | null;
  reason: string | null;
  checkedAt: string;
  signatures: SignatureValidation[];
}

export type TrustList = Pick<TrustServices, 'trustAnchors' | 'intermediates' | 'crlFor' | 'ocspFor'>;

const reasonOf = (code: SignatureFailureCode) => SIGNING_ERRORS[code].message;

interface RawSignature {
  field: string | null;
  byteRange: [number, number, number, number];
  contents: Uint8Array;
}

function extractSignatures(doc: PDFDocument): RawSignature[] {
  const fieldNames = new Map<PDFDict, string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const v = object.lookupMaybe(PDFName.of('V'), PDFDict);
    const t = object.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString);
    if (v && t) fieldNames.set(v, t.decodeText());
  }
  const found: RawSignature[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const range = object.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
    const contents = object.lookup(PDFName.of('Contents'));
    if (!range || !(contents instanceof PDFHexString || contents instanceof PDFString)) continue;
    const numbers = range.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : Number.NaN));
    found.push({
      field: fieldNames.get(object) ?? null,
      byteRange: numbers as [number, number, number, number],
      contents: contents.asBytes(),
    });
  }
  return found.sort((a, b) => a.byteRange[2] + a.byteRange[3] - (b.byteRange[2] + b.byteRange[3]));
}

interface AnchorPath {
  /** The signer's certificate, then each intermediate CA's. */
  below: pkijs.Certificate[];
  anchor: pkijs.Certificate;
}

/**
 * The path from `leaf` through `pool` to a trust anchor, each link checked by its issuer's
 * signature (names alone would let a look-alike hierarchy through): null = unknown root.
 */
async function pathToAnchor(
  leaf: pkijs.Certificate,
  pool: pkijs.Certificate[],
  anchors: pkijs.Certificate[],
): Promise<AnchorPath | null> {
  const below = [leaf];
  let current = leaf;
  for (let depth = 0; depth < 8; depth++) {
    for (const anchor of anchors)
      if (anchor.subject.isEqual(current.issuer) && (await current.verify(anchor).catch(() => false)))
        return { below, anchor };
    let next: pkijs.Certificate | undefined;
    for (const candidate of pool)
      if (
        candidate !== current &&
        candidate.subject.isEqual(current.issuer) &&
        (await current.verify(candidate).catch(() => false))
      )
        next = candidate;
    if (!next) return null;
    below.push(next);
    current = next;
  }
  return null;
}

async function chainHolds(
  leaf: pkijs.Certificate,
  carried: pkijs.Certificate[],
  trust: TrustList,
  at: Date,
): Promise<boolean> {
  const pool = [...carried, ...trust.intermediates];
  if (!(await pathToAnchor(leaf, pool, trust.trustAnchors))) return false;
  const engine = new pkijs.CertificateChainValidationEngine({
    trustedCerts: trust.trustAnchors,
    certs: [...pool.filter((c) => c !== leaf), leaf],
    checkDate: at,
  });
  return (await engine.verify()).result;
}

const withinValidity = (cert: pkijs.Certificate, at: Date) => cert.notBefore.value <= at && cert.notAfter.value >= at;

async function checkChain(
  leaf: pkijs.Certificate,
  carried: pkijs.Certificate[],
  trust: TrustList,
  at: Date,
): Promise<SignatureFailureCode | null> {
  if (await chainHolds(leaf, carried, trust, at)) return null;
  return withinValidity(leaf, at) ? 'SIGNATURE_CHAIN_INVALID' : 'SIGNATURE_CERTIFICATE_EXPIRED';
}

async function crlOutcome(cert: pkijs.Certificate, issuer: pkijs.Certificate, trust: TrustList): Promise<CrlOutcome> {
  const crl = await trust.crlFor(issuer);
  if (!crl || !(await crl.verify({ issuerCertificate: issuer }).catch(() => false))) return { status: 'unavailable' };
  const entry = crl.revokedCertificates?.find((r) => r.userCertificate.isEqual(cert.serialNumber));
  return entry ? { status: 'listed', revokedAt: entry.revocationDate.value } : { status: 'notListed' };
}

/**
 * One certificate's revocation, asked of its issuer (a CA's of the root: the root's CRL/OCSP):
 * OCSP first, the CRL when OCSP does not decide (revocation.rules.ts); `now` judges an answer's freshness.
 */
async function checkRevocation(
  cert: pkijs.Certificate,
  issuer: pkijs.Certificate,
  trust: TrustList,
  at: Date,
  now: Date,
): Promise<RevocationDecision> {
  const transport = trust.ocspFor(issuer);
  const ocsp: OcspOutcome = transport
    ? await queryOcsp(transport, cert, issuer, trust.trustAnchors, now)
    : { status: 'unavailable', why: 'no responder' };
  if (ocspDecides(ocsp)) return decideRevocation(ocsp, null, at);
  return decideRevocation(ocsp, await crlOutcome(cert, issuer, trust), at);
}

/** The revocation of every certificate below the anchor, each asked of the next one up. */
async function checkPathRevocation(path: AnchorPath, trust: TrustList, at: Date, now: Date) {
  const decisions: RevocationDecision[] = [];
  for (const [i, cert] of path.below.entries())
    decisions.push(await checkRevocation(cert, path.below[i + 1] ?? path.anchor, trust, at, now));
  const certificates: CertificateRevocation[] = path.below.map((cert, i) => ({
    subject: nameAttribute(cert.subject, OID.commonName),
    serial: serialHex(cert),
    revocation: decisions[i]!.status,
    revocationSource: decisions[i]!.source,
    revokedAt: decisions[i]!.revokedAt?.toISOString() ?? null,
  }));
  return { ...decideChainRevocation(decisions), certificates };
}

/** The timestamp's time when its token answers this signature value and verifies, else a failure. */
async function timestampTime(
  signerInfo: pkijs.SignerInfo,
  trust: TrustList,
): Promise<{ time: Date | null; failure: SignatureFailureCode | null }> {
  const token = timestampTokenOf(signerInfo);
  if (!token) return { time: null, failure: null };
  const info = tstInfoOf(token);
  const parsed = (() => {
    try {
      return parseSignedData(new Uint8Array(token.toSchema().toBER(false)));
    } catch {
      return null;
    }
  })();
  const content = parsed ? encapsulatedContent(parsed.signedData) : null;
  const imprint = info ? Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView) : null;
  const signatureDigest = sha256(signerInfo.signature.valueBlock.valueHexView);
  if (!info || !parsed?.signer || !content || !imprint?.equals(signatureDigest))
    return { time: null, failure: 'SIGNATURE_TIMESTAMP_INVALID' };
  if (!checkSignerInfo(parsed, content).ok) return { time: null, failure: 'SIGNATURE_TIMESTAMP_INVALID' };
  const eku = parsed.signer.extensions?.find((e) => e.extnID === OID.extKeyUsage)?.parsedValue as
    | pkijs.ExtKeyUsage
    | undefined;
  if (!eku?.keyPurposes.includes(OID.timeStamping)) return { time: null, failure: 'SIGNATURE_TIMESTAMP_INVALID' };
  const chain = await checkChain(parsed.signer, parsed.certificates, trust, info.genTime);
  if (chain) return { time: null, failure: 'SIGNATURE_TIMESTAMP_INVALID' };
  return { time: info.genTime, failure: null };
}

/** The role of a signature by the field MotCua signs into (signature-boxes.ts, Decree 30/2020 Phụ lục I). */
const roleOf = (field: string | null): SignatureValidation['role'] =>
  field === 'ChuKyCoQuan' ? 'seal' : field === 'ChuKyNguoiCoThamQuyen' ? 'official' : null;

async function validateOne(pdf: Buffer, raw: RawSignature, trust: TrustList, now: Date): Promise<SignatureValidation> {
  const [start, firstLength, secondStart, secondLength] = raw.byteRange;
  const checks: SignatureChecks = {
    integrity: 'notChecked',
    trustChain: 'notChecked',
    certificateValidity: 'notChecked',
    timestamp: 'notChecked',
    revocation: 'notChecked',
    revocationSource: null,
    revokedAt: null,
  };
  const result: SignatureValidation = {
    field: raw.field,
    role: roleOf(raw.field),
    signer: null,
    organization: null,
    issuer: null,
    certificateSerial: null,
    certificateValidFrom: null,
    certificateValidTo: null,
    checks,
    signedAt: null,
    timestamped: false,
    coversUpTo: secondStart + secondLength,
    status: 'valid',
    code: null,
    reason: null,
  };
  /** `about`: the certificate of the path the failure concerns, named in the reason. */
  const fail = (code: SignatureFailureCode, status: ValidationStatus = 'invalid', about?: CertificateRevocation) =>
    Object.assign(result, {
      status,
      code,
      reason: about
        ? `${reasonOf(code)} Chứng thư số: ${about.subject ?? '?'} (số hiệu ${about.serial}).`
        : reasonOf(code),
    });
  if (
    raw.byteRange.some((n) => !Number.isInteger(n) || n < 0) ||
    start !== 0 ||
    secondStart <= firstLength ||
    secondStart + secondLength > pdf.length
  ) {
    checks.integrity = 'failed';
    return fail('SIGNATURE_MALFORMED');
  }
  let parsed: ReturnType<typeof parseSignedData>;
  try {
    parsed = parseSignedData(raw.contents);
  } catch {
    checks.integrity = 'failed';
    return fail('SIGNATURE_MALFORMED');
  }
  const { signer, signerInfo, certificates } = parsed;
  if (signer) {
    result.signer = nameAttribute(signer.subject, OID.commonName);
    result.organization = nameAttribute(signer.subject, OID.organization);
    result.issuer = nameAttribute(signer.issuer, OID.commonName);
    result.certificateSerial = serialHex(signer);
    result.certificateValidFrom = signer.notBefore.value.toISOString();
    result.certificateValidTo = signer.notAfter.value.toISOString();
  }
  const content = Buffer.concat([pdf.subarray(0, firstLength), pdf.subarray(secondStart, secondStart + secondLength)]);
  if (!checkSignerInfo(parsed, content).ok || !signer) {
    checks.integrity = 'failed';
    return fail('SIGNATURE_INTEGRITY_FAILED');
  }
  checks.integrity = 'passed';
  const path = await pathToAnchor(signer, [...certificates, ...trust.intermediates], trust.trustAnchors);
  if (!path) {
    checks.trustChain = 'failed';
    return fail('SIGNATURE_UNTRUSTED_ROOT');
  }
  const stamped = await timestampTime(signerInfo, trust);
  checks.timestamp = stamped.failure ? 'failed' : stamped.time ? 'passed' : 'absent';
  if (stamped.failure) return fail(stamped.failure);
  const at = stamped.time ?? now;
  result.timestamped = stamped.time !== null;
  result.signedAt = at.toISOString();
  checks.certificateValidity = withinValidity(signer, at) ? 'passed' : 'failed';
  const chain = await checkChain(signer, certificates, trust, at);
  checks.trustChain = chain === null || chain === 'SIGNATURE_CERTIFICATE_EXPIRED' ? 'passed' : 'failed';
  if (chain) return fail(chain);
  const { decision, index, certificates: revocations } = await checkPathRevocation(path, trust, at, now);
  result.certificates = revocations;
  Object.assign(checks, {
    revocation: decision.status,
    revocationSource: decision.source,
    revokedAt: decision.revokedAt?.toISOString() ?? null,
  });
  // The signer's own certificate is named by the code; an intermediate CA's by the reason.
  const about = index > 0 ? revocations[index] : undefined;
  if (decision.status === 'unknown') return fail('SIGNATURE_REVOCATION_UNKNOWN', 'indeterminate', about);
  if (decision.status === 'revoked')
    return about ? fail('SIGNATURE_ISSUER_REVOKED', 'invalid', about) : fail('SIGNATURE_CERTIFICATE_REVOKED');
  return result;
}

/** Bytes after `end` that are only line ends (a saved file's final newline) are no change. */
const coversToEnd = (pdf: Buffer, end: number) => /^[\r\n]*$/.test(pdf.subarray(end).toString('latin1'));

export async function validatePdfSignatures(pdf: Buffer, trust: TrustList, now: Date): Promise<ValidationReport> {
  const checkedAt = now.toISOString();
  if (!pdf.includes('/ByteRange')) return { status: 'unsigned', code: null, reason: null, checkedAt, signatures: [] };
  let raws: RawSignature[];
  try {
    raws = extractSignatures(await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: false }));
  } catch {
    const code = 'SIGNATURE_MALFORMED';
    return { status: 'invalid', code, reason: reasonOf(code), checkedAt, signatures: [] };
  }
  if (raws.length === 0) return { status: 'unsigned', code: null, reason: null, checkedAt, signatures: [] };
  const signatures: SignatureValidation[] = [];
  for (const raw of raws) signatures.push(await validateOne(pdf, raw, trust, now));
  const report: ValidationReport = { status: 'valid', code: null, reason: null, checkedAt, signatures };
  const worst = signatures.find((s) => s.status === 'invalid') ?? signatures.find((s) => s.status === 'indeterminate');
  if (worst) Object.assign(report, { status: worst.status, code: worst.code, reason: worst.reason });
  else if (!coversToEnd(pdf, Math.max(...signatures.map((s) => s.coversUpTo)))) {
    const code = 'SIGNATURE_DOCUMENT_MODIFIED';
    Object.assign(report, { status: 'invalid', code, reason: reasonOf(code) });
  }
  return report;
}
