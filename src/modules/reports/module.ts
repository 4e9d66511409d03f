/** Statutory reports (báo cáo định kỳ): form 06 per period, signed off and sent to the Government's reporting system. */
import type { ModuleManifest } from '../../kernel/module.js';

export const reportsModule: ModuleManifest = {
  name: 'reports',
  needs: ['kpi'],
};
