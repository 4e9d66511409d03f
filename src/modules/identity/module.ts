/** Accounts, roles per unit, sessions, API tokens, sign-in throttling. */
import type { ModuleManifest } from '../../kernel/module.js';
import { authConfigFromEnv } from './auth.config.js';
import * as identityTables from './identity.tables.js';
import { authRoutes } from './auth.routes.js';
import { registerAuth } from './http-auth.js';
import { IDENTITY_ERRORS } from './identity.errors.js';
import { loginAttemptsPruning } from './identity.tasks.js';
import { userRoutes } from './users.routes.js';

export const identityModule: ModuleManifest = {
  name: 'identity',
  needs: ['access', 'audit', 'org'],
  tables: [identityTables],
  errors: [IDENTITY_ERRORS],
  provides: (env) => ({ auth: authConfigFromEnv(env) }),
  httpHooks: registerAuth,
  routes(app, deps) {
    authRoutes(app, deps);
    userRoutes(app, deps);
  },
  periodicTasks: () => [loginAttemptsPruning],
};
