/** The applicant data store (kho dữ liệu): papers and results kept for reuse. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as datastoreTables from './datastore.tables.js';
import { datastoreRoutes } from './datastore.routes.js';
import { DATASTORE_ERRORS } from './datastore.errors.js';

export const datastoreModule: ModuleManifest = {
  name: 'datastore',
  needs: ['access', 'audit', 'catalog', 'files', 'identity', 'national-data', 'notifications', 'org'],
  errors: [DATASTORE_ERRORS],
  tables: [datastoreTables],
  routes: datastoreRoutes,
};
