import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of procedure reviews (rà soát, đánh giá TTHC). */
export const REVIEW_ERRORS = {
  REVIEW_PROCEDURE_NOT_FOUND: {
    status: 404,
    message: 'Không tìm thấy thủ tục hành chính (hoặc thủ tục chưa có nội dung công bố).',
  },
  REVIEW_NOT_FOUND: { status: 404, message: 'Không tìm thấy bản rà soát, đánh giá.' },
  REVIEW_COST_TOO_LARGE: {
    status: 422,
    message:
      'Chi phí tuân thủ tính ra vượt quá giới hạn tính toán chính xác; kiểm tra lại số đối tượng, số lần và các khoản chi phí.',
  },
  REVIEW_ALREADY_APPROVED: { status: 409, message: 'Bản rà soát đã được phê duyệt.' },
  REVIEW_SELF_APPROVAL: {
    status: 403,
    message: 'Người lập bản rà soát không được tự phê duyệt; bản rà soát phải do người khác phê duyệt.',
  },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof REVIEW_ERRORS, true> {}
}
