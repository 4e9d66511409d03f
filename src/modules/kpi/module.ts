/** The Decision-766 index, its rollup, rankings, targets, insights and reports (XLSX/PDF). */
import type { ModuleManifest } from '../../kernel/module.js';
import * as insightsTables from './insights.tables.js';
import * as kpiTables from './kpi.tables.js';
import * as rollupTables from './rollup.tables.js';
import { KPI_INSIGHTS_ERRORS } from './insights.errors.js';
import { kpiInsightRoutes } from './insights.routes.js';
import { kpiPublicRoutes } from './kpi-public.routes.js';
import { KPI_ERRORS } from './kpi.errors.js';
import { kpiRoutes } from './kpi.routes.js';
import { kpiRollupRefresh, monthlyLateLists } from './kpi.tasks.js';
import { kpiReportRoutes } from './reports.routes.js';

export const kpiModule: ModuleManifest = {
  name: 'kpi',
  needs: [
    'access',
    'audit',
    'calendar',
    'catalog',
    'datastore',
    'documents',
    'dossiers',
    'eforms',
    'feedback',
    'identity',
    'national-portal',
    'notifications',
    'org',
    'payments',
    'queue',
    'satisfaction',
  ],
  tables: [insightsTables, kpiTables, rollupTables],
  errors: [KPI_ERRORS, KPI_INSIGHTS_ERRORS],
  routes(app, deps) {
    kpiRoutes(app, deps);
    kpiInsightRoutes(app, deps);
    kpiReportRoutes(app, deps);
    kpiPublicRoutes(app, deps);
  },
  periodicTasks: () => [kpiRollupRefresh, monthlyLateLists],
};
