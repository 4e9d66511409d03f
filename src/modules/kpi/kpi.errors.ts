import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of the kpi module (Decision-766 index, late lists). */
export const KPI_ERRORS = {
  KPI_PERIOD_REVERSED: { status: 400, message: 'Ngày bắt đầu (from) phải trước hoặc trùng ngày kết thúc (to) của kỳ.' },
  KPI_PERIOD_TOO_LONG: { status: 400, message: 'Chỉ số chỉ tính cho một kỳ tối đa 366 ngày.' },
  KPI_PERIOD_INVALID: {
    status: 400,
    message: 'Kỳ không hợp lệ: dùng from/to (YYYY-MM-DD) hoặc period (2026-W09, 2026-03, 2026-Q1, 2026).',
  },
  KPI_CONFIG_VERSION_NOT_FOUND: { status: 404, message: 'Không có phiên bản cấu hình Bộ chỉ số này.' },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof KPI_ERRORS, true> {}
}
