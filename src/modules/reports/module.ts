/** Statutory reports (báo cáo định kỳ): form 06 per period, signed off and sent to the Government's reporting system. */
import type { ModuleManifest } from '../../kernel/module.js';
import { baocaoSimRoutes } from './baocao-sim.routes.js';
import { REPORT_ERRORS } from './reports.errors.js';
import { reportRoutes } from './reports.routes.js';
import { reportsSubscriber } from './reports.subscriber.js';
import * as reportsTables from './reports.tables.js';
import { reportsDeliver } from './reports.tasks.js';

export const reportsModule: ModuleManifest = {
  name: 'reports',
  needs: ['access', 'audit', 'calendar', 'documents', 'kpi', 'org', 'outbox'],
  tables: [reportsTables],
  errors: [REPORT_ERRORS],
  routes(app, deps) {
    reportRoutes(app, deps);
    baocaoSimRoutes(app, deps);
  },
  periodicTasks: () => [reportsDeliver],
  outboxSubscribers: [reportsSubscriber],
};
