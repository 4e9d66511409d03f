/** Internal workflows (quy trình nội bộ) per procedure and unit. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as workflowsTables from './workflows.tables.js';
import { WORKFLOW_ERRORS } from './workflows.errors.js';
import { workflowRoutes } from './workflows.routes.js';

export const workflowsModule: ModuleManifest = {
  name: 'workflows',
  needs: ['access', 'audit', 'calendar', 'catalog', 'identity', 'org'],
  // Cached across requests under the reference stamp (kernel/reference-cache.ts).
  referenceTables: ['workflow_definitions'],
  tables: [workflowsTables],
  errors: [WORKFLOW_ERRORS],
  routes: workflowRoutes,
};
