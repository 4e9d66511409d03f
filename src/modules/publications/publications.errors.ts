import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of the public accountability pages (publications and the one-stop directory). */
export const PUBLICATIONS_ERRORS = {
  PUBLICATION_NOT_FOUND: { status: 404, message: 'Chưa có bản công khai cho kỳ này.' },
  PUBLICATION_PERIOD_INVALID: {
    status: 400,
    message: 'Kỳ công khai có dạng 2026-11 (tháng báo cáo) hoặc 2026-W48 (tuần).',
  },
  DIRECTORY_ENTRY_NOT_FOUND: { status: 404, message: 'Không có người này trong danh bạ Bộ phận Một cửa.' },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof PUBLICATIONS_ERRORS, true> {}
}
