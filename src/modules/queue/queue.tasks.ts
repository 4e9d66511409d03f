/** The queue module's periodic task: appointment reminders, then no-shows (bookings.service.ts). */
import type { PeriodicTask } from '../../kernel/module.js';
import { runQueueJobs } from './bookings.service.js';

export const queueRemindersAndNoShows: PeriodicTask = {
  name: 'queue.reminders-and-no-shows',
  intervalSeconds: 5 * 60,
  run: (db, env, now, { notifier }) => runQueueJobs(db, env, notifier, now),
};
