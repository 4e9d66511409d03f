/**
 * Every periodic task of the system, each defined (and its work done) by its own module; the
 * jobs module schedules them (src/modules/jobs). Add a module's task here.
 */
import { apologyDueReminders } from '../modules/dossiers/dossiers.tasks.js';
import { feedbackDueReminders } from '../modules/feedback/feedback.tasks.js';
import type { PeriodicTask } from '../modules/jobs/registry.js';
import { kpiRollupRefresh } from '../modules/kpi/kpi.tasks.js';
import { expirePendingPayments } from '../modules/payments/payments.tasks.js';
import { nationalPortalSync } from '../modules/national-portal/national-portal.tasks.js';
import { outboxRelay } from '../modules/outbox/outbox.tasks.js';
import { queueRemindersAndNoShows } from '../modules/queue/queue.tasks.js';
import { OUTBOX_SUBSCRIBERS } from './outbox-subscribers.js';

export const PERIODIC_TASKS: readonly PeriodicTask[] = [queueRemindersAndNoShows, feedbackDueReminders, apologyDueReminders, outboxRelay(OUTBOX_SUBSCRIBERS), nationalPortalSync, expirePendingPayments, kpiRollupRefresh];
