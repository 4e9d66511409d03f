/** Messages to citizens and officials through the configured notifier (simulator so far). */
import type { ModuleManifest } from '../../kernel/module.js';
import * as notificationsTables from './notifications.tables.js';
import { notifierFromEnv } from './notifier.js';

export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  needs: [],
  tables: [notificationsTables],
  provides: (env) => ({ notifier: notifierFromEnv(env) }),
};
