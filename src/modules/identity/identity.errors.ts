import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of accounts, sessions, API tokens and sign-in (tài khoản, phiên đăng nhập). */
export const IDENTITY_ERRORS = {
  INVALID_CREDENTIALS: { status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  INVALID_TOKEN: { status: 401, message: 'Mã truy cập (API token) không hợp lệ, đã hết hạn hoặc đã bị thu hồi.' },
  ACCOUNT_DISABLED: { status: 403, message: 'Tài khoản đã bị khóa.' },
  PASSWORD_LOGIN_DISABLED: {
    status: 403,
    message:
      'Tỉnh đã tắt đăng nhập bằng mật khẩu cho công dân. Vui lòng đăng nhập bằng tài khoản định danh điện tử (VNeID).',
  },
  CSRF_FAILED: { status: 403, message: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (X-CSRF-Token).' },
  USER_NOT_FOUND: { status: 404, message: 'Không tìm thấy người dùng.' },
  USERNAME_TAKEN: { status: 409, message: 'Tên đăng nhập đã được sử dụng.' },
  PERSONAL_ID_TAKEN: { status: 409, message: 'Số định danh cá nhân đã gắn với một tài khoản khác.' },
  ROLE_UNIT_REQUIRED: { status: 422, message: 'Vai trò cán bộ phải gắn với một đơn vị.' },
  CITIZEN_ROLE_NO_UNIT: { status: 422, message: 'Vai trò công dân không gắn với đơn vị.' },
  WEAK_PASSWORD: {
    status: 422,
    message: 'Mật khẩu mới phải có ít nhất 10 ký tự, gồm chữ và số, và khác tên đăng nhập.',
  },
  WRONG_PASSWORD: { status: 422, message: 'Mật khẩu hiện tại không đúng.' },
  PASSWORD_REUSED: { status: 422, message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
  SCOPE_NOT_HELD: { status: 422, message: 'Không thể cấp cho mã truy cập phạm vi mà tài khoản không có.' },
  LOGIN_THROTTLED: {
    status: 429,
    message:
      'Đăng nhập sai nhiều lần liên tiếp từ nơi này. Vui lòng chờ giây lát (mỗi lần sai thêm, thời gian chờ tăng gấp đôi) rồi thử lại.',
  },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof IDENTITY_ERRORS, true> {}
}
