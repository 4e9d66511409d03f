/** The notifications module's periodic task: sending what is due (deliver.service.ts). */
import type { PeriodicTask } from '../../kernel/module.js';
import { deliverDue } from './deliver.service.js';

export const deliverNotifications: PeriodicTask = {
  name: 'notifications.deliver',
  intervalSeconds: 15,
  run: (db, _env, now, { notificationChannels, notifier }) =>
    deliverDue(db, notificationChannels, now, notifier.settings),
};
