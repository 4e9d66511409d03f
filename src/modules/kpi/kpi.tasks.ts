/**
 * The kpi module's periodic task: drain the rollup's queue in the background, so the counters
 * stay close to the dossiers and an index request (which drains what is left before it reads)
 * rarely has much to do — after an upgrade whose migration queued many dossiers, not at all.
 */
import type { PeriodicTask } from '../../kernel/module.js';
import { refreshRollup } from './rollup.service.js';

export const kpiRollupRefresh: PeriodicTask = {
  name: 'kpi.refresh-rollup',
  intervalSeconds: 60,
  run: async (db) => ({ refreshed: await refreshRollup(db) }),
};
