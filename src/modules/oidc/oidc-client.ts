/**
 * The relying party, with `openid-client` 6 (certified): authorization code flow with PKCE (S256),
 * `state` and `nonce`; the ID token's signature (the provider's JWKS), issuer, audience, expiry
 * and nonce are checked by openid-client before any claim is read (OIDC Core §3.1.3.7). Then the
 * userinfo claims (same `sub`) are merged in. Any provider works by configuration (oidc.config.ts).
 */
import * as client from 'openid-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { Env } from '../../kernel/env.js';
import { AppError } from '../../kernel/errors.js';
import { callbackUrlFor, issuerFor } from './oidc.config.js';
import { VNEID_SCOPES } from './vneid-claims.rules.js';

/** What the browser carries between the start and the callback (an httpOnly cookie). */
export interface SignInTransaction {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string | null;
}

/** The transaction as a cookie value (base64url JSON): httpOnly, so only this browser sends it back. */
export function encodeTransaction(transaction: SignInTransaction): string {
  return Buffer.from(JSON.stringify(transaction)).toString('base64url');
}

/** The transaction from the cookie, or null when absent or not one of ours. */
export function decodeTransaction(raw: string | undefined): SignInTransaction | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<SignInTransaction>;
    if (typeof parsed.state !== 'string' || typeof parsed.nonce !== 'string' || typeof parsed.verifier !== 'string') {
      return null;
    }
    return { state: parsed.state, nonce: parsed.nonce, verifier: parsed.verifier, returnTo: parsed.returnTo ?? null };
  } catch {
    return null;
  }
}

export interface ProviderSignIn {
  issuer: string;
  subject: string;
  sid: string | null;
  claims: Record<string, unknown>;
}

const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

export class RelyingParty {
  private readonly configs = new Map<string, Promise<client.Configuration>>();
  private readonly jwks = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  constructor(private readonly env: Env) {}

  /** The provider's metadata, discovered once per issuer (again after a failure). */
  private configuration(origin: string): Promise<client.Configuration> {
    const issuer = issuerFor(this.env, origin);
    let found = this.configs.get(issuer);
    if (!found) {
      // Plain http only outside production (the simulator on a developer's machine).
      const insecure = issuer.startsWith('http://') && this.env.NODE_ENV !== 'production';
      found = client.discovery(
        new URL(issuer),
        this.env.OIDC_CLIENT_ID,
        undefined,
        client.ClientSecretBasic(this.env.OIDC_CLIENT_SECRET),
        {
          // The ID token's signature is checked against the provider's keys even though it comes
          // straight from the token endpoint (OIDC Core §3.1.3.7 lets a client skip that; we do not:
          // a token with a bad signature is refused, whatever the channel).
          execute: insecure
            ? [client.enableNonRepudiationChecks, client.allowInsecureRequests]
            : [client.enableNonRepudiationChecks],
          timeout: 10,
        },
      );
      found.catch(() => this.configs.delete(issuer));
      this.configs.set(issuer, found);
    }
    return found.catch((cause) => {
      throw new AppError('OIDC_PROVIDER_UNAVAILABLE', { reason: reasonOf(cause) });
    });
  }

  async start(origin: string, returnTo: string | null): Promise<{ url: string; transaction: SignInTransaction }> {
    const config = await this.configuration(origin);
    const transaction: SignInTransaction = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      returnTo,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: callbackUrlFor(this.env, origin),
      scope: VNEID_SCOPES.join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
      ...(this.env.OIDC_ACR_VALUES.trim() ? { acr_values: this.env.OIDC_ACR_VALUES.trim() } : {}),
    });
    return { url: url.href, transaction };
  }

  /**
   * Exchanges the code and validates the ID token; throws OIDC_SIGN_IN_FAILED on any mismatch
   * (state, nonce, audience, issuer, signature, expiry) or a refusal by the provider.
   */
  async finish(origin: string, query: URLSearchParams, transaction: SignInTransaction): Promise<ProviderSignIn> {
    const config = await this.configuration(origin);
    const current = new URL(callbackUrlFor(this.env, origin));
    current.search = query.toString();
    try {
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: transaction.verifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      return {
        issuer: config.serverMetadata().issuer,
        subject: idClaims.sub,
        sid: typeof idClaims.sid === 'string' ? idClaims.sid : null,
        // The ID token's acr and identity claims win over userinfo's (it is the signed statement).
        claims: { ...userinfo, ...idClaims },
      };
    } catch (cause) {
      throw new AppError('OIDC_SIGN_IN_FAILED', { reason: reasonOf(cause) });
    }
  }

  /** RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0), or null when the provider has none. */
  async endSessionUrl(origin: string, postLogoutRedirect: string): Promise<string | null> {
    const config = await this.configuration(origin);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, {
      client_id: this.env.OIDC_CLIENT_ID,
      post_logout_redirect_uri: postLogoutRedirect,
    }).href;
  }

  /**
   * Validates a back-channel logout token (OpenID Connect Back-Channel Logout 1.0 §2.6): signed
   * by the provider, for us, with the logout event, a `sid` or `sub`, and no `nonce`.
   */
  async logoutToken(
    origin: string,
    token: string,
  ): Promise<{ issuer: string; sid: string | null; sub: string | null }> {
    const config = await this.configuration(origin);
    const meta = config.serverMetadata();
    if (!meta.jwks_uri) throw new AppError('OIDC_LOGOUT_TOKEN_INVALID');
    let keys = this.jwks.get(meta.jwks_uri);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(meta.jwks_uri));
      this.jwks.set(meta.jwks_uri, keys);
    }
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: meta.issuer,
        audience: this.env.OIDC_CLIENT_ID,
        maxTokenAge: '5m',
        typ: undefined,
      });
      const events = payload.events as Record<string, unknown> | undefined;
      const sid = typeof payload.sid === 'string' ? payload.sid : null;
      const sub = typeof payload.sub === 'string' ? payload.sub : null;
      if (!events || typeof events[BACKCHANNEL_EVENT] !== 'object' || 'nonce' in payload || (!sid && !sub)) {
        throw new Error('not a logout token');
      }
      return { issuer: meta.issuer, sid, sub };
    } catch (cause) {
      throw new AppError('OIDC_LOGOUT_TOKEN_INVALID', { reason: reasonOf(cause) });
    }
  }
}

/** Why a check failed, as the library says it (messages name claims, never their values). */
function reasonOf(cause: unknown): string {
  return cause instanceof Error ? cause.message.slice(0, 200) : 'unknown';
}
