/**
 * What the identity provider said about a person, for prefilling (the citizen's profile now; the
 * e-forms later): the claims of the most recent provider sign-in, marked with their source.
 */
import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { oidcIdentities } from './oidc.tables.js';
import type { IdentityLevel, IdentityProfile } from './vneid-claims.rules.js';

/** The source a prefilled value carries (shown as "Nguồn: nhà cung cấp định danh"). */
export const IDENTITY_PROVIDER_SOURCE = 'identityProvider' as const;

export interface IdentityPrefill {
  source: typeof IDENTITY_PROVIDER_SOURCE;
  issuer: string;
  level: IdentityLevel;
  receivedAt: Date;
  fields: IdentityProfile;
}

/** The prefill for a user, or null when no provider has signed them in. */
export async function identityPrefillOf(db: Queryable, userId: string): Promise<IdentityPrefill | null> {
  const [row] = await db
    .select()
    .from(oidcIdentities)
    .where(eq(oidcIdentities.userId, userId))
    .orderBy(desc(oidcIdentities.lastSignInAt))
    .limit(1);
  if (!row) return null;
  return {
    source: IDENTITY_PROVIDER_SOURCE,
    issuer: row.issuer,
    level: row.level === 2 ? 2 : 1,
    receivedAt: row.lastSignInAt,
    fields: row.profile,
  };
}
