import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of paying fees and obligations (thanh toán phí, lệ phí, nghĩa vụ tài chính). */
export const PAYMENT_ERRORS = {
  PAYMENT_NOTHING_DUE: {
    status: 409,
    message: 'Hồ sơ không còn khoản phí, lệ phí hay nghĩa vụ tài chính nào phải nộp.',
  },
  PAYMENT_OBLIGATION_NOT_FOUND: { status: 404, message: 'Không tìm thấy nghĩa vụ tài chính này của hồ sơ.' },
  PAYMENT_NOT_ALLOWED: { status: 409, message: 'Hồ sơ đã kết thúc (rút, từ chối, dừng) nên không thu phí được nữa.' },
  PAYMENT_AMOUNT_INVALID: { status: 422, message: 'Số tiền phải đúng bằng số còn phải nộp.' },
  PAYMENT_PLATFORM_UNAVAILABLE: {
    status: 503,
    message:
      'Nền tảng thanh toán quốc gia tạm thời không kết nối được. Chưa có khoản tiền nào bị trừ cho yêu cầu này; vui lòng thử lại sau ít phút.',
  },
  PAYMENT_CONFIRMATION_PENDING: {
    status: 409,
    message:
      'Khoản thanh toán trước của hồ sơ đang chờ nền tảng thanh toán xác nhận. Để tránh bị trừ tiền hai lần, vui lòng chờ xác nhận rồi thử lại.',
  },
  PAYMENT_NOT_FOUND: { status: 404, message: 'Không tìm thấy giao dịch thanh toán.' },
  PAYMENT_SIGNATURE_INVALID: { status: 401, message: 'Chữ ký (checksum) của thông điệp thanh toán không hợp lệ.' },
  PAYMENT_CALLBACK_MISMATCH: {
    status: 422,
    message: 'Thông báo kết quả không khớp giao dịch (số tiền, mã đơn hàng hoặc mã giao dịch).',
  },
  PAYMENT_STATE_CONFLICT: { status: 409, message: 'Giao dịch đã kết thúc với kết quả khác; cần đối soát.' },
  PAYMENT_RECONCILIATION_NOT_FOUND: { status: 404, message: 'Không tìm thấy lần đối soát này.' },
  PAYMENT_DUE_AT_RETURN: {
    status: 409,
    message:
      'Hồ sơ còn khoản phí, lệ phí hoặc nghĩa vụ tài chính chưa nộp nên chưa trả kết quả được. Hãy thu đủ, hoặc lãnh đạo đơn vị ghi nhận miễn nộp kèm lý do.',
  },
  PAYMENT_REFUND_NOT_PAID: { status: 409, message: 'Chỉ hoàn trả được khoản đã thanh toán thành công.' },
  PAYMENT_REFUND_AMOUNT_EXCEEDS: {
    status: 422,
    message: 'Số tiền hoàn vượt quá số đã nộp trừ số đã hoàn trước đó.',
  },
  PAYMENT_REFUND_KEY_REUSED: {
    status: 409,
    message: 'Mã chống trùng (idempotency key) đã dùng cho một yêu cầu hoàn tiền khác.',
  },
  PAYMENT_SIM_TRANSACTION_NOT_FOUND: {
    status: 404,
    message: 'Giao dịch không tồn tại trên nền tảng thanh toán (mô phỏng).',
  },
  PAYMENT_SIM_TRANSACTION_CLOSED: { status: 409, message: 'Giao dịch đã được xử lý trên nền tảng thanh toán.' },
  PAYMENT_SIM_TRANSACTION_EXPIRED: {
    status: 409,
    message: 'Giao dịch đã hết thời hạn thanh toán; vui lòng tạo giao dịch mới từ hồ sơ.',
  },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof PAYMENT_ERRORS, true> {}
}
