import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of e-forms (tờ khai điện tử). Invalid values leave as the kernel's VALIDATION_FAILED, with status 422. */
export const EFORM_ERRORS = {
  EFORM_NOT_DEFINED: { status: 404, message: 'Thủ tục này chưa có tờ khai điện tử.' },
  EFORM_APPLICANT_REQUIRED: {
    status: 400,
    message: 'Cán bộ cần nhập số định danh cá nhân của người nộp để điền sẵn tờ khai.',
  },
  EFORM_DEFINITION_INVALID: {
    status: 422,
    message: 'Định nghĩa tờ khai chưa hợp lệ: xem danh sách lỗi (mã, vị trí, nội dung) trong chi tiết.',
  },
  EFORM_DRAFT_MISSING: {
    status: 409,
    message: 'Phiên bản thủ tục này chưa có bản nháp tờ khai để công bố.',
  },
  EFORM_VERSION_ENDED: {
    status: 409,
    message: 'Phiên bản thủ tục đã hết hiệu lực: không thể sửa hoặc công bố tờ khai cho phiên bản này.',
  },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof EFORM_ERRORS, true> {}
}
