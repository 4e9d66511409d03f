/**
 * The remote-signing service over HTTP (REMOTE_SIGNING_URL): `RemoteSigningService` spoken to a
 * provider's API — the protocol the simulator serves under /sim/remote-signing in another MotCua
 * process (remote-signing-sim.routes.ts), and what an adapter to VNPT SmartCA or Viettel MySign
 * would serve (docs/ARCHITECTURE.md "Signing"):
 *
 * - `GET  <base>/v1/users/{userId}/certificates[?holderName=…]` → `{ certificates }` (base64 DER, signer first)
 * - `POST <base>/v1/signatures {userId, holderName?, description, digest}` (base64 SHA-256)
 *   → 201 `{ transactionId, expiresAt }`
 * - `GET  <base>/v1/signatures/{transactionId}` → `{ transactionId, userId, description, status,
 *   expiresAt, signature, certificates }`, 404 when the provider does not know it.
 *
 * A provider that cannot be reached, does not answer within REMOTE_SIGNING_TIMEOUT_MS or answers
 * 5xx is REMOTE_SIGNING_UNAVAILABLE (503, a Vietnamese message): nothing was signed, the pending
 * transaction stays pending at the provider, and asking again once it is back completes it.
 * Any other refusal of our request is SIGNING_FAILED.
 */
import { z } from 'zod';
import { AppError } from '../../kernel/errors.js';
import { callPeer, type PeerFetch } from '../../kernel/http-peer.js';
import { certificateFromDer } from './pki.js';
import type { RemoteSigningService } from './remote-signing.js';

const Certificates = z.array(z.base64()).min(1);
const Created = z.object({ transactionId: z.string().min(1), expiresAt: z.iso.datetime() });
const Transaction = z.object({
  transactionId: z.string().min(1),
  userId: z.string(),
  description: z.string(),
  status: z.enum(['pending', 'confirmed', 'refused', 'expired']),
  expiresAt: z.iso.datetime(),
  signature: z.base64().nullable(),
});

export function httpRemoteSigning(base: string, timeoutMs: number, fetchImpl?: PeerFetch): RemoteSigningService {
  const root = base.replace(/\/+$/, '');
  const call = async <T>(
    method: 'GET' | 'POST',
    path: string,
    shape: z.ZodType<T>,
    json?: unknown,
  ): Promise<T | null> => {
    const answer = await callPeer({
      method,
      url: `${root}${path}`,
      json,
      timeoutMs,
      unavailable: 'REMOTE_SIGNING_UNAVAILABLE',
      fetchImpl,
    });
    if (answer.status === 404) return null;
    if (!answer.ok) throw new AppError('SIGNING_FAILED', { provider: answer.status });
    const parsed = shape.safeParse(answer.body);
    // An answer not in the protocol's shape is a provider fault like a 5xx: nothing is signed by it.
    if (!parsed.success) throw new AppError('REMOTE_SIGNING_UNAVAILABLE', { reason: 'unexpected answer' });
    return parsed.data;
  };
  const chainOf = (certificates: string[]) => certificates.map((c) => certificateFromDer(Buffer.from(c, 'base64')));

  return {
    async certificateChain(userId, holderName) {
      const query = holderName ? `?${new URLSearchParams({ holderName })}` : '';
      const answer = await call(
        'GET',
        `/v1/users/${encodeURIComponent(userId)}/certificates${query}`,
        z.object({ certificates: Certificates }),
      );
      if (!answer) throw new AppError('SIGNING_FAILED', { provider: 404, userId });
      return chainOf(answer.certificates);
    },
    async requestSignature(request) {
      const answer = await call('POST', '/v1/signatures', Created, {
        userId: request.userId,
        holderName: request.holderName,
        description: request.description,
        digest: request.digest.toString('base64'),
      });
      if (!answer) throw new AppError('SIGNING_FAILED', { provider: 404 });
      return { transactionId: answer.transactionId, expiresAt: new Date(answer.expiresAt) };
    },
    async transaction(transactionId) {
      const t = await call('GET', `/v1/signatures/${encodeURIComponent(transactionId)}`, Transaction);
      if (!t) return null;
      return {
        transactionId: t.transactionId,
        userId: t.userId,
        description: t.description,
        status: t.status,
        expiresAt: new Date(t.expiresAt),
        ...(t.signature ? { signature: Buffer.from(t.signature, 'base64') } : {}),
      };
    },
  };
}
