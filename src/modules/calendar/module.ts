/** The working-day calendar (lịch làm việc): holidays, make-up days, deadline arithmetic. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as calendarTables from './calendar.tables.js';
import { CALENDAR_ERRORS } from './calendar.errors.js';
import { calendarRoutes } from './calendar.routes.js';

export const calendarModule: ModuleManifest = {
  name: 'calendar',
  needs: ['access', 'audit'],
  // Cached across requests under the reference stamp (kernel/reference-cache.ts).
  referenceTables: ['calendar_years', 'calendar_days'],
  tables: [calendarTables],
  errors: [CALENDAR_ERRORS],
  routes: calendarRoutes,
};
