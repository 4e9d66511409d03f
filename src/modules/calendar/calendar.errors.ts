import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of the working-day calendar (lịch làm việc). */
export const CALENDAR_ERRORS = {
  CALENDAR_YEAR_OUT_OF_RANGE: { status: 422, message: 'Năm ngoài phạm vi lịch hỗ trợ (1900–2100).' },
  CALENDAR_LUNAR_DATE_INVALID: {
    status: 422,
    message: 'Ngày âm lịch không tồn tại (tháng nhuận hoặc ngày 30 không có trong năm đó).',
  },
  CALENDAR_AMOUNT_INVALID: {
    status: 422,
    message: 'Thời hạn không hợp lệ: phải ≥ 0; số ngày làm việc theo bước 0,5 ngày; số ngày lịch là số nguyên.',
  },
  CALENDAR_DAYS_INVALID: { status: 422, message: 'Danh sách ngày nghỉ lễ / ngày làm bù của năm không hợp lệ.' },
  // A programming error in a caller (the loaded years do not cover the computation), not bad input.
  CALENDAR_YEAR_NOT_LOADED: { status: 500, message: 'Lịch làm việc chưa được nạp cho khoảng thời gian cần tính.' },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof CALENDAR_ERRORS, true> {}
}
