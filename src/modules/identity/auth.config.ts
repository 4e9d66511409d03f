import type { Env } from '../../kernel/env.js';
import type { SessionPolicy } from './sessions.service.js';
import type { ThrottleConfig } from './throttle.rules.js';

/** The identity module's settings, taken from the environment once at start. */
export interface AuthConfig {
  session: SessionPolicy;
  throttle: ThrottleConfig;
  scryptLogN: number;
  /** Citizens may sign in with a MotCua password (CITIZEN_PASSWORD_LOGIN); staff always may. */
  citizenPasswordLogin: boolean;
}

declare module '../../kernel/http.js' {
  interface Services {
    /** Sessions, sign-in throttling, password cost, password login for citizens (identity module). */
    auth: AuthConfig;
  }
}

export function authConfigFromEnv(env: Env): AuthConfig {
  return {
    session: { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS },
    throttle: {
      freeFailuresPerPair: env.LOGIN_FREE_FAILURES,
      freeFailuresPerAddress: env.LOGIN_FREE_FAILURES_PER_IP,
      accountLimit: env.LOGIN_ACCOUNT_LIMIT,
      maxDelayMs: env.LOGIN_MAX_DELAY_MINUTES * 60_000,
      windowMs: env.LOGIN_WINDOW_HOURS * 3_600_000,
    },
    scryptLogN: env.PASSWORD_SCRYPT_LOG_N,
    citizenPasswordLogin: env.CITIZEN_PASSWORD_LOGIN,
  };
}
