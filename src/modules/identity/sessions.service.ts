import { referenceStampColumn } from '../../kernel/reference-cache.js';
import { noteReferenceStamp } from '../../kernel/request-memo.js';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { Actor } from '../../kernel/context.js';
import { apiTokens, sessions, users } from './identity.tables.js';
import { actorOf, grantsOfUser } from './actor.js';
import { randomSecret, sha256Hex } from './secrets.js';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/** Writes of last-seen/last-used are skipped when the previous one is this recent. */
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(
  tx: Tx,
  userId: string,
  meta: { ip: string | null; userAgent: string | null; identityLevel?: 1 | 2 | null },
  policy: SessionPolicy,
  now: Date,
): Promise<{ cookieValue: string; csrfToken: string; sessionId: string }> {
  const cookieValue = randomSecret();
  const csrfToken = randomSecret();
  const [row] = await tx
    .insert(sessions)
    .values({
      tokenHash: sha256Hex(cookieValue),
      userId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.maxHours * 3_600_000),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      identityLevel: meta.identityLevel ?? null,
    })
    .returning({ id: sessions.id });
  return { cookieValue, csrfToken, sessionId: row!.id };
}

export type SessionLookup =
  | { status: 'valid'; sessionId: string; csrfToken: string; actor: Actor }
  | { status: 'expired' | 'unknown' };

/** Finds the live session behind a cookie value; slides its idle timeout. */
export async function resolveSession(
  db: Queryable,
  cookieValue: string,
  policy: SessionPolicy,
  now: Date,
): Promise<SessionLookup> {
  // Session, user, grants and the reference stamp in one statement: this runs before every signed-in request.
  const [found] = await db
    .select({ session: sessions, user: users, grants: grantsOfUser, referenceStamp: referenceStampColumn })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sha256Hex(cookieValue)));
  if (found) noteReferenceStamp(found.referenceStamp);
  if (!found || found.session.revokedAt) return { status: 'unknown' };
  const { session } = found;
  const idleLimit = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (session.expiresAt <= now || idleLimit <= now.getTime()) return { status: 'expired' };
  if (found.user.disabledAt) return { status: 'unknown' };
  const actor = { ...actorOf(found.user, found.grants, null), identityLevel: identityLevelOf(session.identityLevel) };
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
  }
  return { status: 'valid', sessionId: session.id, csrfToken: session.csrfToken, actor };
}

function identityLevelOf(level: number | null): 1 | 2 | null {
  return level === 1 || level === 2 ? level : null;
}

export async function revokeSession(tx: Tx, sessionId: string, now: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every other session of a user (after a password change or reset). */
export async function revokeUserSessions(tx: Tx, userId: string, keepSessionId: string | null, now: Date) {
  const keep = keepSessionId ? ne(sessions.id, keepSessionId) : undefined;
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keep));
}

/** Finds the actor behind a bearer token, restricted to the token's scopes. */
export async function resolveApiToken(db: Queryable, token: string, now: Date): Promise<Actor | null> {
  const [found] = await db
    .select({ token: apiTokens, user: users, grants: grantsOfUser, referenceStamp: referenceStampColumn })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sha256Hex(token)), isNull(apiTokens.revokedAt)));
  if (found) noteReferenceStamp(found.referenceStamp);
  if (!found || (found.token.expiresAt && found.token.expiresAt <= now) || found.user.disabledAt) return null;
  const row = found.token;
  const actor = actorOf(found.user, found.grants, row.scopes);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return actor;
}
