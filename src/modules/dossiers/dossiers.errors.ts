import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of the dossier lifecycle (hồ sơ). */
export const DOSSIER_ERRORS = {
  DOSSIER_NOT_FOUND: { status: 404, message: 'Không tìm thấy hồ sơ.' },
  OBLIGATION_NOT_FOUND: { status: 404, message: 'Không tìm thấy nghĩa vụ tài chính này của hồ sơ.' },
  OBLIGATION_ALREADY_PAID: { status: 409, message: 'Nghĩa vụ tài chính này đã được xác nhận hoàn thành.' },
  OBLIGATION_CHOICE_REQUIRED: {
    status: 422,
    message: 'Hồ sơ có nhiều nghĩa vụ tài chính chưa thực hiện; cần chọn nghĩa vụ đã nộp.',
  },
  DOSSIER_CODE_INVALID: { status: 400, message: 'Mã hồ sơ không đúng định dạng (ví dụ: 000.00.02.H91-261123-0001).' },
  DOSSIER_INCOMPLETE: {
    status: 422,
    message: 'Hồ sơ chưa đủ thành phần; chỉ có thể yêu cầu bổ sung hoặc từ chối tiếp nhận (xem chi tiết).',
  },
  IDENTITY_LEVEL_TOO_LOW: {
    status: 403,
    message:
      'Thủ tục này yêu cầu đăng nhập bằng tài khoản định danh điện tử mức độ 2 (VNeID). Vui lòng đăng nhập bằng VNeID mức độ 2 để nộp hồ sơ.',
  },
  CHANNEL_NOT_OFFERED: { status: 422, message: 'Thủ tục không thực hiện qua cách thức nộp này.' },
  WORKFLOW_NOT_ACTIVE: {
    status: 422,
    message: 'Cơ quan có thẩm quyền chưa có quy trình nội bộ đang áp dụng cho thủ tục này.',
  },
  COMPETENT_UNIT_REQUIRED: {
    status: 422,
    message: 'Thủ tục có nhiều cơ quan có thẩm quyền; cần chọn cơ quan giải quyết.',
  },
  UNIT_NOT_COMPETENT: { status: 422, message: 'Đơn vị được chọn không có thẩm quyền giải quyết thủ tục này.' },
  NOT_RECEIVABLE_HERE: {
    status: 422,
    message: 'Đơn vị này không được tiếp nhận hồ sơ của thủ tục cho cơ quan đã chọn.',
  },
  RECEIVING_UNIT_REQUIRED: {
    status: 422,
    message: 'Cần chọn đơn vị tiếp nhận (tài khoản có quyền tiếp nhận tại nhiều đơn vị).',
  },
  ORIGINAL_CHECK_AT_COUNTER: {
    status: 422,
    message: 'Chỉ cán bộ tiếp nhận trực tiếp mới xác nhận đã đối chiếu bản chính; hồ sơ nộp trực tuyến cần tải tệp.',
  },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: 'Khóa Idempotency-Key đã dùng cho một yêu cầu khác.' },
  DOSSIER_NOT_RECEIVED: {
    status: 422,
    message: 'Hồ sơ chưa được tiếp nhận nên chưa có giấy tiếp nhận và hẹn trả kết quả.',
  },
  ACTION_NOT_ALLOWED: { status: 409, message: 'Thao tác không thực hiện được ở trạng thái hiện tại của hồ sơ.' },
  STEP_CHOICE_REQUIRED: { status: 422, message: 'Cần chọn bước chuyển tới.' },
  STEP_NOT_ALLOWED: { status: 422, message: 'Quy trình không cho phép chuyển tới bước này.' },
  ACTION_NOTE_REQUIRED: { status: 422, message: 'Cần ghi rõ nội dung (yêu cầu bổ sung hoặc lý do từ chối).' },
  DOSSIER_NO_SUPPLEMENT_REQUEST: { status: 422, message: 'Hồ sơ chưa có yêu cầu bổ sung nào.' },
  DOSSIER_NOT_REFUSED: { status: 422, message: 'Hồ sơ không bị từ chối nên không có phiếu từ chối.' },
  STORE_ITEM_NOT_AVAILABLE: {
    status: 422,
    message: 'Giấy tờ trong kho dữ liệu không tồn tại hoặc không thuộc người nộp hồ sơ này.',
  },
  STORE_ITEM_EXPIRED: { status: 422, message: 'Giấy tờ trong kho dữ liệu đã hết hiệu lực, không dùng lại được.' },
  ACTION_INPUT_REQUIRED: { status: 422, message: 'Thiếu thông tin bắt buộc cho thao tác này (xem trường "field").' },
  CONSULTATIONS_OPEN: { status: 409, message: 'Còn đơn vị được xin ý kiến chưa trả lời; chưa chuyển bước được.' },
  CONSULTATION_NOT_FOUND: { status: 404, message: 'Không tìm thấy yêu cầu xin ý kiến của hồ sơ này.' },
  CONSULTATION_ANSWERED: { status: 409, message: 'Yêu cầu xin ý kiến này đã được trả lời.' },
  CONSULTATION_UNIT_REPEATED: { status: 422, message: 'Mỗi đơn vị chỉ được xin ý kiến một lần trong một yêu cầu.' },
  CONSULTATION_OWN_UNIT: { status: 422, message: 'Không xin ý kiến chính đơn vị đang xử lý bước này.' },
  TRANSFER_SAME_UNIT: { status: 422, message: 'Hồ sơ đang ở cơ quan này; hãy chọn cơ quan có thẩm quyền khác.' },
  ASSIGNEE_NOT_ELIGIBLE: { status: 422, message: 'Cán bộ được giao không có vai trò xử lý bước này tại đơn vị.' },
  APPOINTMENT_NOT_WORKING_DAY: { status: 422, message: 'Ngày hẹn trả mới phải là một ngày làm việc (YYYY-MM-DD).' },
  APPOINTMENT_NOT_LATER: { status: 422, message: 'Ngày hẹn trả mới phải sau ngày hẹn hiện tại và sau hôm nay.' },
  RESULT_REQUIRED: { status: 422, message: 'Hồ sơ chưa có kết quả được ký duyệt; chưa kết thúc xử lý được.' },
  RESULT_FILE_NOT_PDF: { status: 422, message: 'Kết quả điện tử phải là tệp PDF.' },
  RESULT_SIGNATURE_INVALID: {
    status: 422,
    message: 'Chữ ký số trên tệp kết quả không hợp lệ (tệp bị sửa sau khi ký).',
  },
  RESULT_VALIDITY_INVALID: { status: 422, message: 'Ngày hết hiệu lực phải sau ngày ban hành kết quả.' },
  DOSSIER_NO_EXTENSION: { status: 422, message: 'Hồ sơ chưa có văn bản xin lỗi, hẹn lại ngày trả kết quả.' },
  DOSSIER_NOT_STOPPED: { status: 422, message: 'Hồ sơ không bị dừng giải quyết nên không có thông báo dừng.' },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof DOSSIER_ERRORS, true> {}
}
