/**
 * How a certificate's revocation is decided (ETSI EN 319 102-1 §5.2.5, RFC 6960, RFC
 * 5280 §6.3) — the signer's and each intermediate CA's up to the trust anchor, each asked of its
 * own issuer: OCSP first — a signed, fresh answer for this certificate decides; when the
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

/**
 * The chain's verdict from each certificate's, signer first (RFC 5280 §6.1.3 (a)(3): every
 * certificate of the path, not only the signer's): the first revoked one decides (the signature
 * is invalid whichever CA was revoked), else the first unknown one (indeterminate), else the
 * signer's. The index says which certificate decided.
 */
export function decideChainRevocation(decisions: readonly RevocationDecision[]): {
  decision: RevocationDecision;
  index: number;
} {
  if (decisions.length === 0) throw new Error('decideChainRevocation: no certificate');
  for (const status of ['revoked', 'unknown'] as const) {
    const index = decisions.findIndex((d) => d.status === status);
    if (index >= 0) return { decision: decisions[index]!, index };
  }
  return { decision: decisions[0]!, index: 0 };
}
