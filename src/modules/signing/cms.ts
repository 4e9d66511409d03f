/**
 * CMS SignedData (RFC 5652) as CAdES/PAdES baseline needs it (ETSI EN 319 122-1 / 319 142-1):
 * signed attributes content-type, message-digest and signing-certificate-v2 (RFC 5035), no
 * signing-time (PAdES takes the claimed time from the signature dictionary's /M), and the
 * RFC 3161 signature-time-stamp as an unsigned attribute (level B-T). Built in two halves so a
 * remote signer can sign only a hash: `signedAttributes` → hash → signature → `assembleSignedData`.
 */
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytes, certificateDer, OID, publicKeyOf } from './pki.js';

const sha256Algorithm = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });
export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();

/** Anything that signs a SHA-256 digest with the private key of `chain[0]` (RSA PKCS#1 v1.5). */
export interface HashSigner {
  /** The signer's certificate first, then its issuers (not the root). */
  chain(): Promise<pkijs.Certificate[]>;
  signDigest(digest: Buffer): Promise<Buffer>;
}

/** ESS signing-certificate-v2: binds the signer's certificate (hash, issuer, serial) to the signature. */
function signingCertificateV2(cert: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new pkijs.IssuerSerial({
    issuer: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })] }),
    serialNumber: cert.serialNumber,
  });
  const essCertIdV2 = new asn1js.Sequence({
    // hashAlgorithm omitted: its DEFAULT is id-sha256.
    value: [new asn1js.OctetString({ valueHex: sha256(certificateDer(cert)) }), issuerSerial.toSchema()],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

export function signedAttributes(contentType: string, digest: Buffer, signer: pkijs.Certificate): pkijs.Attribute[] {
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: contentType })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(signer)] }),
  ];
  // DER orders a SET OF by the encodings of its elements.
  const encoded = (a: pkijs.Attribute) => Buffer.from(a.toSchema().toBER(false));
  return attributes.sort((a, b) => Buffer.compare(encoded(a), encoded(b)));
}

/** The DER bytes the signature is computed over: the signed attributes as a SET (RFC 5652 §5.4). */
export function signedAttributesDer(attributes: readonly pkijs.Attribute[]): Buffer {
  return Buffer.from(new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }).toBER(false));
}

export interface AssembleInput {
  contentType: string;
  /** Attached content (a timestamp token's TSTInfo); absent for a detached signature. */
  content?: Buffer;
  attributes: pkijs.Attribute[];
  signature: Buffer;
  chain: pkijs.Certificate[];
  /** A timestamp token over the signature value (ContentInfo), added as an unsigned attribute. */
  timestampToken?: pkijs.ContentInfo;
}

export function assembleSignedData(input: AssembleInput): Buffer {
  const signer = input.chain[0]!;
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
    digestAlgorithm: sha256Algorithm(),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: input.attributes }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID.sha256WithRSA,
      algorithmParams: new asn1js.Null(),
    }),
    signature: new asn1js.OctetString({ valueHex: input.signature }),
  });
  if (input.timestampToken)
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [
        new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [input.timestampToken.toSchema()] }),
      ],
    });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Algorithm()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: input.contentType,
      ...(input.content ? { eContent: new asn1js.OctetString({ valueHex: input.content }) } : {}),
    }),
    certificates: input.chain,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER(false));
}

/** Signs `contentDigest` with a HashSigner and returns the SignedData and its signature value. */
export async function signDigest(
  signer: HashSigner,
  contentType: string,
  contentDigest: Buffer,
): Promise<{ chain: pkijs.Certificate[]; attributes: pkijs.Attribute[]; signature: Buffer }> {
  const chain = await signer.chain();
  const attributes = signedAttributes(contentType, contentDigest, chain[0]!);
  const signature = await signer.signDigest(sha256(signedAttributesDer(attributes)));
  return { chain, attributes, signature };
}

export interface ParsedSignature {
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  signer: pkijs.Certificate | null;
  certificates: pkijs.Certificate[];
}

export function parseSignedData(der: Uint8Array): ParsedSignature {
  const contentInfo = pkijs.ContentInfo.fromBER(bytes(der));
  if (contentInfo.contentType !== OID.signedData) throw new Error('not a SignedData');
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) throw new Error('no SignerInfo');
  const certificates = (signedData.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const sid = signerInfo.sid;
  const signer =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? (certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null)
      : null;
  return { signedData, signerInfo, signer, certificates };
}

const attributeValue = (attributes: pkijs.SignedAndUnsignedAttributes | undefined, type: string) =>
  attributes?.attributes.find((a) => a.type === type)?.values[0];

export type CmsCheck = { ok: true } | { ok: false; why: 'no-signer' | 'digest' | 'signature' | 'attributes' };

/**
 * Cryptographic integrity of one SignerInfo: the message-digest attribute equals the digest of
 * `content`, and the signature over the signed attributes verifies with the signer's key.
 */
export function checkSignerInfo(parsed: ParsedSignature, content: Uint8Array): CmsCheck {
  const { signerInfo, signer } = parsed;
  if (!signer) return { ok: false, why: 'no-signer' };
  if (!signerInfo.signedAttrs) return { ok: false, why: 'attributes' };
  if (signerInfo.digestAlgorithm.algorithmId !== OID.sha256) return { ok: false, why: 'attributes' };
  const messageDigest = attributeValue(signerInfo.signedAttrs, OID.messageDigest) as asn1js.OctetString | undefined;
  if (!messageDigest || !Buffer.from(messageDigest.valueBlock.valueHexView).equals(sha256(content)))
    return { ok: false, why: 'digest' };
  const signed = Buffer.from(signerInfo.signedAttrs.encodedValue);
  signed[0] = 0x31; // the [0] IMPLICIT tag is signed as a SET (RFC 5652 §5.4)
  const ok = verifySignature(
    'sha256',
    signed,
    createPublicKey(publicKeyOf(signer).export({ type: 'spki', format: 'pem' })),
    Buffer.from(signerInfo.signature.valueBlock.valueHexView),
  );
  return ok ? { ok: true } : { ok: false, why: 'signature' };
}

/** The eContent of an attached SignedData (a timestamp token's TSTInfo). */
export function encapsulatedContent(signedData: pkijs.SignedData): Buffer | null {
  const e = signedData.encapContentInfo.eContent;
  return e ? Buffer.from(e.getValue()) : null;
}

export function timestampTokenOf(signerInfo: pkijs.SignerInfo): pkijs.ContentInfo | null {
  const value = attributeValue(signerInfo.unsignedAttrs, OID.signatureTimeStampToken);
  return value ? new pkijs.ContentInfo({ schema: value }) : null;
}
