/** Certification (chứng thực): certified electronic copies from originals, numbered in the unit's register. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as certificationTables from './certification.tables.js';
import { CERTIFICATION_ERRORS } from './certification.errors.js';
import { certifiedCopyRoutes } from './certified-copy.routes.js';

export const certificationModule: ModuleManifest = {
  name: 'certification',
  needs: ['audit', 'documents', 'dossiers', 'files', 'identity', 'kpi'],
  tables: [certificationTables],
  errors: [CERTIFICATION_ERRORS],
  routes(app, deps) {
    certifiedCopyRoutes(app, deps);
  },
};
