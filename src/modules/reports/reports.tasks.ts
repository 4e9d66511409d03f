/** The reports module's periodic task: deliver the submitted reports to the reporting system, with retries. */
import type { PeriodicTask } from '../../kernel/module.js';
import { reportingClientFromEnv } from './reporting-client.js';
import { deliverDue } from './reports.service.js';

export const reportsDeliver: PeriodicTask = {
  name: 'reports.deliver',
  intervalSeconds: 60,
  async run(db, env, now) {
    const client = reportingClientFromEnv(env, db);
    if (!client) return { disabled: true };
    return deliverDue(db, client, now);
  },
};
