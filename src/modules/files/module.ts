/** Stored files: uploads, content sniffing, local or S3 storage, downloads. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as filesTable from './files.table.js';
import { FILES_ERRORS } from './files.errors.js';
import { fileRoutes } from './files.routes.js';
import { fileStorageFromEnv } from './storage.config.js';

export const filesModule: ModuleManifest = {
  name: 'files',
  needs: ['audit', 'signing'],
  tables: [filesTable],
  errors: [FILES_ERRORS],
  provides: (env) => ({ files: fileStorageFromEnv(env) }),
  routes: fileRoutes,
};
