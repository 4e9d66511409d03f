/**
 * The demo trust services, in process: a root CA standing in for the national root (Root CA
 * Chính phủ / Bộ TT&TT's root under Decree 23/2025), a subordinate CA issuing officials' and
 * agencies' certificates, the CRL and OCSP responder of each (the root's cover the subordinate
 * CAs it certified, as the national root's do for the licensed CAs), and an RFC 3161 timestamp authority. Generated on first start
 * into the key directory (key-files.ts), never committed, never in the database. Production
 * replaces each part (docs/ARCHITECTURE.md "Signing"): the trust list becomes the national
 * root certificates, revocation comes from the CAs' CRL/OCSP, the TSA is a licensed one.
 */
import { join } from 'node:path';
import type * as pkijs from 'pkijs';
import type { HashSigner } from './cms.js';
import { createDirOnce, createOnce, readIfExists, replaceFile } from './key-files.js';
import { keySigner, type SealKeyStore } from './key-store.js';
import { fileSealKeyStore } from './seal-key-files.js';
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

/** The demo CAs: each keeps its own register of revocations, CRL and OCSP responder. */
export type DemoCa = 'root' | 'subordinate';

export interface TrustServices {
  /** The trust anchors signatures must chain to (the demo root; production: the national roots). */
  trustAnchors: pkijs.Certificate[];
  /** Intermediate CA certificates known besides those a signature carries. */
  intermediates: pkijs.Certificate[];
  tsa: TimestampAuthority;
  seals: SealKeyStore;
  /** The current CRL of an issuer (signed), or null when this trust list has none for it. */
  crlFor(issuer: pkijs.Certificate): Promise<pkijs.CertificateRevocationList | null>;
  /** A demo CA's CRL as DER, for /sim/ca/sub.crl and /sim/ca/root.crl. */
  publishedCrl(ca: DemoCa): Promise<Buffer>;
  /**
   * How to reach the OCSP responder of an issuer (in process here; production: HTTP POST to the
   * URL in the certificate's authorityInfoAccess), or null when there is none: the CRL then decides.
   */
  ocspFor(issuer: pkijs.Certificate): OcspTransport | null;
  /** A demo CA's OCSP responder (RFC 6960): a DER OCSPRequest in, a DER OCSPResponse out (/sim/ca/ocsp, /sim/ca/root-ocsp). */
  ocspRespond(request: Buffer, ca?: DemoCa): Promise<Buffer>;
  /** Issues an end-entity signing certificate under the sub CA (the remote-signing simulator's officials). */
  issueSigner(subject: NameParts, keys: KeyPair): Promise<pkijs.Certificate[]>;
  /**
   * Records a revocation in a CA's register (the next CRL lists it): the sub CA's for an
   * end-entity certificate, the root's for a subordinate CA.
   */
  revoke(serial: string, at: Date, ca?: DemoCa): Promise<void>;
  keysDir: string;
}

/** Where relying parties reach a CA's CRL and OCSP responder (absent without PUBLIC_URL). */
interface CaUrls {
  crlUrl?: string;
  ocspUrl?: string;
}

async function loadOrCreateCa(
  dir: string,
  urls: Record<DemoCa, CaUrls>,
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
      ...urls.root,
    });
    const tsaKeys = await newKeyPair();
    const tsa = await issueCertificate({
      subject: { commonName: 'MotCua Demo TSA', organization: 'MotCua (môi trường thử nghiệm)' },
      publicKey: tsaKeys.publicKey,
      issuer: { certificate: sub, privateKey: subKeys.privateKey },
      profile: 'timestamping',
      notBefore: DEMO_VALID_FROM,
      notAfter: years(15),
      ...(urls.subordinate.crlUrl ? { crlUrl: urls.subordinate.crlUrl } : {}),
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
  const url = (path: string) => (options.publicUrl ? new URL(path, options.publicUrl).toString() : undefined);
  const urls = (crl: string, ocsp: string): CaUrls => {
    const [crlUrl, ocspUrl] = [url(crl), url(ocsp)];
    return { ...(crlUrl ? { crlUrl } : {}), ...(ocspUrl ? { ocspUrl } : {}) };
  };
  const caUrls = {
    root: urls('/sim/ca/root.crl', '/sim/ca/root-ocsp'),
    subordinate: urls('/sim/ca/sub.crl', '/sim/ca/ocsp'),
  };
  const { root, sub, tsa } = await loadOrCreateCa(caDir, caUrls);
  const cas: Record<DemoCa, Issuer> = { root, subordinate: sub };
  const caOf = (issuer: pkijs.Certificate): DemoCa | null =>
    issuer.subject.isEqual(sub.certificate.subject)
      ? 'subordinate'
      : issuer.subject.isEqual(root.certificate.subject)
        ? 'root'
        : null;
  // The sub CA's register keeps its first name (revoked.json) so that existing key directories keep theirs.
  const registers: Record<DemoCa, string> = {
    subordinate: join(caDir, 'revoked.json'),
    root: join(caDir, 'root-revoked.json'),
  };
  const readRevoked = async (ca: DemoCa): Promise<Revocation[]> => {
    const raw = await readIfExists(registers[ca]);
    const list = raw ? (JSON.parse(raw.toString()) as { serialHex: string; revokedAt: string }[]) : [];
    return list.map((r) => ({ serialHex: r.serialHex, revokedAt: new Date(r.revokedAt) }));
  };
  const cached = new Map<DemoCa, { key: string; crl: pkijs.CertificateRevocationList; until: number }>();
  const currentCrl = async (ca: DemoCa) => {
    const revoked = await readRevoked(ca);
    const key = JSON.stringify(revoked);
    const at = now();
    const hit = cached.get(ca);
    if (hit && hit.key === key && hit.until > at.getTime()) return hit.crl;
    const crl = await issueCrl({
      issuer: cas[ca],
      revoked,
      thisUpdate: at,
      nextUpdate: new Date(at.getTime() + CRL_HOURS * 3600_000),
      number: Math.floor(at.getTime() / 1000),
    });
    cached.set(ca, { key, crl, until: at.getTime() + 3600_000 });
    return crl;
  };
  const respond = async (request: Buffer, ca: DemoCa) =>
    ocspRespond(request, { issuer: cas[ca], revoked: await readRevoked(ca), now: now() });
  const issueSigner = async (subject: NameParts, keys: KeyPair) => {
    const cert = await issueCertificate({
      subject,
      publicKey: keys.publicKey,
      issuer: sub,
      profile: 'signer',
      notBefore: DEMO_VALID_FROM,
      notAfter: years(12),
      ...caUrls.subordinate,
    });
    return [cert, sub.certificate];
  };
  const seals = fileSealKeyStore(join(options.keysDir, 'seals'), issueSigner);
  const tsaSigner: HashSigner = keySigner(tsa.privateKey, [tsa.certificate, sub.certificate]);
  return {
    keysDir: options.keysDir,
    trustAnchors: [root.certificate],
    intermediates: [sub.certificate],
    tsa: timestampAuthority(tsaSigner, now),
    seals,
    async crlFor(issuer) {
      const ca = caOf(issuer);
      return ca ? currentCrl(ca) : null;
    },
    publishedCrl: async (ca) => crlDer(await currentCrl(ca)),
    ocspRespond: (request, ca = 'subordinate') => respond(request, ca),
    ocspFor(issuer) {
      const ca = caOf(issuer);
      return ca ? (request) => respond(request, ca) : null;
    },
    issueSigner,
    async revoke(serial, at, ca = 'subordinate') {
      const list = await readRevoked(ca);
      if (!list.some((r) => r.serialHex === serial)) list.push({ serialHex: serial, revokedAt: at });
      await replaceFile(
        registers[ca],
        JSON.stringify(list.map((r) => ({ serialHex: r.serialHex, revokedAt: r.revokedAt.toISOString() }))),
      );
    },
  };
}

export { serialHex };
