/**
 * Signing a person in from a provider's validated statement (oidc-client.ts), and linking it to a
 * MotCua account by the personal identifier only — never by name or e-mail:
 * - an identity seen before (issuer + subject) → its account;
 * - else the account carrying the same personal identifier: with a password, it is linked only
 *   after the person also proves that password (both proven); without one (made by another
 *   provider's sign-in), linked at once; staff only when OIDC_STAFF_ENABLED (roles stay MotCua's);
 * - else a new citizen account, no password, named and reachable as the provider says.
 */
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Tx } from '../../kernel/db.js';
import type { Actor, RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { loadActor } from '../identity/actor.js';
import type { AuthConfig } from '../identity/auth.config.js';
import { login, type LoginResult } from '../identity/auth.service.js';
import { randomSecret, sha256Hex } from '../identity/secrets.js';
import { createSession, revokeSession } from '../identity/sessions.service.js';
import { accountByPersonalId } from '../identity/users.query.js';
import { getUser, insertUser } from '../identity/users.service.js';
import type { ProviderSignIn } from './oidc-client.js';
import { oidcIdentities, oidcPendingLinks, oidcSessions } from './oidc.tables.js';
import type { IdentityLevel, IdentityProfile } from './vneid-claims.rules.js';

/** How long the person has to prove the existing account's password. */
const LINK_MINUTES = 10;

export interface SignInOptions {
  auth: AuthConfig;
  staffEnabled: boolean;
  userAgent: string | null;
  returnTo: string | null;
  now: Date;
}

export interface OpenedSession {
  actor: Actor;
  sessionId: string;
  cookieValue: string;
  csrfToken: string;
}

export type SignInOutcome = ({ kind: 'signedIn' } & OpenedSession) | { kind: 'linkRequired'; token: string };

export async function signInWithProvider(
  tx: Tx,
  ctx: RequestContext,
  signIn: ProviderSignIn,
  reading: { profile: IdentityProfile; level: IdentityLevel },
  opts: SignInOptions,
): Promise<SignInOutcome> {
  const [known] = await tx
    .select({ id: oidcIdentities.id, userId: oidcIdentities.userId })
    .from(oidcIdentities)
    .where(and(eq(oidcIdentities.issuer, signIn.issuer), eq(oidcIdentities.subject, signIn.subject)));
  let userId = known?.userId ?? null;
  const account = await accountByPersonalId(tx, reading.profile.personalId);
  // A known identity whose identifier now names another account is not trusted to switch accounts.
  if (userId && account && account.id !== userId) throw new AppError('OIDC_ACCOUNT_NOT_LINKABLE');
  if (!userId && account) {
    if (account.kind === 'service' || account.disabled) throw new AppError('OIDC_ACCOUNT_NOT_LINKABLE');
    if (account.kind === 'staff' && !opts.staffEnabled) throw new AppError('OIDC_STAFF_NOT_ALLOWED');
    if (account.hasPassword) {
      // Links nobody finished are dropped as new ones are made (no task needed for a small table).
      await tx.delete(oidcPendingLinks).where(lt(oidcPendingLinks.expiresAt, opts.now));
      const token = randomSecret();
      await tx.insert(oidcPendingLinks).values({
        tokenHash: sha256Hex(token),
        issuer: signIn.issuer,
        subject: signIn.subject,
        sid: signIn.sid,
        userId: account.id,
        level: reading.level,
        profile: reading.profile,
        returnTo: opts.returnTo,
        expiresAt: new Date(opts.now.getTime() + LINK_MINUTES * 60_000),
      });
      return { kind: 'linkRequired', token };
    }
    userId = account.id;
  }
  if (userId) await assertMaySignIn(tx, userId, opts.staffEnabled);
  userId ??= await createCitizen(tx, ctx, reading.profile);
  await rememberIdentity(tx, ctx, userId, signIn, reading, opts.now, !known);
  const session = await createSession(
    tx,
    userId,
    { ip: ctx.ip, userAgent: opts.userAgent, identityLevel: reading.level },
    opts.auth.session,
    opts.now,
  );
  return { kind: 'signedIn', ...(await openedSession(tx, ctx, userId, signIn, reading.level, session)) };
}

async function assertMaySignIn(tx: Tx, userId: string, staffEnabled: boolean): Promise<void> {
  const user = await getUser(tx, userId);
  if (user.disabled || user.kind === 'service') throw new AppError('OIDC_ACCOUNT_NOT_LINKABLE');
  if (user.kind === 'staff' && !staffEnabled) throw new AppError('OIDC_STAFF_NOT_ALLOWED');
}

async function createCitizen(tx: Tx, ctx: RequestContext, profile: IdentityProfile): Promise<string> {
  const user = await insertUser(tx, ctx, {
    // VNeID's login name is the personal identifier; the account has no password to guess.
    username: profile.personalId,
    fullName: profile.fullName ?? profile.personalId,
    kind: 'citizen',
    phone: profile.phone,
    personalId: profile.personalId,
    roles: [{ role: 'citizen', unitId: null }],
    passwordHash: null,
    mustChangePassword: false,
  });
  return user.id;
}

/** Stores (or refreshes) the identity and what the provider said: the profile's prefill source. */
async function rememberIdentity(
  tx: Tx,
  ctx: RequestContext,
  userId: string,
  signIn: ProviderSignIn,
  reading: { profile: IdentityProfile; level: IdentityLevel },
  now: Date,
  isNew: boolean,
): Promise<void> {
  await tx
    .insert(oidcIdentities)
    .values({
      issuer: signIn.issuer,
      subject: signIn.subject,
      userId,
      personalId: reading.profile.personalId,
      level: reading.level,
      profile: reading.profile,
      linkedAt: now,
      lastSignInAt: now,
    })
    .onConflictDoUpdate({
      target: [oidcIdentities.issuer, oidcIdentities.subject],
      set: { level: reading.level, profile: reading.profile, lastSignInAt: now },
    });
  if (isNew) {
    await recordChange(tx, ctx, {
      action: 'oidc.link',
      targetType: 'user',
      targetId: userId,
      after: { issuer: signIn.issuer, level: reading.level },
      event: { userId, issuer: signIn.issuer },
    });
  }
}

async function openedSession(
  tx: Tx,
  ctx: RequestContext,
  userId: string,
  signIn: ProviderSignIn,
  level: IdentityLevel,
  session: { sessionId: string; cookieValue: string; csrfToken: string },
): Promise<OpenedSession> {
  await tx
    .insert(oidcSessions)
    .values({ sessionId: session.sessionId, issuer: signIn.issuer, subject: signIn.subject, sid: signIn.sid });
  const loaded = await loadActor(tx, userId, null);
  if (!loaded) throw new AppError('OIDC_ACCOUNT_NOT_LINKABLE');
  const actor = { ...loaded, identityLevel: level };
  await recordChange(
    tx,
    { ...ctx, actor },
    {
      action: 'auth.login',
      targetType: 'session',
      targetId: session.sessionId,
      unitId: actor.homeUnitId,
      note: `oidc level ${level}`,
    },
  );
  return { actor, ...session };
}

export type LinkResult =
  | { ok: true; session: OpenedSession; returnTo: string | null }
  | Exclude<LoginResult, { ok: true }>;

/**
 * Links a pending sign-in to the existing account once its password is proven (through the
 * identity module's login: the same throttle, and the attempt recorded). A failure is returned, so
 * the caller's transaction commits the attempt; the pending link stays for another try.
 */
export async function completeLink(
  tx: Tx,
  ctx: RequestContext,
  input: { token: string; password: string; userAgent: string | null },
  auth: AuthConfig,
  now: Date,
): Promise<LinkResult> {
  const [pending] = await tx
    .select()
    .from(oidcPendingLinks)
    .where(and(eq(oidcPendingLinks.tokenHash, sha256Hex(input.token)), gt(oidcPendingLinks.expiresAt, now)));
  if (!pending) throw new AppError('OIDC_LINK_EXPIRED');
  const user = await getUser(tx, pending.userId);
  const level = pending.level === 2 ? 2 : 1;
  const result = await login(
    tx,
    ctx,
    {
      username: user.username,
      password: input.password,
      userAgent: input.userAgent,
      linking: { identityLevel: level },
    },
    auth,
    now,
  );
  if (!result.ok) return result;
  await tx.delete(oidcPendingLinks).where(eq(oidcPendingLinks.tokenHash, pending.tokenHash));
  const signIn: ProviderSignIn = { issuer: pending.issuer, subject: pending.subject, sid: pending.sid, claims: {} };
  await rememberIdentity(
    tx,
    { ...ctx, actor: result.actor },
    pending.userId,
    signIn,
    { profile: pending.profile, level },
    now,
    true,
  );
  await tx
    .insert(oidcSessions)
    .values({ sessionId: result.sessionId, issuer: pending.issuer, subject: pending.subject, sid: pending.sid });
  return {
    ok: true,
    session: {
      actor: result.actor,
      sessionId: result.sessionId,
      cookieValue: result.cookieValue,
      csrfToken: result.csrfToken,
    },
    returnTo: pending.returnTo,
  };
}

/** Back-channel logout: ends the MotCua sessions the provider's session (`sid`, else `sub`) opened. */
export async function endProviderSessions(
  tx: Tx,
  ctx: RequestContext,
  logout: { issuer: string; sid: string | null; sub: string | null },
  now: Date,
): Promise<number> {
  const match = logout.sid ? eq(oidcSessions.sid, logout.sid) : eq(oidcSessions.subject, logout.sub!);
  const rows = await tx
    .select({ sessionId: oidcSessions.sessionId })
    .from(oidcSessions)
    .where(and(eq(oidcSessions.issuer, logout.issuer), match));
  for (const { sessionId } of rows) {
    await revokeSession(tx, sessionId, now);
    await recordChange(tx, ctx, {
      action: 'auth.logout',
      targetType: 'session',
      targetId: sessionId,
      note: 'oidc back-channel',
    });
  }
  return rows.length;
}

/** Whether a session was opened by an identity provider (its logout also goes to the provider). */
export async function isProviderSession(tx: Tx, sessionId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: oidcSessions.sessionId })
    .from(oidcSessions)
    .where(eq(oidcSessions.sessionId, sessionId));
  return rows.length > 0;
}
