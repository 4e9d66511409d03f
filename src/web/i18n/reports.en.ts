import type { reportsVi } from './reports.vi.js';

/** English strings of the statutory reports page: the same keys as reports.vi.ts. */
export const reportsEn: Record<keyof typeof reportsVi, string> = {
  'menu.reports': 'Statutory reports',
  'reports.title': 'Periodic reports on handling administrative procedures (form 06)',
  'reports.hint':
    'A period closes on the 14th of its last month (Decree 09/2019/NĐ-CP). The preparer does not sign; the signer submits to the Government reporting system, which the system retries until delivered.',
  'reports.unit': 'Unit',
  'reports.year': 'Year',
  'reports.chooseUnit': 'Choose a unit to see its reporting periods.',
  'reports.period': 'Period',
  'reports.range': 'Figures',
  'reports.submitBy': 'Due',
  'reports.status': 'Status',
  'reports.status.open': 'Not closed yet',
  'reports.status.none': 'Not prepared',
  'reports.status.draft': 'Draft',
  'reports.status.submitted': 'Signed, being sent',
  'reports.status.delivered': 'Delivered',
  'reports.prepare': 'Prepare',
  'reports.submit': 'Sign and submit',
  'reports.prepared': 'Report {period} prepared.',
  'reports.submitted': 'Report {period} signed and submitted.',
  'reports.receipt': 'Receipt number',
  'reports.lastError': 'Last delivery error',
};
