/** Plans and tasks (kế hoạch, nhiệm vụ): import from PDF text, XLSX, DOCX; progress by units; reports. */
import type { ModuleManifest } from '../../kernel/module.js';
import { announceDeadlines } from './deadlines.service.js';
import { planEvidenceAccess } from './evidence-access.js';
import { PLAN_ERRORS } from './plans.errors.js';
import { planRoutes } from './plans.routes.js';
import * as plansTables from './plans.tables.js';

export const plansModule: ModuleManifest = {
  name: 'plans',
  needs: ['access', 'audit', 'documents', 'files', 'identity', 'org'],
  tables: [plansTables],
  errors: [PLAN_ERRORS],
  routes: planRoutes,
  periodicTasks: () => [
    {
      name: 'plans.deadlines',
      intervalSeconds: 60 * 60,
      run: (db, _env, now) => announceDeadlines(db, now),
    },
  ],
  fileAccess: [planEvidenceAccess],
};
