import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of sign-in through an identity provider (đăng nhập bằng tài khoản định danh điện tử). */
export const OIDC_ERRORS = {
  OIDC_DISABLED: { status: 404, message: 'Đăng nhập bằng tài khoản định danh điện tử chưa được cấu hình.' },
  OIDC_STATE_MISMATCH: {
    status: 400,
    message: 'Phiên đăng nhập qua VNeID không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.',
  },
  OIDC_SIGN_IN_FAILED: {
    status: 401,
    message: 'Không xác thực được kết quả đăng nhập từ nhà cung cấp định danh. Vui lòng đăng nhập lại.',
  },
  OIDC_DENIED: { status: 401, message: 'Bạn đã hủy hoặc nhà cung cấp định danh từ chối đăng nhập.' },
  OIDC_PERSONAL_ID_MISSING: {
    status: 422,
    message: 'Nhà cung cấp định danh không cho biết số định danh cá nhân hợp lệ; không thể gắn với tài khoản.',
  },
  OIDC_STAFF_NOT_ALLOWED: {
    status: 403,
    message:
      'Cán bộ chưa được phép đăng nhập bằng tài khoản định danh điện tử; vui lòng dùng tên đăng nhập và mật khẩu.',
  },
  OIDC_ACCOUNT_NOT_LINKABLE: {
    status: 403,
    message:
      'Số định danh này gắn với một tài khoản không thể đăng nhập bằng định danh điện tử (tài khoản bị khóa hoặc tài khoản tích hợp).',
  },
  OIDC_LINK_EXPIRED: {
    status: 404,
    message: 'Yêu cầu liên kết tài khoản đã hết hạn. Vui lòng đăng nhập lại bằng VNeID.',
  },
  OIDC_LOGOUT_TOKEN_INVALID: { status: 400, message: 'Mã đăng xuất (logout token) không hợp lệ.' },
  OIDC_PROVIDER_UNAVAILABLE: {
    status: 503,
    message: 'Không kết nối được nhà cung cấp định danh. Vui lòng thử lại sau hoặc đăng nhập bằng mật khẩu.',
  },
  IDENTITY_PROFILE_NOT_FOUND: {
    status: 404,
    message: 'Tài khoản chưa có thông tin từ nhà cung cấp định danh (chưa đăng nhập bằng VNeID).',
  },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof OIDC_ERRORS, true> {}
}
