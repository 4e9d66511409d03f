/** The authorization policy (quyền): which role may do which action over which units; pure. */
import type { ModuleManifest } from '../../kernel/module.js';
import { ACCESS_ERRORS } from './access.errors.js';

export const accessModule: ModuleManifest = {
  name: 'access',
  needs: [],
  errors: [ACCESS_ERRORS],
};
