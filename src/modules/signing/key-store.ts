/**
 * Agency seal keys (chữ ký số của cơ quan, tổ chức) behind a key-store adapter. The demo keeps
 * each unit's key and certificate chain in a PKCS#12 file in the key directory; production
 * plugs in an HSM through the same interface (docs/ARCHITECTURE.md "Signing"): a PKCS#11 module
 * whose C_Sign (CKM_SHA256_RSA_PKCS over the DigestInfo, or CKM_RSA_PKCS) signs the digest, the
 * key never leaving the device. Nothing here logs or returns key material.
 */
import { type KeyObject, privateEncrypt, constants as cryptoConstants } from 'node:crypto';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import type { HashSigner } from './cms.js';
import { certificateFromPem, certificatePem, OID, privateKeyFromPem, privateKeyPem } from './pki.js';

/** What the server signs with on an agency's behalf: one HashSigner per unit code. */
export interface SealKeyStore {
  sealSigner(unitCode: string): Promise<HashSigner>;
  /**
   * A new key and certificate for the unit's seal; the old key is retired (kept aside, never used
   * again) and its certificate is not revoked, so documents sealed before keep verifying: each
   * carries its own chain and timestamp. The serials, old (null when none) and new.
   */
  rotate(unitCode: string): Promise<SealRotation>;
  /** Every unit's seal certificate, current and retired (certificates only, never a key). */
  list(): Promise<SealCertificate[]>;
}

export interface SealRotation {
  previousSerial: string | null;
  serial: string;
  validFrom: Date;
  validTo: Date;
}

export interface SealCertificate {
  unitCode: string;
  serial: string;
  /** The certificate's common name. */
  subject: string;
  validFrom: Date;
  validTo: Date;
  /** Replaced by a rotation: kept so that what it sealed can be traced, never used to sign again. */
  retired: boolean;
}

/** RSA PKCS#1 v1.5 over DigestInfo(sha256, digest) — what a PKCS#11 CKM_RSA_PKCS sign would do. */
export function signDigestWithKey(key: KeyObject, digest: Buffer): Buffer {
  const digestInfo = new pkijs.DigestInfo({
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
    digest: new asn1js.OctetString({ valueHex: digest }),
  });
  return privateEncrypt(
    { key, padding: cryptoConstants.RSA_PKCS1_PADDING },
    Buffer.from(digestInfo.toSchema().toBER(false)),
  );
}

export function keySigner(key: KeyObject, chain: pkijs.Certificate[]): HashSigner {
  return { chain: async () => chain, signDigest: async (digest) => signDigestWithKey(key, digest) };
}

export function toPkcs12(key: KeyObject, chain: pkijs.Certificate[], password: string): Buffer {
  const p12 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(privateKeyPem(key)),
    chain.map((c) => forge.pki.certificateFromPem(certificatePem(c))),
    password,
    { algorithm: 'aes256', friendlyName: 'seal' },
  );
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

export function fromPkcs12(data: Buffer, password: string): { key: KeyObject; chain: pkijs.Certificate[] } {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(data.toString('binary')), password);
  const keyType = forge.pki.oids.pkcs8ShroudedKeyBag as string;
  const certType = forge.pki.oids.certBag as string;
  const keyBag = p12.getBags({ bagType: keyType })[keyType]?.[0];
  const certBags: forge.pkcs12.Bag[] = p12.getBags({ bagType: certType })[certType] ?? [];
  if (!keyBag?.key) throw new Error('PKCS#12 without a private key');
  const key = privateKeyFromPem(forge.pki.privateKeyToPem(keyBag.key));
  const certificates: pkijs.Certificate[] = certBags.flatMap((b) =>
    b.cert ? [certificateFromPem(forge.pki.certificateToPem(b.cert))] : [],
  );
  // The bags' order is not guaranteed: the end-entity (the one no other certificate was issued by) first.
  const chain = [...certificates].sort(
    (a, b) =>
      Number(certificates.some((c) => c.issuer.isEqual(a.subject))) -
      Number(certificates.some((c) => c.issuer.isEqual(b.subject))),
  );
  return { key, chain };
}
