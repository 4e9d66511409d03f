import type { ErrorTable } from '../../server/error-table.js';

/** Errors of the periodic tasks' administration. */
export const JOBS_ERRORS = {
  JOB_NOT_FOUND: { status: 404, message: 'Không có công việc định kỳ này.' },
} as const satisfies ErrorTable;
