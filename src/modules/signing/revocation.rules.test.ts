import { describe, expect, it } from 'vitest';
import {
  type CrlOutcome,
  decideChainRevocation,
  decideRevocation,
  type OcspOutcome,
  ocspDecides,
  type RevocationDecision,
} from './revocation.rules.js';

const AT = new Date('2026-03-02T03:00:00Z');
const before = new Date('2026-03-01T00:00:00Z');
const after = new Date('2026-03-05T00:00:00Z');

describe('decideRevocation: OCSP first, then the CRL', () => {
  it.each<[string, OcspOutcome, CrlOutcome | null, string, string | null, Date | null]>([
    ['OCSP good decides (CRL not read)', { status: 'good' }, null, 'good', 'ocsp', null],
    [
      'OCSP good wins over a CRL that lists it',
      { status: 'good' },
      { status: 'listed', revokedAt: before },
      'good',
      'ocsp',
      null,
    ],
    ['OCSP revoked before signing', { status: 'revoked', revokedAt: before }, null, 'revoked', 'ocsp', before],
    ['OCSP revoked exactly at signing', { status: 'revoked', revokedAt: AT }, null, 'revoked', 'ocsp', AT],
    [
      'OCSP revoked after the timestamp: the signature holds',
      { status: 'revoked', revokedAt: after },
      null,
      'good',
      'ocsp',
      after,
    ],
    [
      'OCSP unreachable → CRL not listing it',
      { status: 'unavailable', why: 'timeout' },
      { status: 'notListed' },
      'good',
      'crl',
      null,
    ],
    [
      'OCSP unreachable → CRL revoked before',
      { status: 'unavailable', why: 'timeout' },
      { status: 'listed', revokedAt: before },
      'revoked',
      'crl',
      before,
    ],
    [
      'OCSP unreachable → CRL revoked after',
      { status: 'unavailable', why: 'x' },
      { status: 'listed', revokedAt: after },
      'good',
      'crl',
      after,
    ],
    [
      'OCSP "unknown" → CRL decides',
      { status: 'unknown' },
      { status: 'listed', revokedAt: before },
      'revoked',
      'crl',
      before,
    ],
    [
      'OCSP unreachable, no CRL → unknown',
      { status: 'unavailable', why: 'x' },
      { status: 'unavailable' },
      'unknown',
      null,
      null,
    ],
    ['OCSP "unknown", CRL not read → unknown', { status: 'unknown' }, null, 'unknown', null, null],
  ])('%s', (_name, ocsp, crl, status, source, revokedAt) => {
    expect(decideRevocation(ocsp, crl, AT)).toEqual({ status, source, revokedAt });
  });

  it.each<[OcspOutcome, boolean]>([
    [{ status: 'good' }, true],
    [{ status: 'revoked', revokedAt: before }, true],
    [{ status: 'unknown' }, false],
    [{ status: 'unavailable', why: 'x' }, false],
  ])('ocspDecides(%o) = %s', (ocsp, decides) => expect(ocspDecides(ocsp)).toBe(decides));
});

describe('decideChainRevocation: every certificate below the trust anchor, signer first', () => {
  const good: RevocationDecision = { status: 'good', source: 'ocsp', revokedAt: null };
  const goodLater: RevocationDecision = { status: 'good', source: 'crl', revokedAt: after };
  const revoked: RevocationDecision = { status: 'revoked', source: 'crl', revokedAt: before };
  const unknown: RevocationDecision = { status: 'unknown', source: null, revokedAt: null };
  it.each<[string, RevocationDecision[], number]>([
    ['all good: the signer’s decision', [good, goodLater], 0],
    ['the intermediate CA revoked before signing', [good, revoked], 1],
    ['the intermediate CA revoked only after the timestamp (its decision is good)', [good, goodLater], 0],
    ['a revoked signer wins over an unknown CA', [revoked, unknown], 0],
    ['a revoked CA wins over an unknown signer', [unknown, revoked], 1],
    ['the intermediate CA’s status unknown → indeterminate', [good, unknown], 1],
    ['a signer issued by the anchor directly', [good], 0],
  ])('%s', (_name, decisions, index) => {
    expect(decideChainRevocation(decisions)).toEqual({ decision: decisions[index], index });
  });
});
