/**
 * The demo trust services, in process: a root CA standing in for the national root (Root CA
 * Chính phủ / Bộ TT&TT's root under Decree 23/2025), a subordinate CA issuing officials' and
 * agencies' certificates, its CRL and OCSP responder, and an RFC 3161 timestamp authority. Generated on first start
 * into the key directory (key-files.ts), never committed, never in the database. Production
 * replaces each part (docs/ARCHITECTURE.md "Signing"): the trust list becomes the national
 * root certificates, revocation comes from the CAs' CRL/OCSP, the TSA is a licensed one.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type * as pkijs from 'pkijs';
import type { HashSigner } from './cms.js';
import { rename } from 'node:fs/promises';
import { createDirOnce, createOnce, ensurePrivateDir, readIfExists, replaceFile } from './key-files.js';
import { fromPkcs12, keySigner, type SealKeyStore, toPkcs12 } from './key-store.js';
import {
  certificateFromPem,
  certificatePem,
  crlDer,
  issueCertificate,
  issueCrl,
  type KeyPair,
  type NameParts,
  newKeyPair,
  privateKeyFromPem,
  privateKeyPem,
  type Revocation,
  serialHex,
} from './pki.js';
import { type OcspTransport, ocspRespond } from './ocsp.js';
import { type TimestampAuthority, timestampAuthority } from './tsa.js';

/** The demo hierarchy is valid from 2020 so that tests pinned to past dates still sign. */
const DEMO_VALID_FROM = new Date(Date.UTC(2020, 0, 1));
const years = (n: number) => new Date(Date.UTC(2020 + n, 0, 1));
const CRL_HOURS = 24;

interface Issuer {
  certificate: pkijs.Certificate;
  privateKey: import('node:crypto').KeyObject;
}

export interface TrustServices {
  /** The trust anchors signatures must chain to (the demo root; production: the national roots). */
  trustAnchors: pkijs.Certificate[];
  /** Intermediate CA certificates known besides those a signature carries. */
  intermediates: pkijs.Certificate[];
  tsa: TimestampAuthority;
  seals: SealKeyStore;
  /** The current CRL of an issuer (signed), or null when this trust list has none for it. */
  crlFor(issuer: pkijs.Certificate): Promise<pkijs.CertificateRevocationList | null>;
  /** The sub CA's CRL as DER, for /sim/ca/sub.crl. */
  subordinateCrl(): Promise<Buffer>;
  /**
   * How to reach the OCSP responder of an issuer (in process here; production: HTTP POST to the
   * URL in the certificate's authorityInfoAccess), or null when there is none: the CRL then decides.
   */
  ocspFor(issuer: pkijs.Certificate): OcspTransport | null;
  /** The sub CA's OCSP responder (RFC 6960): a DER OCSPRequest in, a DER OCSPResponse out (/sim/ca/ocsp). */
  ocspRespond(request: Buffer): Promise<Buffer>;
  /** Issues an end-entity signing certificate under the sub CA (the remote-signing simulator's officials). */
  issueSigner(subject: NameParts, keys: KeyPair): Promise<pkijs.Certificate[]>;
  /** Records a revocation in the sub CA's register (the next CRL lists it). */
  revoke(serial: string, at: Date): Promise<void>;
  keysDir: string;
}

async function loadOrCreateCa(
  dir: string,
  crlUrl: string | undefined,
): Promise<{ root: Issuer; sub: Issuer; tsa: Issuer }> {
  await createDirOnce(dir, async (aside) => {
    const rootKeys = await newKeyPair();
    const root = await issueCertificate({
      subject: {
        commonName: 'MotCua Demo Root CA (thay cho Root CA quốc gia)',
        organization: 'MotCua (môi trường thử nghiệm)',
      },
      publicKey: rootKeys.publicKey,
      selfKey: rootKeys.privateKey,
      profile: 'root',
      notBefore: DEMO_VALID_FROM,
      notAfter: years(25),
    });
    const subKeys = await newKeyPair();
    const rootIssuer = { certificate: root, privateKey: rootKeys.privateKey };
    const sub = await issueCertificate({
      subject: { commonName: 'MotCua Demo Subordinate CA', organization: 'MotCua (môi trường thử nghiệm)' },
      publicKey: subKeys.publicKey,
      issuer: rootIssuer,
      profile: 'subordinate',
      notBefore: DEMO_VALID_FROM,
      notAfter: years(20),
    });
    const tsaKeys = await newKeyPair();
    const tsa = await issueCertificate({
      subject: { commonName: 'MotCua Demo TSA', organization: 'MotCua (môi trường thử nghiệm)' },
      publicKey: tsaKeys.publicKey,
      issuer: { certificate: sub, privateKey: subKeys.privateKey },
      profile: 'timestamping',
      notBefore: DEMO_VALID_FROM,
      notAfter: years(15),
      ...(crlUrl ? { crlUrl } : {}),
    });
    for (const [name, cert, keys] of [
      ['root', root, rootKeys],
      ['sub', sub, subKeys],
      ['tsa', tsa, tsaKeys],
    ] as const) {
      await createOnce(join(aside, `${name}.crt.pem`), certificatePem(cert));
      await createOnce(join(aside, `${name}.key.pem`), privateKeyPem(keys.privateKey));
    }
  });
  const load = async (name: string): Promise<Issuer> => ({
    certificate: certificateFromPem((await readIfExists(join(dir, `${name}.crt.pem`)))!.toString()),
    privateKey: privateKeyFromPem((await readIfExists(join(dir, `${name}.key.pem`)))!.toString()),
  });
  return { root: await load('root'), sub: await load('sub'), tsa: await load('tsa') };
}

export interface TrustServicesOptions {
  keysDir: string;
  /** Base URL that certificates name for the CRL (PUBLIC_URL); absent → no distribution point. */
  publicUrl?: string | undefined;
  now?: () => Date;
}

export async function openTrustServices(options: TrustServicesOptions): Promise<TrustServices> {
  const now = options.now ?? (() => new Date());
  const caDir = join(options.keysDir, 'ca');
  const crlUrl = options.publicUrl ? new URL('/sim/ca/sub.crl', options.publicUrl).toString() : undefined;
  const ocspUrl = options.publicUrl ? new URL('/sim/ca/ocsp', options.publicUrl).toString() : undefined;
  const { root, sub, tsa } = await loadOrCreateCa(caDir, crlUrl);
  const revokedPath = join(caDir, 'revoked.json');
  const readRevoked = async (): Promise<Revocation[]> => {
    const raw = await readIfExists(revokedPath);
    const list = raw ? (JSON.parse(raw.toString()) as { serialHex: string; revokedAt: string }[]) : [];
    return list.map((r) => ({ serialHex: r.serialHex, revokedAt: new Date(r.revokedAt) }));
  };
  let cached: { key: string; crl: pkijs.CertificateRevocationList; until: number } | null = null;
  const currentCrl = async () => {
    const revoked = await readRevoked();
    const key = JSON.stringify(revoked);
    const at = now();
    if (cached && cached.key === key && cached.until > at.getTime()) return cached.crl;
    const crl = await issueCrl({
      issuer: sub,
      revoked,
      thisUpdate: at,
      nextUpdate: new Date(at.getTime() + CRL_HOURS * 3600_000),
      number: Math.floor(at.getTime() / 1000),
    });
    cached = { key, crl, until: at.getTime() + 3600_000 };
    return crl;
  };
  const issueSigner = async (subject: NameParts, keys: KeyPair) => {
    const cert = await issueCertificate({
      subject,
      publicKey: keys.publicKey,
      issuer: sub,
      profile: 'signer',
      notBefore: DEMO_VALID_FROM,
      notAfter: years(12),
      ...(crlUrl ? { crlUrl } : {}),
      ...(ocspUrl ? { ocspUrl } : {}),
    });
    return [cert, sub.certificate];
  };
  const sealsDir = join(options.keysDir, 'seals');
  const seals: SealKeyStore = {
    async sealSigner(unitCode) {
      const file = join(sealsDir, `${unitCode.replace(/[^A-Za-z0-9._-]/g, '_')}.p12`);
      const passFile = `${file}.pass`;
      let data = await readIfExists(file);
      if (!data) {
        const keys = await newKeyPair();
        const chain = await issueSigner({ commonName: `Con dấu điện tử ${unitCode}`, organization: unitCode }, keys);
        const password = (await createOnce(passFile, randomBytes(18).toString('base64url'))).toString();
        data = await createOnce(file, toPkcs12(keys.privateKey, chain, password));
      }
      const password = (await readIfExists(passFile))!.toString();
      const { key, chain } = fromPkcs12(data, password);
      return keySigner(key, chain);
    },
    async rotate(unitCode) {
      const base = unitCode.replace(/[^A-Za-z0-9._-]/g, '_');
      const file = join(sealsDir, `${base}.p12`);
      const old = await readIfExists(file);
      let previousSerial: string | null = null;
      if (old) {
        const { chain } = fromPkcs12(old, (await readIfExists(`${file}.pass`))!.toString());
        previousSerial = serialHex(chain[0]!);
        const retired = join(sealsDir, 'retired');
        await ensurePrivateDir(retired);
        const aside = join(retired, `${base}-${previousSerial}.p12`);
        // The key first: a crash in between leaves the password, which the next key then reuses.
        await rename(file, aside);
        await rename(`${file}.pass`, `${aside}.pass`);
      }
      const chain = await (await seals.sealSigner(unitCode)).chain();
      return { previousSerial, serial: serialHex(chain[0]!) };
    },
  };
  const tsaSigner: HashSigner = keySigner(tsa.privateKey, [tsa.certificate, sub.certificate]);
  return {
    keysDir: options.keysDir,
    trustAnchors: [root.certificate],
    intermediates: [sub.certificate],
    tsa: timestampAuthority(tsaSigner, now),
    seals,
    async crlFor(issuer) {
      return issuer.subject.isEqual(sub.certificate.subject) ? currentCrl() : null;
    },
    subordinateCrl: async () => crlDer(await currentCrl()),
    ocspRespond: async (request) => ocspRespond(request, { issuer: sub, revoked: await readRevoked(), now: now() }),
    ocspFor(issuer) {
      if (!issuer.subject.isEqual(sub.certificate.subject)) return null;
      return async (request) => ocspRespond(request, { issuer: sub, revoked: await readRevoked(), now: now() });
    },
    issueSigner,
    async revoke(serial, at) {
      const list = await readRevoked();
      if (!list.some((r) => r.serialHex === serial)) list.push({ serialHex: serial, revokedAt: at });
      await replaceFile(
        revokedPath,
        JSON.stringify(list.map((r) => ({ serialHex: r.serialHex, revokedAt: r.revokedAt.toISOString() }))),
      );
    },
  };
}

export { serialHex };
