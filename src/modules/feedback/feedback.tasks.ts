/** The feedback module's periodic task: deadline reminders to the competent units. */
import { deadlineClock } from '../dossiers/dossier-view.js';
import type { PeriodicTask } from '../../kernel/module.js';
import { sendFeedbackReminders } from './reminders.service.js';

export const feedbackDueReminders: PeriodicTask = {
  name: 'feedback.due-reminders',
  intervalSeconds: 30 * 60,
  async run(db, env, now, { notifier }) {
    const clock = await deadlineClock(db, env, now);
    return { reminded: await db.transaction((tx) => sendFeedbackReminders(tx, notifier, clock)) };
  },
};
