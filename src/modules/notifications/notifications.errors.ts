import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of the inbox, preferences, templates and provider callbacks (thông báo). */
export const NOTIFICATION_ERRORS = {
  NOTIFICATION_NOT_FOUND: { status: 404, message: 'Không tìm thấy thông báo này trong hộp thư của ông/bà.' },
  NOTIFICATION_KIND_UNKNOWN: { status: 404, message: 'Không có loại thông báo này.' },
  NOTIFICATION_LEGAL_NOTICE: {
    status: 422,
    message: 'Thông báo theo quy định (yêu cầu bổ sung, từ chối, xin lỗi, dừng giải quyết) không thể tắt.',
  },
  NOTIFICATION_TEMPLATE_VARIABLE: {
    status: 422,
    message: 'Mẫu thông báo dùng biến không được phép với loại thông báo này (chỉ dùng dữ liệu người nhận được xem).',
  },
  NOTIFICATION_CALLBACK_SIGNATURE: { status: 401, message: 'Chữ ký của thông báo trạng thái gửi tin không hợp lệ.' },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof NOTIFICATION_ERRORS, true> {}
}
