/** Fees and charges (phí, lệ phí): obligations, online payment (PayGov-style simulator), receipts, reconciliation. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as paymentsTables from './payments.tables.js';
import { paygovSimRoutes } from './paygov-sim.routes.js';
import { PAYMENT_ERRORS } from './payments.errors.js';
import { paymentRoutes } from './payments.routes.js';
import { expirePendingPayments } from './payments.tasks.js';
import { resultWaitsForPayment } from './return-guard.js';

export const paymentsModule: ModuleManifest = {
  name: 'payments',
  needs: ['access', 'audit', 'calendar', 'catalog', 'dossiers', 'identity', 'org'],
  tables: [paymentsTables],
  errors: [PAYMENT_ERRORS],
  routes(app, deps) {
    paymentRoutes(app, deps);
    paygovSimRoutes(app, deps);
  },
  periodicTasks: () => [expirePendingPayments],
  dossierActionGuards: [resultWaitsForPayment],
};
