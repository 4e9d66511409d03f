/**
 * The publications module's periodic task: make the publications due (publications.rules.ts) —
 * the weekly index every Monday, the late list and the month's index on PUBLIC_LATE_LIST_DAY.
 * Hourly, so a publication appears within the hour of its day starting (Vietnam time).
 */
import type { PeriodicTask } from '../../kernel/module.js';
import { publishDue } from './publications.service.js';

export const publishDueTask: PeriodicTask = {
  name: 'publications.publish-due',
  intervalSeconds: 60 * 60,
  run: (db, env, now) => publishDue(db, env, now),
};
