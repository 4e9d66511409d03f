import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of reading an applicant's data store (tra cứu kho dữ liệu). */
export const DATASTORE_ERRORS = {
  STORE_READ_REQUIRED: {
    status: 400,
    message: 'Cần mở phiên tra cứu kho dữ liệu của người nộp (readId) trước khi xem giấy tờ.',
  },
  STORE_READ_NOT_ALLOWED: {
    status: 403,
    message:
      'Đơn vị của cán bộ không tiếp nhận hồ sơ của thủ tục này: cần mã đồng ý của người nộp để tra cứu kho dữ liệu.',
  },
  STORE_READ_NOT_OPEN: {
    status: 403,
    message: 'Phiên tra cứu kho dữ liệu không tồn tại, đã hết hạn hoặc không phải của cán bộ này.',
  },
  CONSENT_CODE_INVALID: { status: 422, message: 'Mã đồng ý không đúng, đã được dùng hoặc đã hết hạn.' },
  CONSENT_CONTACT_MISSING: {
    status: 422,
    message: 'Tài khoản chưa có số điện thoại hoặc thư điện tử để nhận mã đồng ý.',
  },
  STORE_READ_LIMIT: {
    status: 429,
    message: 'Đã tra cứu kho dữ liệu của quá nhiều người trong thời gian ngắn; lãnh đạo đơn vị đã được báo.',
  },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof DATASTORE_ERRORS, true> {}
}
