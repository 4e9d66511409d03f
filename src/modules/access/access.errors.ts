import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of the authorization policy. */
export const ACCESS_ERRORS = {
  TOKEN_SCOPE: { status: 403, message: 'Mã truy cập không được cấp phạm vi cho thao tác này.' },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof ACCESS_ERRORS, true> {}
}
