/** The national-portal module's periodic task: push the dossiers due for sync (sync.service.ts). */
import type { PeriodicTask } from '../../kernel/module.js';
import { nationalPortalClientFromEnv } from './portal-client.js';
import { pushDueDossiers } from './sync.service.js';

export const nationalPortalSync: PeriodicTask = {
  name: 'national-portal.sync',
  intervalSeconds: 60,
  async run(db, env, now) {
    if (!env.NATIONAL_PORTAL_SYNC_ENABLED) return { disabled: true };
    return pushDueDossiers(db, env, nationalPortalClientFromEnv(env, db), now);
  },
};
