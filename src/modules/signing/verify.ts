/**
 * Validation of the signatures in a PDF that enters MotCua (ETSI EN 319 102-1, simplified to
 * what a B-T signature carries): for each signature its integrity (the byte ranges' digest and
 * the CMS signature), the time (the RFC 3161 token over the signature value, else now), the
 * chain to the trust list at that time, the signer certificate's revocation (CRL) at that time;
 * and for the document, coverage: bytes after the last signature that no signature covers mean
 * an unsigned change. The answer is a report stored with the file.
 */
import * as pkijs from 'pkijs';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { checkSignerInfo, encapsulatedContent, parseSignedData, sha256, timestampTokenOf } from './cms.js';
import { nameAttribute, OID, serialHex } from './pki.js';
import { SIGNING_ERRORS, type SignatureFailureCode } from './signing.errors.js';
import type { TrustServices } from './trust-services.js';
import { tstInfoOf } from './tsa.js';

export type ValidationStatus = 'valid' | 'invalid' | 'indeterminate';

export interface SignatureValidation {
  field: string | null;
  signer: string | null;
  organization: string | null;
  certificateSerial: string | null;
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

export type TrustList = Pick<TrustServices, 'trustAnchors' | 'intermediates' | 'crlFor'>;

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

/**
 * Whether a path leads from `leaf` through `pool` to a trust anchor, each link checked by its
 * issuer's signature (names alone would let a look-alike hierarchy through): false = unknown root.
 */
async function reachesAnchor(leaf: pkijs.Certificate, pool: pkijs.Certificate[], anchors: pkijs.Certificate[]) {
  let current = leaf;
  for (let depth = 0; depth < 8; depth++) {
    for (const anchor of anchors)
      if (anchor.subject.isEqual(current.issuer) && (await current.verify(anchor).catch(() => false))) return true;
    let next: pkijs.Certificate | undefined;
    for (const candidate of pool)
      if (
        candidate !== current &&
        candidate.subject.isEqual(current.issuer) &&
        (await current.verify(candidate).catch(() => false))
      )
        next = candidate;
    if (!next) return false;
    current = next;
  }
  return false;
}

async function checkChain(
  leaf: pkijs.Certificate,
  carried: pkijs.Certificate[],
  trust: TrustList,
  at: Date,
): Promise<SignatureFailureCode | null> {
  const pool = [...carried, ...trust.intermediates];
  if (!(await reachesAnchor(leaf, pool, trust.trustAnchors))) return 'SIGNATURE_UNTRUSTED_ROOT';
  const engine = new pkijs.CertificateChainValidationEngine({
    trustedCerts: trust.trustAnchors,
    certs: [...pool.filter((c) => c !== leaf), leaf],
    checkDate: at,
  });
  const result = await engine.verify();
  if (result.result) return null;
  return leaf.notBefore.value > at || leaf.notAfter.value < at
    ? 'SIGNATURE_CERTIFICATE_EXPIRED'
    : 'SIGNATURE_CHAIN_INVALID';
}

async function checkRevocation(
  leaf: pkijs.Certificate,
  pool: pkijs.Certificate[],
  trust: TrustList,
  at: Date,
): Promise<SignatureFailureCode | null> {
  const issuer = pool.find((c) => c.subject.isEqual(leaf.issuer));
  const crl = issuer ? await trust.crlFor(issuer) : null;
  if (!issuer || !crl || !(await crl.verify({ issuerCertificate: issuer }))) return 'SIGNATURE_REVOCATION_UNKNOWN';
  const entry = crl.revokedCertificates?.find((r) => r.userCertificate.isEqual(leaf.serialNumber));
  return entry && entry.revocationDate.value <= at ? 'SIGNATURE_CERTIFICATE_REVOKED' : null;
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

async function validateOne(pdf: Buffer, raw: RawSignature, trust: TrustList, now: Date): Promise<SignatureValidation> {
  const [start, firstLength, secondStart, secondLength] = raw.byteRange;
  const result: SignatureValidation = {
    field: raw.field,
    signer: null,
    organization: null,
    certificateSerial: null,
    signedAt: null,
    timestamped: false,
    coversUpTo: secondStart + secondLength,
    status: 'valid',
    code: null,
    reason: null,
  };
  const fail = (code: SignatureFailureCode, status: ValidationStatus = 'invalid') =>
    Object.assign(result, { status, code, reason: reasonOf(code) });
  if (
    raw.byteRange.some((n) => !Number.isInteger(n) || n < 0) ||
    start !== 0 ||
    secondStart <= firstLength ||
    secondStart + secondLength > pdf.length
  )
    return fail('SIGNATURE_MALFORMED');
  let parsed: ReturnType<typeof parseSignedData>;
  try {
    parsed = parseSignedData(raw.contents);
  } catch {
    return fail('SIGNATURE_MALFORMED');
  }
  const { signer, signerInfo, certificates } = parsed;
  if (signer) {
    result.signer = nameAttribute(signer.subject, OID.commonName);
    result.organization = nameAttribute(signer.subject, OID.organization);
    result.certificateSerial = serialHex(signer);
  }
  const content = Buffer.concat([pdf.subarray(0, firstLength), pdf.subarray(secondStart, secondStart + secondLength)]);
  if (!checkSignerInfo(parsed, content).ok || !signer) return fail('SIGNATURE_INTEGRITY_FAILED');
  if (!(await reachesAnchor(signer, [...certificates, ...trust.intermediates], trust.trustAnchors)))
    return fail('SIGNATURE_UNTRUSTED_ROOT');
  const stamped = await timestampTime(signerInfo, trust);
  if (stamped.failure) return fail(stamped.failure);
  const at = stamped.time ?? now;
  result.timestamped = stamped.time !== null;
  result.signedAt = at.toISOString();
  const chain = await checkChain(signer, certificates, trust, at);
  if (chain) return fail(chain);
  const revocation = await checkRevocation(signer, [...certificates, ...trust.intermediates], trust, at);
  if (revocation === 'SIGNATURE_REVOCATION_UNKNOWN') return fail(revocation, 'indeterminate');
  if (revocation) return fail(revocation);
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
