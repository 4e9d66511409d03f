import type { ErrorTable } from '../../server/error-table.js';

/** Errors of internal workflows (quy trình nội bộ). */
export const WORKFLOW_ERRORS = {
  WORKFLOW_NOT_FOUND: { status: 404, message: 'Không tìm thấy quy trình nội bộ.' },
} as const satisfies ErrorTable;
