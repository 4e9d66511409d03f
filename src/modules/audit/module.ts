/** The tamper-evident audit log (nhật ký) every state change writes, and its reading routes. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as auditTable from './audit.table.js';
import { auditRoutes } from './audit.routes.js';
import { auditChainerHooks } from './audit.chainer.js';

export const auditModule: ModuleManifest = {
  name: 'audit',
  needs: ['access', 'outbox'],
  tables: [auditTable],
  httpHooks: auditChainerHooks,
  routes: auditRoutes,
};
