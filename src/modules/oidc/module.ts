/** Sign-in through OpenID Connect (VNeID or a province's SSO), and the VNeID simulator. */
import type { ModuleManifest } from '../../kernel/module.js';
import { OIDC_ERRORS } from './oidc.errors.js';
import { oidcRoutes } from './oidc.routes.js';
import * as oidcTables from './oidc.tables.js';
import { vneidSimRoutes } from './vneid-sim.routes.js';

export const oidcModule: ModuleManifest = {
  name: 'oidc',
  needs: ['audit', 'identity', 'identifiers', 'national-data'],
  tables: [oidcTables],
  errors: [OIDC_ERRORS],
  routes(app, deps) {
    oidcRoutes(app, deps);
    vneidSimRoutes(app, deps);
  },
};
