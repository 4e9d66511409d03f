import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of the periodic tasks' administration. */
export const JOBS_ERRORS = {
  JOB_NOT_FOUND: { status: 404, message: 'Không có công việc định kỳ này.' },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof JOBS_ERRORS, true> {}
}
