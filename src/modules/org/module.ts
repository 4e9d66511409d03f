/** The organisation tree (đơn vị): units with history, identifier codes. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as unitsTable from './units.table.js';
import { ORG_ERRORS } from './org.errors.js';
import { unitRoutes } from './units.routes.js';
import { rootUnitIds } from './units.service.js';

export const orgModule: ModuleManifest = {
  name: 'org',
  needs: ['access', 'audit'],
  // Cached across requests under the reference stamp (kernel/reference-cache.ts).
  referenceTables: ['units'],
  tables: [unitsTable],
  errors: [ORG_ERRORS],
  provides: () => ({ rootUnitIds }),
  routes: unitRoutes,
};
