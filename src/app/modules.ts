/**
 * The modules of MotCua: the one place that lists them. Adding a module = its folder under
 * src/modules with a `module.ts`, and one line here. Order does not matter: compose.ts orders
 * them by what each needs and refuses a cycle.
 */
import type { ModuleManifest } from '../kernel/module.js';
import { accessModule } from '../modules/access/module.js';
import { auditModule } from '../modules/audit/module.js';
import { calendarModule } from '../modules/calendar/module.js';
import { catalogModule } from '../modules/catalog/module.js';
import { certificationModule } from '../modules/certification/module.js';
import { datastoreModule } from '../modules/datastore/module.js';
import { demoModule } from '../modules/demo/module.js';
import { documentsModule } from '../modules/documents/module.js';
import { dossiersModule } from '../modules/dossiers/module.js';
import { eformsModule } from '../modules/eforms/module.js';
import { feedbackModule } from '../modules/feedback/module.js';
import { filesModule } from '../modules/files/module.js';
import { identifiersModule } from '../modules/identifiers/module.js';
import { identityModule } from '../modules/identity/module.js';
import { jobsModule } from '../modules/jobs/module.js';
import { kpiModule } from '../modules/kpi/module.js';
import { nationalDataModule } from '../modules/national-data/module.js';
import { nationalPortalModule } from '../modules/national-portal/module.js';
import { notificationsModule } from '../modules/notifications/module.js';
import { oidcModule } from '../modules/oidc/module.js';
import { orgModule } from '../modules/org/module.js';
import { outboxModule } from '../modules/outbox/module.js';
import { paymentsModule } from '../modules/payments/module.js';
import { plansModule } from '../modules/plans/module.js';
import { publicationsModule } from '../modules/publications/module.js';
import { procedureReviewsModule } from '../modules/procedure-reviews/module.js';
import { queueModule } from '../modules/queue/module.js';
import { reportsModule } from '../modules/reports/module.js';
import { satisfactionModule } from '../modules/satisfaction/module.js';
import { signingModule } from '../modules/signing/module.js';
import { workflowsModule } from '../modules/workflows/module.js';

export const MODULES: readonly ModuleManifest[] = [
  accessModule,
  auditModule,
  calendarModule,
  catalogModule,
  certificationModule,
  datastoreModule,
  demoModule,
  documentsModule,
  dossiersModule,
  eformsModule,
  feedbackModule,
  filesModule,
  identifiersModule,
  identityModule,
  jobsModule,
  kpiModule,
  nationalDataModule,
  nationalPortalModule,
  notificationsModule,
  oidcModule,
  orgModule,
  outboxModule,
  paymentsModule,
  plansModule,
  procedureReviewsModule,
  publicationsModule,
  queueModule,
  reportsModule,
  satisfactionModule,
  signingModule,
  workflowsModule,
];
