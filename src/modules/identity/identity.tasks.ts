/** The identity module's periodic task: delete the sign-in attempts the throttle no longer reads. */
import type { PeriodicTask } from '../../kernel/module.js';
import { pruneLoginAttempts } from './login-attempts.service.js';

export const loginAttemptsPruning: PeriodicTask = {
  name: 'identity.prune-login-attempts',
  intervalSeconds: 60 * 60,
  run: async (db, _env, now, { auth }) => ({ deleted: await pruneLoginAttempts(db, auth.throttle, now) }),
};
