/**
 * Mức độ định danh điện tử at filing. Decree 69/2024/NĐ-CP (định danh và xác thực điện tử) gives
 * two levels of electronic identification account: level 1, opened in the VNeID app from the
 * identity card's data; level 2, verified in person with the chip card and a portrait — the one
 * accepted where a transaction needs the person proven as with the card itself. A procedure that
 * requires level 2 (the catalog's `identityLevelRequired`) is filed online only by a citizen whose
 * session an identity provider opened at level 2: a level-1 sign-in, a MotCua password or an API
 * token proves less. Staff receiving at the counter check the card in person: not this rule.
 */
export interface FilerIdentity {
  kind: 'staff' | 'citizen' | 'service';
  identityLevel?: 1 | 2 | null | undefined;
}

/** Whether this filer's sign-in is below what the procedure requires (→ 403 IDENTITY_LEVEL_TOO_LOW). */
export function identityLevelTooLow(required: 1 | 2 | undefined, filer: FilerIdentity): boolean {
  if (filer.kind !== 'citizen' || (required ?? 1) < 2) return false;
  return (filer.identityLevel ?? 0) < required!;
}
