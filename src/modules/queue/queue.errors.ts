import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of appointments and the counter queue (lịch hẹn, xếp hàng). */
export const QUEUE_ERRORS = {
  QUEUE_TEMPLATE_INVALID: { status: 422, message: 'Mẫu khung giờ tiếp nhận không hợp lệ (xem chi tiết).' },
  QUEUE_TEMPLATE_MISSING: { status: 422, message: 'Đơn vị chưa có mẫu khung giờ tiếp nhận theo tuần.' },
  QUEUE_RANGE_INVALID: {
    status: 422,
    message: 'Khoảng ngày tạo khung giờ phải từ ngày bắt đầu đến ngày kết thúc, tối đa 92 ngày.',
  },
  QUEUE_SLOT_NOT_FOUND: { status: 404, message: 'Không tìm thấy khung giờ đặt lịch.' },
  QUEUE_SLOT_FULL: { status: 409, message: 'Khung giờ này đã hết chỗ, vui lòng chọn khung giờ khác.' },
  QUEUE_SLOT_PAST: { status: 409, message: 'Khung giờ này đã bắt đầu hoặc đã qua.' },
  QUEUE_FIELD_MISMATCH: { status: 422, message: 'Khung giờ không thuộc lĩnh vực của thủ tục đã chọn.' },
  QUEUE_ALREADY_BOOKED: { status: 409, message: 'Bạn đã đặt lịch trong khung giờ này.' },
  QUEUE_CALLER_ALREADY_BOOKED: { status: 409, message: 'Số điện thoại này đã có lịch hẹn trong khung giờ này.' },
  QUEUE_SLOT_OTHER_UNIT: { status: 422, message: 'Khung giờ này thuộc đơn vị khác, không đặt hộ được tại đơn vị này.' },
  QUEUE_CITIZEN_ONLY: { status: 403, message: 'Chỉ công dân đăng nhập cổng dịch vụ công mới đặt lịch hẹn.' },
  QUEUE_FIELD_NOT_SERVED: { status: 422, message: 'Đơn vị không tiếp nhận lĩnh vực này tại quầy.' },
  QUEUE_NO_CURRENT_TICKET: { status: 409, message: 'Quầy chưa gọi số nào.' },
  BOOKING_NOT_FOUND: { status: 404, message: 'Không tìm thấy lịch hẹn với mã này.' },
  BOOKING_CODE_INVALID: { status: 400, message: 'Mã lịch hẹn không hợp lệ (dạng LH-XXXXXXXX).' },
  BOOKING_WRONG_UNIT: { status: 422, message: 'Lịch hẹn này ở đơn vị khác.' },
  BOOKING_CANCELLED: { status: 409, message: 'Lịch hẹn đã bị hủy.' },
  BOOKING_ALREADY_CHECKED_IN: { status: 409, message: 'Lịch hẹn đã được lấy số.' },
  BOOKING_EXPIRED: { status: 409, message: 'Lịch hẹn đã quá giờ; vui lòng lấy số thường.' },
  BOOKING_TOO_EARLY: { status: 409, message: 'Chưa đến giờ lấy số cho lịch hẹn (lấy số từ 60 phút trước giờ hẹn).' },
  BOOKING_NOT_CANCELLABLE: { status: 409, message: 'Chỉ hủy được lịch hẹn chưa đến giờ và chưa lấy số.' },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof QUEUE_ERRORS, true> {}
}
