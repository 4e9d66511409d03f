import type { Env } from '../../kernel/env.js';

/** The path of the relying party's redirect (callback) route. */
export const CALLBACK_PATH = '/api/auth/oidc/callback';
const SIM_PATH = '/sim/vneid';

/** The public origin: PUBLIC_URL when set, else the origin the request came to. */
export function publicOrigin(env: Env, requestOrigin: string): string {
  return env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : requestOrigin;
}

/** Where the provider sends the browser back (OIDC_REDIRECT_URL, else our callback route). */
export function callbackUrlFor(env: Env, origin: string): string {
  return env.OIDC_REDIRECT_URL ?? `${origin}${CALLBACK_PATH}`;
}

/** Whether the in-process simulator is the provider (no OIDC_ISSUER, not production). */
export function usesSimulator(env: Env): boolean {
  return !env.OIDC_ISSUER && env.NODE_ENV !== 'production';
}

/** OIDC sign-in is offered when an issuer is configured, or the simulator stands in for one. */
export function oidcEnabled(env: Env): boolean {
  return !!env.OIDC_ISSUER || usesSimulator(env);
}

/** The issuer the relying party discovers: OIDC_ISSUER, else the simulator at this origin. */
export function issuerFor(env: Env, origin: string): string {
  return env.OIDC_ISSUER ?? `${origin}${SIM_PATH}`;
}
