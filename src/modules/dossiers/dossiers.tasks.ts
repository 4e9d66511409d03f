/** The dossiers module's periodic task: apology-letter (mẫu 04) reminders. */
import { notifierFromEnv } from '../notifications/notifier.js';
import type { PeriodicTask } from '../../kernel/module.js';
import { sendApologyReminders } from './apology-reminders.service.js';

export const apologyDueReminders: PeriodicTask = {
  name: 'dossiers.apology-due',
  intervalSeconds: 60 * 60,
  async run(db, env, now) {
    return { reminded: await db.transaction((tx) => sendApologyReminders(tx, notifierFromEnv(env), now)) };
  },
};
