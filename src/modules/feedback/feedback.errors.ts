import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of citizen feedback (phản ánh, kiến nghị) and contact verification. */
export const FEEDBACK_ERRORS = {
  FEEDBACK_NOT_FOUND: { status: 404, message: 'Không tìm thấy phản ánh, kiến nghị.' },
  FEEDBACK_ACTION_NOT_ALLOWED: {
    status: 409,
    message: 'Thao tác không thực hiện được ở trạng thái hiện tại của phản ánh.',
  },
  FEEDBACK_NOTE_REQUIRED: {
    status: 422,
    message: 'Cần ghi rõ nội dung (lý do, yêu cầu, nội dung bổ sung hoặc trả lời).',
  },
  FEEDBACK_INPUT_REQUIRED: { status: 422, message: 'Thiếu thông tin bắt buộc cho thao tác này (xem trường "field").' },
  FEEDBACK_SAME_UNIT: { status: 422, message: 'Phản ánh đang ở đơn vị này; hãy chọn đơn vị khác.' },
  FEEDBACK_SUBMITTER_UNVERIFIED: {
    status: 422,
    message: 'Cần đăng nhập hoặc xác thực số điện thoại/thư điện tử trước khi gửi phản ánh.',
  },
  FEEDBACK_CHANNEL_NOT_ALLOWED: {
    status: 422,
    message: 'Cán bộ nhập phản ánh nhận tại quầy, qua điện thoại hoặc thư; công dân gửi qua Cổng.',
  },
  FEEDBACK_ALREADY_VOTED: { status: 409, message: 'Bạn đã đánh giá câu trả lời này.' },
  FEEDBACK_NOT_PUBLISHED: { status: 409, message: 'Câu trả lời chưa được công khai.' },
  CONTACT_REQUIRED: { status: 422, message: 'Cần đúng một trong hai: số điện thoại hoặc địa chỉ thư điện tử.' },
  VERIFICATION_NOT_FOUND: { status: 404, message: 'Không tìm thấy yêu cầu xác thực.' },
  VERIFICATION_CODE_INVALID: { status: 422, message: 'Mã xác thực không đúng.' },
  VERIFICATION_EXPIRED: { status: 422, message: 'Mã xác thực đã hết hạn hoặc đã dùng; hãy yêu cầu mã mới.' },
  VERIFICATION_ATTEMPTS_EXCEEDED: { status: 429, message: 'Nhập sai mã quá nhiều lần; hãy yêu cầu mã mới.' },
  CONTACT_TOKEN_INVALID: { status: 401, message: 'Xác thực số điện thoại/thư điện tử không hợp lệ hoặc đã hết hạn.' },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof FEEDBACK_ERRORS, true> {}
}
