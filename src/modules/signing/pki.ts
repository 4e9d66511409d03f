/**
 * X.509 building blocks over pkijs/asn1js (no hand-rolled DER): RSA keys, certificates with the
 * extensions a CA hierarchy needs, CRLs, and the conversions between pkijs objects, Node key
 * objects and PEM. Used by the demo CA (ca.ts), the timestamp authority and the verifier.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  type KeyObject,
  randomBytes,
  webcrypto,
} from 'node:crypto';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

// Node's WebCrypto under the Web's type (the build has no DOM library, so the type is named
// through pkijs' own parameter rather than the DOM's global `Crypto`).
type EngineCrypto = ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'];
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as EngineCrypto }));

export const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  country: '2.5.4.6',
  locality: '2.5.4.7',
  /** Vietnamese CAs put the personal identifier (CCCD) or tax code in UID (0.9.2342.19200300.100.1.1). */
  uid: '0.9.2342.19200300.100.1.1',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  crlDistributionPoints: '2.5.29.31',
  crlNumber: '2.5.29.20',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  rsaEncryption: '1.2.840.113549.1.1.1',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  /** id-pkix-ocsp-basic (RFC 6960 §4.2.1). */
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  ocspAccess: '1.3.6.1.5.5.7.48.1',
} as const;

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export async function newKeyPair(): Promise<KeyPair> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return { privateKey, publicKey };
}

export const privateKeyPem = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();
export const privateKeyFromPem = (pem: string) => createPrivateKey(pem);

export async function cryptoKey(key: KeyObject): Promise<webcrypto.CryptoKey> {
  const der = key.export({ type: 'pkcs8', format: 'der' });
  return webcrypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
}

/** A copy backed by a plain ArrayBuffer (what pkijs' BufferSource parameters accept). */
export const bytes = (data: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(data);

export function certificateFromDer(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(bytes(der));
}

export const certificateDer = (cert: pkijs.Certificate) => Buffer.from(cert.toSchema(true).toBER(false));

export function certificatePem(cert: pkijs.Certificate): string {
  const b64 = certificateDer(cert).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${b64.replace(/(.{64})/g, '$1\n').trimEnd()}\n-----END CERTIFICATE-----\n`;
}

export function certificateFromPem(pem: string): pkijs.Certificate {
  const b64 = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return certificateFromDer(Buffer.from(b64, 'base64'));
}

/** The certificates of a PEM bundle (a chain), in order. */
export function certificatesFromPem(bundle: string): pkijs.Certificate[] {
  return bundle
    .split(/(?=-----BEGIN CERTIFICATE-----)/)
    .filter((pem) => pem.includes('BEGIN'))
    .map(certificateFromPem);
}

export function publicKeyOf(cert: pkijs.Certificate): KeyObject {
  return createPublicKey({
    key: Buffer.from(cert.subjectPublicKeyInfo.toSchema().toBER(false)),
    format: 'der',
    type: 'spki',
  });
}

export type NameParts = Partial<
  Record<'commonName' | 'organization' | 'organizationalUnit' | 'locality' | 'uid', string>
>;

export function buildName(parts: NameParts): pkijs.RelativeDistinguishedNames {
  const name = new pkijs.RelativeDistinguishedNames();
  name.typesAndValues.push(
    new pkijs.AttributeTypeAndValue({ type: OID.country, value: new asn1js.PrintableString({ value: 'VN' }) }),
  );
  for (const key of ['locality', 'organization', 'organizationalUnit', 'uid', 'commonName'] as const) {
    const value = parts[key];
    if (value)
      name.typesAndValues.push(
        new pkijs.AttributeTypeAndValue({ type: OID[key], value: new asn1js.Utf8String({ value }) }),
      );
  }
  return name;
}

/** The value of one attribute of a name (e.g. its common name), or null. */
export function nameAttribute(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const found = name.typesAndValues.find((tv) => tv.type === oid);
  return found ? String(found.value.valueBlock.value) : null;
}

export const serialHex = (cert: pkijs.Certificate) =>
  Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex');

export type CertificateProfile = 'root' | 'subordinate' | 'signer' | 'timestamping';

export interface IssueInput {
  subject: NameParts;
  publicKey: KeyObject;
  profile: CertificateProfile;
  notBefore: Date;
  notAfter: Date;
  /** Absent for a self-signed root. */
  issuer?: { certificate: pkijs.Certificate; privateKey: KeyObject };
  selfKey?: KeyObject;
  /** Where relying parties fetch the issuer's CRL. */
  crlUrl?: string;
  /** The issuer's OCSP responder (authorityInfoAccess, RFC 5280 §4.2.2.1). */
  ocspUrl?: string;
}

const bitString = (byte: number, unusedBits: number) =>
  new asn1js.BitString({ valueHex: new Uint8Array([byte]).buffer, unusedBits });

function extension(extnID: string, critical: boolean, value: asn1js.AsnType | pkijs.PkiObject) {
  const schema = value instanceof pkijs.PkiObject ? value.toSchema() : value;
  return new pkijs.Extension({ extnID, critical, extnValue: schema.toBER(false) });
}

async function keyIdentifier(spki: pkijs.PublicKeyInfo): Promise<ArrayBuffer> {
  return webcrypto.subtle.digest('SHA-1', spki.subjectPublicKey.valueBlock.valueHexView);
}

/** Issues (signs) one certificate with the profile's basic constraints, key usage and identifiers. */
export async function issueCertificate(input: IssueInput): Promise<pkijs.Certificate> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x10;
  cert.serialNumber = new asn1js.Integer({ valueHex: serial });
  cert.subject = buildName(input.subject);
  cert.issuer = input.issuer ? input.issuer.certificate.subject : cert.subject;
  cert.notBefore.value = input.notBefore;
  cert.notAfter.value = input.notAfter;
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(input.publicKey.export({ type: 'spki', format: 'der' }));
  const isCa = input.profile === 'root' || input.profile === 'subordinate';
  const extensions = [
    extension(
      OID.basicConstraints,
      true,
      new pkijs.BasicConstraints(
        isCa ? { cA: true, ...(input.profile === 'subordinate' ? { pathLenConstraint: 0 } : {}) } : {},
      ),
    ),
    // CA: keyCertSign | cRLSign; signer: digitalSignature | nonRepudiation; TSA: digitalSignature.
    extension(
      OID.keyUsage,
      true,
      isCa ? bitString(0x06, 1) : input.profile === 'signer' ? bitString(0xc0, 6) : bitString(0x80, 7),
    ),
    extension(
      OID.subjectKeyIdentifier,
      false,
      new asn1js.OctetString({ valueHex: await keyIdentifier(cert.subjectPublicKeyInfo) }),
    ),
  ];
  if (input.profile === 'timestamping')
    extensions.push(extension(OID.extKeyUsage, true, new pkijs.ExtKeyUsage({ keyPurposes: [OID.timeStamping] })));
  if (input.issuer) {
    const aki = new pkijs.AuthorityKeyIdentifier({
      keyIdentifier: new asn1js.OctetString({
        valueHex: await keyIdentifier(input.issuer.certificate.subjectPublicKeyInfo),
      }),
    });
    extensions.push(extension(OID.authorityKeyIdentifier, false, aki));
  }
  if (input.crlUrl) {
    const points = new pkijs.CRLDistributionPoints({
      distributionPoints: [
        new pkijs.DistributionPoint({
          distributionPoint: [new pkijs.GeneralName({ type: 6, value: input.crlUrl })],
        }),
      ],
    });
    extensions.push(extension(OID.crlDistributionPoints, false, points));
  }
  if (input.ocspUrl) {
    const access = new pkijs.InfoAccess({
      accessDescriptions: [
        new pkijs.AccessDescription({
          accessMethod: OID.ocspAccess,
          accessLocation: new pkijs.GeneralName({ type: 6, value: input.ocspUrl }),
        }),
      ],
    });
    extensions.push(extension(OID.authorityInfoAccess, false, access));
  }
  cert.extensions = extensions;
  const signingKey = input.issuer?.privateKey ?? input.selfKey;
  if (!signingKey) throw new Error('issueCertificate: a root needs selfKey');
  await cert.sign(await cryptoKey(signingKey), 'SHA-256');
  return cert;
}

export interface Revocation {
  serialHex: string;
  revokedAt: Date;
}

/** A CRL (RFC 5280 §5) of the issuer's revoked certificates, valid until `nextUpdate`. */
export async function issueCrl(input: {
  issuer: { certificate: pkijs.Certificate; privateKey: KeyObject };
  revoked: readonly Revocation[];
  thisUpdate: Date;
  nextUpdate: Date;
  number: number;
}): Promise<pkijs.CertificateRevocationList> {
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = input.issuer.certificate.subject;
  crl.thisUpdate = new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: input.thisUpdate });
  crl.nextUpdate = new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: input.nextUpdate });
  if (input.revoked.length > 0)
    crl.revokedCertificates = input.revoked.map(
      (r) =>
        new pkijs.RevokedCertificate({
          userCertificate: new asn1js.Integer({ valueHex: Buffer.from(r.serialHex, 'hex') }),
          revocationDate: new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: r.revokedAt }),
        }),
    );
  crl.crlExtensions = new pkijs.Extensions({
    extensions: [extension(OID.crlNumber, false, new asn1js.Integer({ value: input.number }))],
  });
  await crl.sign(await cryptoKey(input.issuer.privateKey), 'SHA-256');
  return crl;
}

export const crlDer = (crl: pkijs.CertificateRevocationList) => Buffer.from(crl.toSchema(true).toBER(false));
export const crlFromDer = (der: Uint8Array) => pkijs.CertificateRevocationList.fromBER(bytes(der));

/** Whether `name` and `other` are the same distinguished name. */
export const sameName = (a: pkijs.RelativeDistinguishedNames, b: pkijs.RelativeDistinguishedNames) => a.isEqual(b);
