/** The dossiers module's periodic task: apology-letter (mẫu 04) reminders. */
import type { PeriodicTask } from '../../kernel/module.js';
import { sendApologyReminders } from './apology-reminders.service.js';

export const apologyDueReminders: PeriodicTask = {
  name: 'dossiers.apology-due',
  intervalSeconds: 60 * 60,
  async run(db, _env, now, { notifier }) {
    return { reminded: await db.transaction((tx) => sendApologyReminders(tx, notifier, now)) };
  },
};
