/**
 * The trust services as a shared service (`services.trust`): opened once per process on first
 * use — the demo CA is generated then, on the first start — and kept.
 */
import type { Env } from '../../kernel/env.js';
import { defaultKeysDir } from './key-files.js';
import { openTrustServices, type TrustServices } from './trust-services.js';

export interface TrustProvider {
  get(): Promise<TrustServices>;
}

declare module '../../kernel/http.js' {
  interface Services {
    trust: TrustProvider;
  }
}

export function trustFromEnv(env: Env): TrustProvider {
  let opened: Promise<TrustServices> | null = null;
  return {
    get() {
      opened ??= openTrustServices({
        keysDir: env.MOTCUA_KEYS_DIR ?? defaultKeysDir(),
        publicUrl: env.PUBLIC_URL,
      }).catch((error: unknown) => {
        opened = null;
        throw error;
      });
      return opened;
    },
  };
}
