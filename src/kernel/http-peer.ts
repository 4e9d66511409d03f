/**
 * One JSON call to a peer service a user is waiting on (the payment platform, the remote-signing
 * service): a peer that cannot be reached, does not answer within the timeout, is overloaded or
 * failing (429, 5xx) or answers something that is not JSON is a passing fault, refused with the
 * caller's own 503 code (a Vietnamese "try again later"), never a 500 or a hang. A 4xx in JSON is
 * the peer's answer about the request itself: the caller decides what it means.
 */
import { AppError, type ErrorCode } from './errors.js';

export type PeerFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface PeerCall {
  method: 'GET' | 'POST';
  url: string;
  /** Sent as JSON. */
  json?: unknown;
  timeoutMs: number;
  /** The 503 code the caller's users see while the peer is unavailable. */
  unavailable: ErrorCode;
  fetchImpl?: PeerFetch;
}

export async function callPeer(c: PeerCall): Promise<{ status: number; ok: boolean; body: unknown }> {
  let response: Response;
  // One deadline for the whole exchange: a peer that sends headers and then stalls the body is down too.
  const signal = AbortSignal.timeout(c.timeoutMs);
  const send = () =>
    (c.fetchImpl ?? fetch)(c.url, {
      method: c.method,
      headers: c.json === undefined ? {} : { 'content-type': 'application/json' },
      body: c.json === undefined ? null : JSON.stringify(c.json),
      signal,
    });
  try {
    response = await send().catch((error: unknown) => {
      // A kept-alive connection the peer closed meanwhile (it restarted, or dropped what hung) fails
      // the first request sent on it: a read is sent once more, on a new connection, within the same
      // deadline. A POST is not: the peer may have acted on it.
      if (c.method !== 'GET' || signal.aborted) throw error;
      return send();
    });
  } catch {
    throw new AppError(c.unavailable, { reason: signal.aborted ? 'timeout' : 'network' });
  }
  const text = await response.text().catch(() => null);
  if (response.status >= 500 || response.status === 429)
    throw new AppError(c.unavailable, { reason: `http ${response.status}` });
  if (text === null) throw new AppError(c.unavailable, { reason: signal.aborted ? 'timeout' : 'network' });
  try {
    return { status: response.status, ok: response.ok, body: JSON.parse(text) as unknown };
  } catch {
    throw new AppError(c.unavailable, { reason: 'not json' });
  }
}
