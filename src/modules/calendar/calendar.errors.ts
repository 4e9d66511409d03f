import type { ErrorTable } from '../../server/error-table.js';

/** Errors of the working-day calendar (lịch làm việc). */
export const CALENDAR_ERRORS = {
  CALENDAR_YEAR_OUT_OF_RANGE: { status: 422, message: 'Năm ngoài phạm vi lịch hỗ trợ (1900–2100).' },
} as const satisfies ErrorTable;
