/**
 * The remote-signing service as a shared service (`services.remoteSigning`): outside production,
 * the in-process simulator (one per process: its transactions live in memory, and its HTTP
 * routes and phone page answer the same instance); in production, the province's provider
 * client (docs/ARCHITECTURE.md "Signing": an HTTP client implementing RemoteSigningService) —
 * until one is configured, asking for a signature answers REMOTE_SIGNING_UNAVAILABLE.
 */
import type { Env } from '../../kernel/env.js';
import { AppError } from '../../kernel/errors.js';
import { type RemoteSigningService, type RemoteSigningSimulator, remoteSigningSimulator } from './remote-signing.js';
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
  const simulated = env.NODE_ENV !== 'production';
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
      if (!simulated) throw new AppError('REMOTE_SIGNING_UNAVAILABLE');
      return simulator();
    },
    simulator: async () => (simulated ? simulator() : null),
    confirmationPage: (userId) => (simulated ? `${REMOTE_SIM_BASE}/app/${encodeURIComponent(userId)}` : null),
  };
}
