/**
 * How a signer certificate's revocation is decided (ETSI EN 319 102-1 §5.2.5, RFC 6960, RFC
 * 5280 §6.3): OCSP first — a signed, fresh answer for this certificate decides; when the
 * responder cannot be reached, does not know the certificate or answers something unusable, the
 * issuer's CRL decides. A revocation counts only when it took effect at or before the time the
 * signature is judged at (its RFC 3161 timestamp, else now): a certificate revoked after a
 * timestamped signature still carries it. Neither source usable → unknown (indeterminate).
 */

export type OcspOutcome =
  | { status: 'good' }
  | { status: 'revoked'; revokedAt: Date }
  /** The responder answered "unknown" for this certificate (RFC 6960 §2.2). */
  | { status: 'unknown' }
  /** No responder, no answer, a refused request, a bad signature or a stale answer. */
  | { status: 'unavailable'; why: string };

export type CrlOutcome =
  | { status: 'listed'; revokedAt: Date }
  | { status: 'notListed' }
  /** No CRL for the issuer, or one whose signature or dates do not hold. */
  | { status: 'unavailable' };

export interface RevocationDecision {
  status: 'good' | 'revoked' | 'unknown';
  source: 'ocsp' | 'crl' | null;
  revokedAt: Date | null;
}

/** Whether the OCSP outcome decides alone (else the CRL is read). */
export const ocspDecides = (ocsp: OcspOutcome) => ocsp.status === 'good' || ocsp.status === 'revoked';

export function decideRevocation(ocsp: OcspOutcome, crl: CrlOutcome | null, at: Date): RevocationDecision {
  if (ocsp.status === 'good') return { status: 'good', source: 'ocsp', revokedAt: null };
  if (ocsp.status === 'revoked')
    return ocsp.revokedAt <= at
      ? { status: 'revoked', source: 'ocsp', revokedAt: ocsp.revokedAt }
      : { status: 'good', source: 'ocsp', revokedAt: ocsp.revokedAt };
  if (!crl || crl.status === 'unavailable') return { status: 'unknown', source: null, revokedAt: null };
  if (crl.status === 'notListed') return { status: 'good', source: 'crl', revokedAt: null };
  return crl.revokedAt <= at
    ? { status: 'revoked', source: 'crl', revokedAt: crl.revokedAt }
    : { status: 'good', source: 'crl', revokedAt: crl.revokedAt };
}
