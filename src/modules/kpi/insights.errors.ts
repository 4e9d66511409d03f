import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of the plan targets, rankings and reports. */
export const KPI_INSIGHTS_ERRORS = {
  KPI_TARGET_INVALID: { status: 422, message: 'Giá trị chỉ tiêu không hợp lệ.' },
  KPI_REPORT_NOT_FOUND: { status: 404, message: 'Không tìm thấy báo cáo.' },
  KPI_REPORT_NOT_READY: { status: 409, message: 'Báo cáo chưa lập xong; hãy thử lại khi tiến độ đạt 100%.' },
  KPI_REPORT_FAILED: { status: 409, message: 'Lập báo cáo không thành công; hãy yêu cầu lập lại.' },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof KPI_INSIGHTS_ERRORS, true> {}
}
