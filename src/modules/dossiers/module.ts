/** Dossiers (hồ sơ): intake, processing, consultations, supplements, results, returns, tracking book, public lookup. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as codeSequenceTable from './code-sequence.table.js';
import * as dossiersTables from './dossiers.tables.js';
import * as processingTables from './processing.tables.js';
import * as resultSigningTable from './result-signing.table.js';
import { dossierFileAccess } from './dossier-access.js';
import { DOSSIER_ERRORS } from './dossiers.errors.js';
import { dossierRoutes } from './dossiers.routes.js';
import { dossierEformRoutes } from './dossier-eform.routes.js';
import { nextHandlerRoutes } from './next-handlers.routes.js';
import { dossierNotices } from './dossier-notices.subscriber.js';
import {
  apologyDueReminders,
  morningMessages,
  pruneResultSigningRequests,
  stepDeadlineReminders,
} from './dossiers.tasks.js';
import { publicLookupRoutes } from './public-lookup.routes.js';
import { resultSigningRoutes } from './result-signing.routes.js';
import { TRACKING_BOOK_ERRORS } from './tracking-book.errors.js';
import { trackingBookRoutes } from './tracking-book.routes.js';

export const dossiersModule: ModuleManifest = {
  name: 'dossiers',
  needs: [
    'access',
    'audit',
    'calendar',
    'catalog',
    'datastore',
    'documents',
    'eforms',
    'files',
    'identifiers',
    'identity',
    'national-data',
    'notifications',
    'org',
    'signing',
    'workflows',
  ],
  tables: [codeSequenceTable, dossiersTables, processingTables, resultSigningTable],
  errors: [DOSSIER_ERRORS, TRACKING_BOOK_ERRORS],
  routes(app, deps) {
    trackingBookRoutes(app, deps);
    dossierRoutes(app, deps);
    dossierEformRoutes(app, deps);
    nextHandlerRoutes(app, deps);
    resultSigningRoutes(app, deps);
    publicLookupRoutes(app, deps);
  },
  periodicTasks: () => [apologyDueReminders, stepDeadlineReminders, morningMessages, pruneResultSigningRequests],
  outboxSubscribers: [dossierNotices],
  fileAccess: [dossierFileAccess],
};
