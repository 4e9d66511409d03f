/**
 * Messages to citizens and officials: the delivery log, templates, preferences, the in-app inbox,
 * and the channels (SMTP e-mail, brandname SMS, Zalo ZNS) with their simulators. Modules ask for
 * messages with `notify` (notify.service.ts) from their own outbox subscribers and tasks.
 */
import type { ModuleManifest } from '../../kernel/module.js';
import { NOTIFICATION_ERRORS } from './notifications.errors.js';
import { notificationRoutes } from './notifications.routes.js';
import * as notificationsTables from './notifications.tables.js';
import { deliverNotifications } from './notifications.tasks.js';
import { notificationServicesFromEnv } from './notifier.js';
import { gatewaySimRoutes } from './sim.routes.js';

export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  needs: ['access', 'audit', 'identity', 'outbox'],
  tables: [notificationsTables],
  errors: [NOTIFICATION_ERRORS],
  provides: (env) => notificationServicesFromEnv(env),
  routes(app, deps) {
    notificationRoutes(app, deps);
    gatewaySimRoutes(app, deps);
  },
  periodicTasks: () => [deliverNotifications],
};
