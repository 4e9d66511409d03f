import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of the national data-sharing platform at intake (CSDLQG về dân cư, Kho dữ liệu quốc gia). */
export const NATIONAL_DATA_ERRORS = {
  POPULATION_DATA_MISMATCH: {
    status: 422,
    message: 'Thông tin người nộp không khớp với Cơ sở dữ liệu quốc gia về dân cư.',
  },
  NATIONAL_DOCUMENT_NOT_AVAILABLE: {
    status: 422,
    message: 'Giấy tờ không có trong Kho dữ liệu điện tử quốc gia của người nộp hồ sơ này.',
  },
  NATIONAL_STORE_UNAVAILABLE: {
    status: 503,
    message: 'Chưa kết nối được Kho dữ liệu điện tử quốc gia; hãy thử lại sau hoặc nộp bản giấy/bản điện tử.',
  },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof NATIONAL_DATA_ERRORS, true> {}
}
