/**
 * The dossiers module's periodic tasks: apology-letter (mẫu 04) reminders, step deadlines, the
 * morning messages, old remote-signing requests.
 */
import type { PeriodicTask } from '../../kernel/module.js';
import { sendApologyReminders } from './apology-reminders.service.js';
import { pruneSigningRequests } from './result-signing.prune.js';
import { sendMorningMessages, sendStepDeadlineReminders } from './step-reminders.service.js';

export const apologyDueReminders: PeriodicTask = {
  name: 'dossiers.apology-due',
  intervalSeconds: 60 * 60,
  async run(db, _env, now, { notifier }) {
    return { reminded: await db.transaction((tx) => sendApologyReminders(tx, notifier, now)) };
  },
};

export const stepDeadlineReminders: PeriodicTask = {
  name: 'dossiers.step-deadlines',
  intervalSeconds: 5 * 60,
  run: (db, env, now) => db.transaction((tx) => sendStepDeadlineReminders(tx, env, now)),
};

export const morningMessages: PeriodicTask = {
  name: 'dossiers.morning-messages',
  intervalSeconds: 5 * 60,
  run: (db, env, now) => db.transaction((tx) => sendMorningMessages(tx, env, now)),
};

export const pruneResultSigningRequests: PeriodicTask = {
  name: 'dossiers.prune-result-signing',
  intervalSeconds: 24 * 60 * 60,
  run: async (db, _env, now) => ({ pruned: await pruneSigningRequests(db, now) }),
};
