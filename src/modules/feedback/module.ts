/** Feedback and petitions (phản ánh, kiến nghị): intake, handling, answers, publication, reminders. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as feedbackTables from './feedback.tables.js';
import { feedbackNotices } from './feedback-notices.subscriber.js';
import { feedbackPublicRoutes } from './feedback-public.routes.js';
import { FEEDBACK_ERRORS } from './feedback.errors.js';
import { feedbackRoutes } from './feedback.routes.js';
import { feedbackDueReminders } from './feedback.tasks.js';
import { feedbackFileAccess } from './file-access.js';

export const feedbackModule: ModuleManifest = {
  name: 'feedback',
  needs: ['access', 'audit', 'calendar', 'catalog', 'dossiers', 'files', 'identity', 'notifications', 'org'],
  tables: [feedbackTables],
  errors: [FEEDBACK_ERRORS],
  routes(app, deps) {
    feedbackRoutes(app, deps);
    feedbackPublicRoutes(app, deps);
  },
  periodicTasks: () => [feedbackDueReminders],
  fileAccess: [feedbackFileAccess],
  outboxSubscribers: [feedbackNotices],
};
