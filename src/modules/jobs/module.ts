/** The scheduler of every module's periodic tasks (FOR UPDATE SKIP LOCKED) and its admin routes. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as jobsTables from './jobs.tables.js';
import { JOBS_ERRORS } from './jobs.errors.js';
import { jobsRoutes } from './jobs.routes.js';

export const jobsModule: ModuleManifest = {
  name: 'jobs',
  needs: ['access', 'audit'],
  tables: [jobsTables],
  errors: [JOBS_ERRORS],
  routes: jobsRoutes,
};
