/**
 * Remote (mobile) signing, in the shape of VNPT SmartCA / Viettel MySign (Decree 23/2025: ký số
 * từ xa): the server asks the service to sign a SHA-256 digest for a user; the user confirms on
 * the provider's phone app; the service answers the signature value with the user's
 * certificate chain. A transaction has an id, expires (the user did not answer in time) or is
 * refused. The official's private key never leaves the service — MotCua holds no official's key.
 *
 * `RemoteSigningService` is what MotCua calls; `remoteSigningSimulator` implements it in
 * process (keys in the simulator's own folder of the key directory, issued by the demo sub
 * CA) and its confirmation page stands in for the phone app (/sim/remote-signing/app/...).
 */
import { createPublicKey, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type * as pkijs from 'pkijs';
import { createOnce, readIfExists } from './key-files.js';
import { signDigestWithKey } from './key-store.js';
import { certificateFromPem, certificatePem, newKeyPair, privateKeyFromPem, privateKeyPem } from './pki.js';
import type { TrustServices } from './trust-services.js';

export type RemoteStatus = 'pending' | 'confirmed' | 'refused' | 'expired';

export interface RemoteSigningRequest {
  /** The provider's user id (the official's account at the provider, e.g. their CCCD). */
  userId: string;
  /** The holder's name (the simulator issues the certificate in it on first use). */
  holderName?: string | undefined;
  /** What the phone app shows (e.g. "Phê duyệt kết quả hồ sơ …"). */
  description: string;
  digest: Buffer;
}

export interface RemoteTransaction {
  transactionId: string;
  userId: string;
  description: string;
  status: RemoteStatus;
  expiresAt: Date;
  /** When confirmed. */
  signature?: Buffer;
}

export interface RemoteSigningService {
  /** The user's certificate chain (signer first); `holderName` names a simulated user on first use. */
  certificateChain(userId: string, holderName?: string): Promise<pkijs.Certificate[]>;
  requestSignature(request: RemoteSigningRequest): Promise<{ transactionId: string; expiresAt: Date }>;
  transaction(transactionId: string): Promise<RemoteTransaction | null>;
}

export interface RemoteSigningSimulator extends RemoteSigningService {
  /** The phone app's list for a user: their pending requests. */
  pendingFor(userId: string): RemoteTransaction[];
  /** The user's answer on the phone. */
  answer(transactionId: string, decision: 'confirm' | 'refuse'): Promise<RemoteTransaction | null>;
}

/** A base64 SHA-256 digest as the provider's API carries it, or null when it is not 32 bytes. */
export function sha256Digest(base64: string): Buffer | null {
  const digest = Buffer.from(base64, 'base64');
  return digest.length === 32 ? digest : null;
}

/** SmartCA's default: the user has 5 minutes to confirm on the phone. */
export const REMOTE_SIGNING_TTL_MS = 5 * 60_000;

export function remoteSigningSimulator(
  trust: TrustServices,
  options: { now?: () => Date; users?: Readonly<Record<string, string>> } = {},
): RemoteSigningSimulator {
  const now = options.now ?? (() => new Date());
  const dir = join(trust.keysDir, 'remote-signer');
  const transactions = new Map<string, RemoteTransaction & { digest: Buffer }>();
  const safe = (userId: string) => userId.replace(/[^A-Za-z0-9._-]/g, '_');

  async function credential(userId: string, holderName?: string) {
    const keyPath = join(dir, `${safe(userId)}.key.pem`);
    const chainPath = join(dir, `${safe(userId)}.chain.pem`);
    if (!(await readIfExists(chainPath))) {
      const keys = await newKeyPair();
      const key = (await createOnce(keyPath, privateKeyPem(keys.privateKey))).toString();
      // Another process may have won the race for the key: certify the key that is on disk.
      const onDisk = privateKeyFromPem(key);
      const publicKey = createPublicKey(onDisk);
      const chain = await trust.issueSigner(
        { commonName: options.users?.[userId] ?? holderName ?? userId, uid: `CCCD:${userId}` },
        { privateKey: onDisk, publicKey },
      );
      await createOnce(chainPath, chain.map(certificatePem).join(''));
    }
    const pem = (await readIfExists(chainPath))!.toString();
    const chain = pem
      .split(/(?=-----BEGIN CERTIFICATE-----)/)
      .filter((p) => p.includes('BEGIN'))
      .map(certificateFromPem);
    return { key: privateKeyFromPem((await readIfExists(keyPath))!.toString()), chain };
  }

  const current = (t: RemoteTransaction & { digest: Buffer }) => {
    if (t.status === 'pending' && t.expiresAt.getTime() <= now().getTime()) t.status = 'expired';
    return t;
  };
  const publicView = ({ digest: _digest, ...t }: RemoteTransaction & { digest: Buffer }): RemoteTransaction => ({
    ...t,
  });

  return {
    certificateChain: async (userId, holderName) => (await credential(userId, holderName)).chain,
    async requestSignature(request) {
      if (request.digest.length !== 32) throw new Error('a SHA-256 digest is 32 bytes');
      await credential(request.userId, request.holderName);
      const transactionId = randomUUID();
      const expiresAt = new Date(now().getTime() + REMOTE_SIGNING_TTL_MS);
      transactions.set(transactionId, {
        transactionId,
        userId: request.userId,
        description: request.description,
        status: 'pending',
        expiresAt,
        digest: request.digest,
      });
      return { transactionId, expiresAt };
    },
    async transaction(transactionId) {
      const t = transactions.get(transactionId);
      return t ? publicView(current(t)) : null;
    },
    pendingFor(userId) {
      return [...transactions.values()]
        .map(current)
        .filter((t) => t.userId === userId && t.status === 'pending')
        .map(publicView);
    },
    async answer(transactionId, decision) {
      const t = transactions.get(transactionId);
      if (!t || current(t).status !== 'pending') return t ? publicView(t) : null;
      if (decision === 'refuse') t.status = 'refused';
      else {
        const { key } = await credential(t.userId);
        t.signature = signDigestWithKey(key, t.digest);
        t.status = 'confirmed';
      }
      return publicView(t);
    },
  };
}
