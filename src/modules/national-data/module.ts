/** The national data-sharing platform (NDXP/LGSP) adapter: population database, national data store; its simulator. */
import type { ModuleManifest } from '../../kernel/module.js';
import { nationalDataClientFromEnv } from './national-data-client.js';
import { NATIONAL_DATA_ERRORS } from './national-data.errors.js';
import { ndxpSimRoutes } from './ndxp-sim.routes.js';

export const nationalDataModule: ModuleManifest = {
  name: 'national-data',
  needs: ['files'],
  errors: [NATIONAL_DATA_ERRORS],
  provides: (env) => ({ nationalData: nationalDataClientFromEnv(env) }),
  routes: ndxpSimRoutes,
};
