import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of satisfaction ratings (đánh giá mức độ hài lòng). */
export const SATISFACTION_ERRORS = {
  RATING_NOT_YET: { status: 409, message: 'Hồ sơ chưa có kết quả giải quyết nên chưa đánh giá được.' },
  RATING_ALREADY_GIVEN: { status: 409, message: 'Hồ sơ đã được đánh giá qua kênh này.' },
  RATING_SCORES_INVALID: { status: 422, message: 'Cần chấm đủ mỗi tiêu chí một mức trong thang điểm (xem chi tiết).' },
  RATING_REASON_REQUIRED: { status: 422, message: 'Đánh giá chưa hài lòng cần ghi rõ lý do.' },
  RATING_LINK_INVALID: { status: 401, message: 'Đường dẫn đánh giá không hợp lệ hoặc đã hết hạn.' },
  RATING_LINKS_DISABLED: {
    status: 422,
    message: 'Hệ thống chưa cấu hình khóa ký đường dẫn đánh giá (RATING_LINK_SECRET).',
  },
  CRITERIA_INVALID: { status: 422, message: 'Danh sách tiêu chí không hợp lệ: mã trùng nhau hoặc danh sách rỗng.' },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof SATISFACTION_ERRORS, true> {}
}
