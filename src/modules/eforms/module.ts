/** Tờ khai điện tử: form definitions per procedure version, prefill with provenance, drafts, filed forms. */
import type { ModuleManifest } from '../../kernel/module.js';
import { EFORM_ERRORS } from './eforms.errors.js';
import { eformAdminRoutes } from './eforms-admin.routes.js';
import { eformRoutes } from './eforms.routes.js';
import * as eformTables from './eforms.tables.js';

export const eformsModule: ModuleManifest = {
  name: 'eforms',
  needs: [
    'access',
    'audit',
    'catalog',
    'datastore',
    'documents',
    'identifiers',
    'identity',
    'national-data',
    'oidc',
    'org',
  ],
  // Cached across requests under the reference stamp (kernel/reference-cache.ts).
  referenceTables: ['eform_definitions'],
  tables: [eformTables],
  errors: [EFORM_ERRORS],
  routes(app, deps) {
    eformRoutes(app, deps);
    eformAdminRoutes(app, deps);
  },
};
