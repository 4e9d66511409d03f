import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of the tracking book (Mẫu số 07, sổ theo dõi hồ sơ). */
export const TRACKING_BOOK_ERRORS = {
  TRACKING_BOOK_PERIOD_REVERSED: {
    status: 400,
    message: 'Ngày bắt đầu (from) phải trước hoặc trùng ngày kết thúc (to) của kỳ.',
  },
  TRACKING_BOOK_PERIOD_TOO_LONG: { status: 400, message: 'Sổ theo dõi hồ sơ chỉ lập cho một kỳ tối đa 366 ngày.' },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof TRACKING_BOOK_ERRORS, true> {}
}
