/**
 * The payment platform's merchant API over HTTP (PAYMENT_PLATFORM_URL): the signed messages of
 * paygov-protocol.ts posted as JSON to `<base>/api/transactions`, `<base>/api/transactions/query`,
 * `<base>/api/refunds`, and the day's statement read from `<base>/api/statements/<day>` — what
 * the simulator serves under /sim/paygov in another MotCua process (paygov-sim.routes.ts), and
 * what an adapter to the real platform would serve.
 *
 * A platform that cannot be reached, does not answer within the timeout or answers 5xx is
 * PAYMENT_PLATFORM_UNAVAILABLE (503, a Vietnamese message): the caller's transaction rolls back,
 * so no payment is left half-started, and the applicant is told to try again later. A pending
 * payment's outcome is then learned by the status query of the expiry task once it is back.
 */
import { AppError } from '../../kernel/errors.js';
import { callPeer, type PeerFetch } from '../../kernel/http-peer.js';
import type { PlatformTransport } from './paygov-simulator.js';
import type { SignedFields } from './payments.rules.js';

export function httpPlatform(base: string, timeoutMs: number, fetchImpl?: PeerFetch): PlatformTransport {
  const root = base.replace(/\/$/, '');
  const call = async (path: string, body?: SignedFields): Promise<SignedFields> => {
    const answer = await callPeer({
      method: body ? 'POST' : 'GET',
      url: `${root}${path}`,
      json: body,
      timeoutMs,
      unavailable: 'PAYMENT_PLATFORM_UNAVAILABLE',
      fetchImpl,
    });
    // The platform refused the message itself (a wrong checksum or merchant code): not a passing fault.
    if (!answer.ok) throw new AppError('PAYMENT_SIGNATURE_INVALID', { status: answer.status });
    return answer.body as SignedFields;
  };
  return {
    async create(_tx, fields) {
      const answer = await call('/api/transactions', fields);
      const transactionId = String(answer.transactionId ?? '');
      const paymentUrl = String(answer.paymentUrl ?? '');
      if (answer.resultCode !== '00' || !transactionId || !paymentUrl)
        throw new AppError('PAYMENT_PLATFORM_UNAVAILABLE', { reason: 'create refused' });
      // The payer's browser goes to the platform: an absolute URL on the platform's host.
      return { transactionId, paymentUrl: new URL(paymentUrl, `${root}/`).toString() };
    },
    query: (_tx, fields) => call('/api/transactions/query', fields),
    refund: (_tx, fields) => call('/api/refunds', fields),
    statement: (_tx, day) => call(`/api/statements/${encodeURIComponent(day)}`),
  };
}
