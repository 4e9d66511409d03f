import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of internal workflows (quy trình nội bộ). */
export const WORKFLOW_ERRORS = {
  WORKFLOW_NOT_FOUND: { status: 404, message: 'Không tìm thấy quy trình nội bộ.' },
  WORKFLOW_INVALID: { status: 422, message: 'Quy trình nội bộ chưa hợp lệ (xem danh sách lỗi).' },
  WORKFLOW_NOT_DRAFT: {
    status: 422,
    message:
      'Chỉ sửa hoặc phê duyệt được bản nháp; phiên bản đã phê duyệt, đang áp dụng hoặc đã hết hiệu lực không thay đổi được — hãy sao chép thành bản nháp mới.',
  },
  WORKFLOW_NOT_APPROVED: { status: 422, message: 'Chỉ áp dụng được quy trình đã được lãnh đạo phê duyệt.' },
  WORKFLOW_UNIT_NOT_COMPETENT: { status: 422, message: 'Đơn vị không phải cơ quan thực hiện của thủ tục này.' },
  WORKFLOW_PROCEDURE_ABOLISHED: { status: 422, message: 'Thủ tục đã bị bãi bỏ hoặc chưa có phiên bản hiệu lực.' },
  WORKFLOW_DECISION_MISMATCH: { status: 422, message: 'Quyết định công bố không công bố thủ tục này.' },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof WORKFLOW_ERRORS, true> {}
}
