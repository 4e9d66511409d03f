import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of the dossier sync to the national portal (đồng bộ Cổng DVCQG). */
export const NATIONAL_PORTAL_ERRORS = {
  NATIONAL_SYNC_DOSSIER_NOT_FOUND: {
    status: 404,
    message: 'Không tìm thấy hồ sơ để đồng bộ lên Cổng Dịch vụ công quốc gia.',
  },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof NATIONAL_PORTAL_ERRORS, true> {}
}
