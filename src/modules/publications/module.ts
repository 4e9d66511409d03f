/**
 * Public accountability pages (công khai): the monthly late list and the weekly and monthly
 * Decision-766 index as immutable snapshots, and the one-stop departments' directory.
 */
import type { ModuleManifest } from '../../kernel/module.js';
import * as publicationsTables from './publications.tables.js';
import { PUBLICATIONS_ERRORS } from './publications.errors.js';
import { publicationsRoutes } from './publications.routes.js';
import { publishDueTask } from './publications.tasks.js';

export const publicationsModule: ModuleManifest = {
  name: 'publications',
  needs: ['access', 'audit', 'calendar', 'kpi', 'org'],
  tables: [publicationsTables],
  errors: [PUBLICATIONS_ERRORS],
  routes: publicationsRoutes,
  periodicTasks: () => [publishDueTask],
};
