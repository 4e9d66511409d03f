/** Dossier sync to the national public service portal (Cổng DVCQG); its simulator. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as dvcqgSimTables from './dvcqg-sim.tables.js';
import * as nationalPortalTables from './national-portal.tables.js';
import { dvcqgSimRoutes } from './dvcqg-sim.routes.js';
import { NATIONAL_PORTAL_ERRORS } from './national-portal.errors.js';
import { nationalPortalRoutes } from './national-portal.routes.js';
import { nationalPortalSubscriber } from './national-portal.subscriber.js';
import { nationalPortalSync } from './national-portal.tasks.js';

export const nationalPortalModule: ModuleManifest = {
  name: 'national-portal',
  needs: ['access', 'audit', 'catalog', 'datastore', 'dossiers', 'identity', 'org', 'outbox', 'payments'],
  tables: [dvcqgSimTables, nationalPortalTables],
  errors: [NATIONAL_PORTAL_ERRORS],
  routes(app, deps) {
    nationalPortalRoutes(app, deps);
    dvcqgSimRoutes(app, deps);
  },
  periodicTasks: () => [nationalPortalSync],
  outboxSubscribers: [nationalPortalSubscriber],
};
