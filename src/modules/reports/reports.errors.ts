import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of the statutory reports (báo cáo định kỳ). */
export const REPORT_ERRORS = {
  REPORT_PERIOD_INVALID: {
    status: 400,
    message: 'Kỳ báo cáo không hợp lệ (ví dụ: 2026-Q1 cho quý I, 2026-H1 cho 6 tháng đầu năm, 2026-Y cho cả năm).',
  },
  REPORT_PERIOD_OPEN: {
    status: 409,
    message: 'Kỳ báo cáo chưa chốt số liệu; chỉ lập báo cáo sau ngày chốt số liệu của kỳ.',
  },
  REPORT_EXISTS: { status: 409, message: 'Đơn vị đã có báo cáo của kỳ này.' },
  REPORT_NOT_FOUND: { status: 404, message: 'Không tìm thấy báo cáo.' },
  REPORT_NOT_DRAFT: { status: 409, message: 'Báo cáo đã được ký và gửi; không thể ký, gửi lại hay lập lại.' },
  REPORT_SELF_SIGN: {
    status: 403,
    message: 'Người lập báo cáo không được tự ký, gửi báo cáo; báo cáo phải do người có thẩm quyền khác ký.',
  },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof REPORT_ERRORS, true> {}
}
