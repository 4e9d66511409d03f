/** The procedure catalog (danh mục TTHC): procedures, versions, publication decisions, search, import/export. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as catalogTables from './catalog.tables.js';
import { catalogIoRoutes } from './catalog-io.routes.js';
import { CATALOG_ERRORS } from './catalog.errors.js';
import { catalogRoutes } from './catalog.routes.js';
import { formFileRoutes } from './form-files.routes.js';
import { SEARCH_WORD_SIMILARITY } from './search.rules.js';

export const catalogModule: ModuleManifest = {
  name: 'catalog',
  needs: ['access', 'audit', 'calendar', 'files', 'org'],
  // Cached across requests under the reference stamp (kernel/reference-cache.ts).
  referenceTables: ['procedures', 'procedure_versions'],
  tables: [catalogTables],
  errors: [CATALOG_ERRORS],
  routes(app, deps) {
    catalogRoutes(app, deps);
    catalogIoRoutes(app, deps);
    formFileRoutes(app, deps);
  },
  // Vietnamese search matches words by trigram similarity (search.rules.ts).
  databaseSettings: { 'pg_trgm.word_similarity_threshold': SEARCH_WORD_SIMILARITY },
};
