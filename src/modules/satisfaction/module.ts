/** Satisfaction ratings (đánh giá sự hài lòng) of dossiers. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as satisfactionTables from './satisfaction.tables.js';
import { SATISFACTION_ERRORS } from './satisfaction.errors.js';
import { satisfactionRoutes } from './satisfaction.routes.js';

export const satisfactionModule: ModuleManifest = {
  name: 'satisfaction',
  needs: ['access', 'audit', 'calendar', 'catalog', 'dossiers', 'feedback', 'identity', 'org'],
  tables: [satisfactionTables],
  errors: [SATISFACTION_ERRORS],
  routes: satisfactionRoutes,
};
