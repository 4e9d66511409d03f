import { and, asc, eq, gt } from 'drizzle-orm';
import type { Tx } from '../../kernel/db.js';
import type { Actor, RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import type { AuthConfig } from './auth.config.js';
import { actorFromRow } from './actor.js';
import { loginAttempts, users } from './identity.tables.js';
import { hashPassword, isAcceptablePassword, verifyPassword } from './password.js';
import { createSession, revokeSession, revokeUserSessions } from './sessions.service.js';
import { attemptsReadSince, decideThrottle, KNOWN_ADDRESS_DAYS } from './throttle.rules.js';

export interface LoginInput {
  username: string;
  password: string;
  userAgent: string | null;
  /**
   * The password proves an account that an identity provider's sign-in (oidc module) is linking
   * to: allowed when citizens' password login is off, and the session gets the provider's level.
   */
  linking?: { identityLevel: 1 | 2 };
}

export type LoginResult =
  | { ok: true; actor: Actor; sessionId: string; cookieValue: string; csrfToken: string; mustChangePassword: boolean }
  | { ok: false; error: 'INVALID_CREDENTIALS' | 'ACCOUNT_DISABLED' | 'PASSWORD_LOGIN_DISABLED' }
  | { ok: false; error: 'LOGIN_THROTTLED'; retryAfterSeconds: number };

export type LoginRefusal = Extract<LoginResult, { ok: false }>;

/** A refused sign-in as the API answers it (a throttled one says when to try again). */
export function refusedLogin(refusal: LoginRefusal): AppError {
  return new AppError(
    refusal.error,
    refusal.error === 'LOGIN_THROTTLED' ? { retryAfterSeconds: refusal.retryAfterSeconds } : undefined,
  );
}

/** Compared against when the username is unknown, so timing does not reveal which accounts exist. */
let dummyHash: Promise<string> | null = null;

/**
 * Checks credentials and opens a session. Failures are *returned*, not thrown, so the caller's
 * transaction commits the recorded attempt (a thrown error would roll it back and defeat the
 * throttle).
 */
export async function login(
  tx: Tx,
  ctx: RequestContext,
  input: LoginInput,
  config: AuthConfig,
  now: Date,
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const ip = ctx.ip ?? 'unknown';
  const throttle = decideThrottle(await attemptHistory(tx, username, ip, now, config), now, config.throttle);
  if (!throttle.allowed) return { ok: false, error: 'LOGIN_THROTTLED', retryAfterSeconds: throttle.retryAfterSeconds };

  const [user] = await tx.select().from(users).where(eq(users.username, username));
  dummyHash ??= hashPassword('dummy-password-0', config.scryptLogN);
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash));
  const succeeded = !!user?.passwordHash && passwordOk;
  await tx.insert(loginAttempts).values({ username, ip, succeeded, attemptedAt: now });
  if (!user || !succeeded) {
    if (user) {
      await recordChange(tx, ctx, { action: 'auth.login_failed', targetType: 'user', targetId: user.id });
    }
    return { ok: false, error: 'INVALID_CREDENTIALS' };
  }
  if (user.disabledAt) return { ok: false, error: 'ACCOUNT_DISABLED' };
  // Checked after the password, so the answer does not tell a stranger which accounts are citizens'.
  if (user.kind === 'citizen' && !config.citizenPasswordLogin && !input.linking) {
    return { ok: false, error: 'PASSWORD_LOGIN_DISABLED' };
  }

  const identityLevel = input.linking?.identityLevel ?? null;
  const session = await createSession(
    tx,
    user.id,
    { ip: ctx.ip, userAgent: input.userAgent, identityLevel },
    config.session,
    now,
  );
  const actor = { ...(await actorFromRow(tx, user, null)), identityLevel };
  await recordChange(
    tx,
    { ...ctx, actor },
    {
      action: 'auth.login',
      targetType: 'session',
      targetId: session.sessionId,
      unitId: user.homeUnitId,
    },
  );
  return {
    ok: true,
    actor,
    sessionId: session.sessionId,
    cookieValue: session.cookieValue,
    csrfToken: session.csrfToken,
    mustChangePassword: user.mustChangePassword,
  };
}

/** The failures that count for the throttle (throttle.rules.ts), read from the attempts table. */
async function attemptHistory(tx: Tx, username: string, ip: string, now: Date, config: AuthConfig) {
  const since = new Date(now.getTime() - config.throttle.windowMs);
  const knownSince = new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000);
  const byAccount = await tx
    .select({ at: loginAttempts.attemptedAt, ip: loginAttempts.ip, succeeded: loginAttempts.succeeded })
    .from(loginAttempts)
    .where(
      and(eq(loginAttempts.username, username), gt(loginAttempts.attemptedAt, attemptsReadSince(now, config.throttle))),
    )
    .orderBy(asc(loginAttempts.attemptedAt));
  const recent = byAccount.filter((a) => a.at > since);
  const fromHere = recent.filter((a) => a.ip === ip);
  const byIp = await tx
    .select({ at: loginAttempts.attemptedAt })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, since)))
    .orderBy(asc(loginAttempts.attemptedAt));
  return {
    pairFailures: failuresSinceLastSuccess(fromHere),
    addressFailures: byIp.map((a) => a.at),
    accountFailures: failuresSinceLastSuccess(recent),
    knownAddress: byAccount.some((a) => a.succeeded && a.ip === ip && a.at > knownSince),
  };
}

function failuresSinceLastSuccess(attempts: { at: Date; succeeded: boolean }[]): Date[] {
  return attempts.slice(attempts.findLastIndex((a) => a.succeeded) + 1).map((a) => a.at);
}

export async function logout(tx: Tx, ctx: RequestContext, sessionId: string, now: Date): Promise<void> {
  await revokeSession(tx, sessionId, now);
  await recordChange(tx, ctx, { action: 'auth.logout', targetType: 'session', targetId: sessionId });
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  /** The session making the change stays open; every other one ends. */
  keepSessionId: string | null;
}

export async function changePassword(
  tx: Tx,
  ctx: RequestContext,
  input: ChangePasswordInput,
  config: AuthConfig,
  now: Date,
) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const [user] = await tx.select().from(users).where(eq(users.id, actor.userId));
  if (!user?.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('WRONG_PASSWORD');
  }
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_REUSED');
  await setPassword(tx, ctx, user.id, user.username, input.newPassword, config, {
    mustChange: false,
    keepSessionId: input.keepSessionId,
    action: 'auth.password_change',
    now,
  });
}

/** Sets a password (own change or an administrator's reset); ends the user's other sessions. */
export async function setPassword(
  tx: Tx,
  ctx: RequestContext,
  userId: string,
  username: string,
  newPassword: string,
  config: AuthConfig,
  opts: { mustChange: boolean; keepSessionId: string | null; action: string; now: Date },
): Promise<void> {
  if (!isAcceptablePassword(newPassword, username)) throw new AppError('WEAK_PASSWORD');
  const { now } = opts;
  await tx
    .update(users)
    .set({
      passwordHash: await hashPassword(newPassword, config.scryptLogN),
      passwordChangedAt: now,
      mustChangePassword: opts.mustChange,
      updatedAt: now,
    })
    .where(eq(users.id, userId));
  await revokeUserSessions(tx, userId, opts.keepSessionId, now);
  await recordChange(tx, ctx, { action: opts.action, targetType: 'user', targetId: userId });
}
