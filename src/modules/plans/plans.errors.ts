import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of plans and their tasks (kế hoạch, nhiệm vụ). */
export const PLAN_ERRORS = {
  PLAN_FILE_UNREADABLE: {
    status: 422,
    message: 'Không đọc được tệp kế hoạch (cần XLSX, DOCX hoặc văn bản dán từ PDF).',
  },
  PLAN_NO_TASKS: {
    status: 422,
    message: 'Không tìm thấy bảng nhiệm vụ (cần dòng tiêu đề có cột STT và các dòng đánh số 1, 1.1, 1.1.1 …).',
  },
  PLAN_NOT_FOUND: { status: 404, message: 'Không tìm thấy kế hoạch.' },
  PLAN_TASK_NOT_FOUND: { status: 404, message: 'Không tìm thấy nhiệm vụ của kế hoạch.' },
  PLAN_UNIT_NOT_FOUND: { status: 422, message: 'Đơn vị được chọn không có trong cây tổ chức.' },
  PLAN_TASK_IS_GROUP: {
    status: 422,
    message: 'Đây là nhóm nhiệm vụ; tiến độ của nhóm được tính từ các nhiệm vụ bên trong.',
  },
  PLAN_TASK_PROGRESS_INCONSISTENT: {
    status: 422,
    message:
      'Trạng thái và tỷ lệ hoàn thành không khớp (hoàn thành = 100%, chưa thực hiện = 0%, đang thực hiện: 1–99%).',
  },
  PLAN_TASK_VERSION_CONFLICT: {
    status: 409,
    message: 'Nhiệm vụ vừa được cập nhật bởi người khác. Hãy tải lại rồi báo cáo lại.',
  },
  PLAN_EVIDENCE_NOT_FOUND: { status: 422, message: 'Tệp minh chứng không tồn tại.' },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof PLAN_ERRORS, true> {}
}
