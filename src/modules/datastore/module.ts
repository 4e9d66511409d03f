/** The applicant data store (kho dữ liệu): papers and results kept for reuse. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as datastoreTables from './datastore.tables.js';
import { datastoreRoutes } from './datastore.routes.js';

export const datastoreModule: ModuleManifest = {
  name: 'datastore',
  needs: ['access', 'catalog', 'files', 'identity', 'national-data', 'org'],
  tables: [datastoreTables],
  routes: datastoreRoutes,
};
