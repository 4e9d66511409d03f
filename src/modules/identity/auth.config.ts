import type { Env } from '../../kernel/env.js';
import type { SessionPolicy } from './sessions.service.js';
import type { ThrottleConfig } from './throttle.rules.js';

/** The identity module's settings, taken from the environment once at start. */
export interface AuthConfig {
  session: SessionPolicy;
  throttle: ThrottleConfig;
  scryptLogN: number;
}

export function authConfigFromEnv(env: Env): AuthConfig {
  return {
    session: { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS },
    throttle: {
      maxFailuresPerAccount: env.LOGIN_MAX_FAILURES,
      maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
      windowMs: env.LOGIN_WINDOW_MINUTES * 60_000,
    },
    scryptLogN: env.PASSWORD_SCRYPT_LOG_N,
  };
}
