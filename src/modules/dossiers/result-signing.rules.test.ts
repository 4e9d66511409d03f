import { describe, expect, it } from 'vitest';
import type { RemoteStatus } from '../signing/remote-signing.js';
import { type PollStep, pollStep, pruneCutoff } from './result-signing.rules.js';

const expiresAt = new Date('2026-12-07T08:05:00Z');
const before = new Date('2026-12-07T08:04:59Z');
const after = new Date('2026-12-07T08:05:00Z');

describe('pollStep', () => {
  it.each<[string, RemoteStatus, boolean, Date, PollStep]>([
    ['pending before the expiry: wait', 'pending', false, before, { kind: 'wait' }],
    ['pending at the expiry (provider silent): expired', 'pending', false, after, { kind: 'close', status: 'expired' }],
    ['confirmed with the signature: complete', 'confirmed', true, before, { kind: 'complete' }],
    ['confirmed in time, polled after the expiry: still complete', 'confirmed', true, after, { kind: 'complete' }],
    ['confirmed, the value not there yet: wait', 'confirmed', false, before, { kind: 'wait' }],
    ['refused on the phone', 'refused', false, before, { kind: 'close', status: 'refused' }],
    [
      'expired at the provider before our clock says so',
      'expired',
      false,
      before,
      { kind: 'close', status: 'expired' },
    ],
  ])('%s', (_what, status, hasSignature, now, expected) => {
    expect(pollStep({ status, hasSignature }, expiresAt, now)).toEqual(expected);
  });
});

describe('pruneCutoff', () => {
  it('is 30 days before now', () => {
    expect(pruneCutoff(new Date('2026-12-31T00:00:00Z'))).toEqual(new Date('2026-12-01T00:00:00Z'));
  });
});
