import { describe, expect, it } from 'vitest';
import { EXPIRY_GRACE_MS, type ResultSigning, SigningStopped, signThroughPhone } from './resultSigning.js';

const T0 = Date.parse('2026-03-02T02:00:00Z');
const state = (status: ResultSigning['status'], extra: Partial<ResultSigning> = {}): ResultSigning => ({
  transactionId: 'tx-1',
  status,
  expiresAt: new Date(T0 + 300_000).toISOString(),
  confirmationUrl: status === 'pending' ? '/sim/remote-signing/app/lanhdao' : null,
  fileId: status === 'signed' ? 'f-signed' : null,
  signatureReport: null,
  signer: status === 'signed' ? 'Phạm Minh Đức' : null,
  certificateSerial: status === 'signed' ? 'AB12' : null,
  ...extra,
});

/** Runs the loop over a scripted sequence of poll answers on a fake clock; what it ended with. */
async function run(answers: ResultSigning['status'][], stepMs = 2000) {
  let now = T0;
  const seen: string[] = [];
  const queue = [...answers];
  try {
    const signed = await signThroughPhone({
      start: async () => state('pending'),
      poll: async () => state(queue.shift() ?? 'pending'),
      onUpdate: (s) => seen.push(s.status),
      wait: async (ms) => {
        now += ms;
      },
      now: () => now,
      intervalMs: stepMs,
    });
    return { outcome: signed.status, fileId: signed.fileId, seen, elapsed: now - T0 };
  } catch (e) {
    if (!(e instanceof SigningStopped)) throw e;
    return { outcome: e.kind, fileId: null, seen, elapsed: now - T0 };
  }
}

describe('signThroughPhone', () => {
  it.each([
    { answers: ['signed'], outcome: 'signed', polls: 1 },
    { answers: ['pending', 'pending', 'signed'], outcome: 'signed', polls: 3 },
    { answers: ['pending', 'refused'], outcome: 'refused', polls: 2 },
    { answers: ['expired'], outcome: 'expired', polls: 1 },
  ] as const)('$answers → $outcome', async ({ answers, outcome, polls }) => {
    const r = await run([...answers]);
    expect(r.outcome).toBe(outcome);
    expect(r.seen).toHaveLength(polls + 1);
    expect(r.seen[0]).toBe('pending');
    if (outcome === 'signed') expect(r.fileId).toBe('f-signed');
  });

  it('gives up as timeout once the provider’s expiry and the grace have passed without an answer', async () => {
    const r = await run([], 60_000);
    expect(r.outcome).toBe('timeout');
    expect(r.elapsed).toBeGreaterThan(300_000 + EXPIRY_GRACE_MS);
    expect(r.elapsed).toBeLessThanOrEqual(300_000 + EXPIRY_GRACE_MS + 60_000);
  });
});
