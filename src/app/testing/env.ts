import { type Env, readEnv } from '../../kernel/env.js';

/** Settings for tests: quiet logs, cheap password hashing (the format is the same), no periodic tasks. */
export function testEnv(overrides: Record<string, string> = {}): Env {
  return readEnv({
    NODE_ENV: 'test',
    PASSWORD_SCRYPT_LOG_N: '10',
    SEED_DEMO: 'false',
    JOBS_ENABLED: 'false',
    ...overrides,
  });
}
