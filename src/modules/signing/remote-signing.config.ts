/**
 * The remote-signing service as a shared service (`services.remoteSigning`): with
 * REMOTE_SIGNING_URL, the provider's API over HTTP (remote-signing-http.ts; outside production
 * that may be the simulator of another MotCua process); else, outside production, the in-process
 * simulator (one per process: its transactions live in memory, and its HTTP routes and phone page
 * answer the same instance); in production without a URL, asking for a signature answers
 * REMOTE_SIGNING_UNAVAILABLE.
 */
import type { Env } from '../../kernel/env.js';
import { AppError } from '../../kernel/errors.js';
import { type RemoteSigningService, type RemoteSigningSimulator, remoteSigningSimulator } from './remote-signing.js';
import { httpRemoteSigning } from './remote-signing-http.js';
import type { TrustProvider } from './trust.config.js';

export interface RemoteSigningProvider {
  get(): Promise<RemoteSigningService>;
  /** The simulator behind `get()`, or null where a real provider is used. */
  simulator(): Promise<RemoteSigningSimulator | null>;
  /** Where the official confirms (the simulator's phone page), when MotCua can show it. */
  confirmationPage(userId: string): string | null;
}

declare module '../../kernel/http.js' {
  interface Services {
    remoteSigning: RemoteSigningProvider;
  }
}

export const REMOTE_SIM_BASE = '/sim/remote-signing';

export function remoteSigningFromEnv(env: Env, trust: TrustProvider): RemoteSigningProvider {
  const production = env.NODE_ENV === 'production';
  if (env.REMOTE_SIGNING_URL) {
    const remote = httpRemoteSigning(env.REMOTE_SIGNING_URL, env.REMOTE_SIGNING_TIMEOUT_MS);
    const base = env.REMOTE_SIGNING_URL.replace(/\/+$/, '');
    return {
      get: async () => remote,
      simulator: async () => null,
      // A real provider's confirmation is in its own app on the official's phone: no page to link.
      confirmationPage: (userId) => (production ? null : `${base}/app/${encodeURIComponent(userId)}`),
    };
  }
  let sim: Promise<RemoteSigningSimulator> | null = null;
  const simulator = () => {
    sim ??= trust
      .get()
      .then((services) => remoteSigningSimulator(services))
      .catch((error: unknown) => {
        sim = null;
        throw error;
      });
    return sim;
  };
  return {
    async get() {
      if (production) throw new AppError('REMOTE_SIGNING_UNAVAILABLE');
      return simulator();
    },
    simulator: async () => (production ? null : simulator()),
    confirmationPage: (userId) => (production ? null : `${REMOTE_SIM_BASE}/app/${encodeURIComponent(userId)}`),
  };
}
