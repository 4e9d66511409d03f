import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of uploaded files (tệp đính kèm). */
export const FILES_ERRORS = {
  FILE_MISSING: { status: 400, message: 'Thiếu tệp tải lên (trường "file" của biểu mẫu multipart/form-data).' },
  FILE_TOO_LARGE: { status: 413, message: 'Tệp vượt quá dung lượng cho phép.' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, message: 'Chỉ chấp nhận tệp PDF, JPEG hoặc PNG.' },
  FILE_NOT_FOUND: { status: 404, message: 'Không tìm thấy tệp.' },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof FILES_ERRORS, true> {}
}
