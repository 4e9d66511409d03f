import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Env, readEnv } from '../../kernel/env.js';

/** Settings for tests: quiet logs, cheap password hashing (the format is the same), no periodic tasks. */
export function testEnv(overrides: Record<string, string> = {}): Env {
  return readEnv({
    NODE_ENV: 'test',
    PASSWORD_SCRYPT_LOG_N: '10',
    SEED_DEMO: 'false',
    JOBS_ENABLED: 'false',
    // One demo CA for all test processes (generated once, atomically; see signing/key-files.ts).
    MOTCUA_KEYS_DIR: join(tmpdir(), 'motcua-test-keys'),
    ...overrides,
  });
}
