import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of the procedure catalog (danh mục thủ tục hành chính). */
export const CATALOG_ERRORS = {
  PROCEDURE_NOT_FOUND: { status: 404, message: 'Không tìm thấy thủ tục hành chính.' },
  PROCEDURE_NOT_IN_FORCE: { status: 422, message: 'Thủ tục không có hiệu lực vào ngày này.' },
  DECISION_NOT_FOUND: { status: 404, message: 'Không tìm thấy quyết định công bố.' },
  DECISION_ITEMS_INVALID: {
    status: 422,
    message: 'Quyết định công bố có thủ tục không phù hợp với danh mục hiện hành (xem chi tiết).',
  },
  DECISION_NUMBER_TAKEN: { status: 409, message: 'Đơn vị đã có quyết định công bố mang số này.' },
  FIELD_NOT_FOUND: { status: 422, message: 'Lĩnh vực thủ tục chưa có trong danh mục lĩnh vực.' },
  IMPORT_NOT_FOUND: { status: 404, message: 'Không tìm thấy lượt nhập danh mục.' },
  IMPORT_TOO_LARGE: { status: 413, message: 'Tệp nhập có quá nhiều dòng (tối đa 20.000 thủ tục mỗi lần).' },
  IMPORT_FILE_INVALID: { status: 400, message: 'Tệp nhập không đọc được (xem chi tiết).' },
  COMPONENT_NOT_FOUND: { status: 404, message: 'Phiên bản thủ tục không có thành phần hồ sơ này.' },
  COMPONENT_HAS_NO_FORM: {
    status: 422,
    message:
      'Thành phần hồ sơ này không theo mẫu đơn, tờ khai nào: ghi tên mẫu trong thủ tục trước khi tải tệp mẫu lên.',
  },
  FORM_FILE_TYPE_NOT_ALLOWED: { status: 415, message: 'Tệp mẫu đơn, tờ khai chỉ nhận PDF, DOC hoặc DOCX.' },
  FORM_FILE_NOT_FOUND: { status: 404, message: 'Thành phần hồ sơ này chưa có tệp mẫu đơn, tờ khai.' },
  IMPORT_FORMAT_UNSUPPORTED: { status: 415, message: 'Chỉ nhận tệp JSON, CSV hoặc XLSX.' },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof CATALOG_ERRORS, true> {}
}
