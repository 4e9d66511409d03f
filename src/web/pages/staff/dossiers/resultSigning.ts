/**
 * Phê duyệt, ký kết quả through the remote-signing service (issue 19): ask the server to have the
 * result signed for the leader (POST /api/dossiers/{code}/result-signing), then poll the
 * transaction until the leader confirms on the phone (signed: the file carries the official's
 * signature and the unit's seal), refuses, or the request expires. The outcome other than
 * "signed" is thrown as a SigningStopped with its kind, for the dialog to say in words.
 */
import { api } from '../../../api.js';
import type { ApiResponse } from '../../../api/types.js';
import { dossierPath } from './dossierApi.js';

export type ResultSigning = ApiResponse<'/api/dossiers/{code}/result-signing', 'post'>;

/** Why the signature did not come: refused on the phone, expired at the provider, or no answer in time here. */
export type SigningStop = 'refused' | 'expired' | 'timeout';

export class SigningStopped extends Error {
  constructor(
    readonly kind: SigningStop,
    readonly transactionId: string,
  ) {
    super(`remote signing ${kind}: ${transactionId}`);
    this.name = 'SigningStopped';
  }
}

export const startResultSigning = (code: string, fileId: string) =>
  api<ResultSigning>(`${dossierPath(code)}/result-signing`, { method: 'POST', body: { fileId } });

export const pollResultSigning = (code: string, transactionId: string) =>
  api<ResultSigning>(`${dossierPath(code)}/result-signing/${encodeURIComponent(transactionId)}`);

/** After the provider's expiry, how long the poll still waits for its "expired" before giving up. */
export const EXPIRY_GRACE_MS = 10_000;

export interface SigningLoop {
  start(): Promise<ResultSigning>;
  poll(transactionId: string): Promise<ResultSigning>;
  /** Each state seen (the pending one first: the transaction id to show). */
  onUpdate(state: ResultSigning): void;
  wait(ms: number): Promise<void>;
  now(): number;
  intervalMs?: number;
}

/**
 * The signing loop: start, then poll every `intervalMs` until signed (returned), refused or
 * expired (thrown), or the provider's expiry plus a grace passes without an answer (thrown as timeout).
 */
export async function signThroughPhone(loop: SigningLoop): Promise<ResultSigning> {
  let state = await loop.start();
  loop.onUpdate(state);
  const deadline = Date.parse(state.expiresAt) + EXPIRY_GRACE_MS;
  for (;;) {
    if (state.status === 'signed') return state;
    if (state.status === 'refused' || state.status === 'expired')
      throw new SigningStopped(state.status, state.transactionId);
    if (loop.now() > deadline) throw new SigningStopped('timeout', state.transactionId);
    await loop.wait(loop.intervalMs ?? 2000);
    state = await loop.poll(state.transactionId);
    loop.onUpdate(state);
  }
}
