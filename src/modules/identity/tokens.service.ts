import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { Actor, RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { apiTokens } from './identity.tables.js';
import { type ACTIONS, grantableScopes } from '../access/policy.js';
import { randomSecret, sha256Hex } from './secrets.js';

/** Recognisable prefix: secret scanners and people can tell a MotCua token at a glance. */
const TOKEN_PREFIX = 'mct_';

export interface CreateTokenInput {
  name: string;
  scopes: string[];
  expiresInDays?: number | undefined;
}

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

/**
 * Issues a bearer token for `owner` (the actor itself, or a service account an administrator
 * manages). Scopes must be actions the owner holds, or `area.*` for those it holds in an area.
 * The plaintext is returned once; only its hash is kept.
 */
export async function createApiToken(tx: Tx, ctx: RequestContext, owner: Actor, input: CreateTokenInput, now: Date) {
  const held = grantableScopes(owner);
  const notHeld = input.scopes.filter((scope) => {
    if (scope.endsWith('.*')) return !held.some((a) => a.startsWith(scope.slice(0, -1)));
    return !held.includes(scope as (typeof ACTIONS)[number]);
  });
  if (notHeld.length > 0) throw new AppError('SCOPE_NOT_HELD', { scopes: notHeld });
  const token = TOKEN_PREFIX + randomSecret();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  const [item] = await tx
    .insert(apiTokens)
    .values({
      userId: owner.userId,
      name: input.name,
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      tokenHash: sha256Hex(token),
      scopes: [...new Set(input.scopes)],
      expiresAt,
    })
    .returning(tokenColumns);
  await recordChange(tx, ctx, {
    action: 'token.create',
    targetType: 'api_token',
    targetId: item!.id,
    after: { owner: owner.username, name: input.name, scopes: item!.scopes, expiresAt },
  });
  return { token, item: item! };
}

export async function listApiTokens(db: Queryable, userId: string) {
  return db.select(tokenColumns).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(
  tx: Tx,
  ctx: RequestContext,
  userId: string,
  tokenId: string,
  now: Date,
): Promise<void> {
  const [row] = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!row) throw new AppError('NOT_FOUND');
  await recordChange(tx, ctx, { action: 'token.revoke', targetType: 'api_token', targetId: tokenId });
}
