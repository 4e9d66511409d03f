/**
 * What a poll of a pending remote signature does with the provider's answer (result-signing.service.ts).
 * The provider decides refusal and its own expiry; MotCua also stops waiting at the expiry the
 * provider gave when the request was made (ký số từ xa, Decree 23/2025: the signer confirms
 * within the provider's time limit), so a provider that never says "expired" cannot keep a
 * request pending for ever. A signature the provider confirmed is completed even when the poll
 * comes after the expiry: the signer did confirm in time.
 */
import type { RemoteStatus } from '../signing/remote-signing.js';

export type ResultSigningStatus = 'pending' | 'signed' | 'refused' | 'expired' | 'failed';

/** Statuses a request ends in; nothing asks the provider again after one of them. */
export type FinishedStatus = Exclude<ResultSigningStatus, 'pending'>;

export type PollStep =
  /** Still waiting for the phone. */
  | { kind: 'wait' }
  /** The signature value has come: embed it, seal, store. */
  | { kind: 'complete' }
  /** The request ended without a signature. */
  | { kind: 'close'; status: 'refused' | 'expired' };

export function pollStep(
  remote: { status: RemoteStatus; hasSignature: boolean },
  expiresAt: Date,
  now: Date,
): PollStep {
  if (remote.status === 'confirmed') return remote.hasSignature ? { kind: 'complete' } : { kind: 'wait' };
  if (remote.status === 'refused' || remote.status === 'expired') return { kind: 'close', status: remote.status };
  return now.getTime() >= expiresAt.getTime() ? { kind: 'close', status: 'expired' } : { kind: 'wait' };
}

/**
 * How long one process may hold a request while it embeds, seals and stores (seconds of work):
 * a process that died half-way leaves the request to the next poll after this.
 */
export const COMPLETION_LEASE_MS = 2 * 60_000;

/** Finished and expired requests are kept this long after their expiry, then pruned (the signed file stays). */
export const REQUEST_RETENTION_DAYS = 30;

export const pruneCutoff = (now: Date) => new Date(now.getTime() - REQUEST_RETENTION_DAYS * 24 * 60 * 60_000);
