/** Counter queue: appointments, kiosk tickets, calling, reminders and no-shows. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as queueTables from './queue.tables.js';
import { queuePublicRoutes } from './queue-public.routes.js';
import { QUEUE_ERRORS } from './queue.errors.js';
import { queueRoutes } from './queue.routes.js';
import { queueRemindersAndNoShows } from './queue.tasks.js';

export const queueModule: ModuleManifest = {
  name: 'queue',
  needs: ['access', 'audit', 'calendar', 'catalog', 'notifications', 'org'],
  tables: [queueTables],
  errors: [QUEUE_ERRORS],
  routes(app, deps) {
    queueRoutes(app, deps);
    queuePublicRoutes(app, deps);
  },
  periodicTasks: () => [queueRemindersAndNoShows],
};
