import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of certified copies (chứng thực bản sao điện tử từ bản chính). */
export const CERTIFICATION_ERRORS = {
  CERTIFIED_COPY_NOT_COMPARED: {
    status: 422,
    message: 'Cần xác nhận đã đối chiếu bản chụp với bản chính trước khi chứng thực bản sao.',
  },
  CERTIFIED_COPY_NOT_CERTIFICATION: {
    status: 409,
    message: 'Hồ sơ không thuộc lĩnh vực chứng thực: không lập bản sao có chứng thực.',
  },
  CERTIFIED_COPY_SCAN_UNREADABLE: {
    status: 422,
    message: 'Không đọc được bản chụp từ bản chính (tệp PDF hỏng hoặc có mật khẩu).',
  },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof CERTIFICATION_ERRORS, true> {}
}
