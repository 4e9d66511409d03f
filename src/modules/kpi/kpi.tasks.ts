/**
 * The kpi module's periodic tasks:
 * - drain the rollup's queue in the background, so the counters stay close to the dossiers and an
 *   index request (which drains what is left before it reads) rarely has much to do — after an
 *   upgrade whose migration queued many dossiers, not at all;
 * - the monthly late list to the heads of each unit (late-notices.service.ts), from the 21st.
 */
import type { PeriodicTask } from '../../kernel/module.js';
import { sendMonthlyLateLists } from './late-notices.service.js';
import { refreshRollup } from './rollup.service.js';

export const kpiRollupRefresh: PeriodicTask = {
  name: 'kpi.refresh-rollup',
  intervalSeconds: 60,
  run: async (db) => ({ refreshed: await refreshRollup(db) }),
};

export const monthlyLateLists: PeriodicTask = {
  name: 'kpi.monthly-late-lists',
  intervalSeconds: 15 * 60,
  run: (db, env, now) => db.transaction((tx) => sendMonthlyLateLists(tx, env, now)),
};
