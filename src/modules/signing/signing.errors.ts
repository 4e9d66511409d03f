import type { ErrorTable } from '../../kernel/errors.js';

/**
 * Refusals of a signed PDF (verify.ts) and of signing. The validation outcomes follow ETSI EN
 * 319 102-1 (TOTAL-PASSED / TOTAL-FAILED / INDETERMINATE); each failure has its own code.
 */
export const SIGNING_ERRORS = {
  SIGNATURE_MALFORMED: { status: 422, message: 'Chữ ký số trong tệp không đúng cấu trúc (PAdES/CMS).' },
  SIGNATURE_INTEGRITY_FAILED: {
    status: 422,
    message: 'Chữ ký số không còn khớp với nội dung: tệp đã bị sửa trong phần đã ký.',
  },
  SIGNATURE_DOCUMENT_MODIFIED: {
    status: 422,
    message: 'Tệp đã bị thay đổi sau khi ký: có nội dung được thêm vào mà không có chữ ký số nào bao phủ.',
  },
  SIGNATURE_UNTRUSTED_ROOT: {
    status: 422,
    message: 'Chứng thư số của người ký không thuộc chuỗi tin cậy (không dẫn tới chứng thư số gốc được công nhận).',
  },
  SIGNATURE_CERTIFICATE_REVOKED: {
    status: 422,
    message: 'Chứng thư số của người ký đã bị thu hồi trước thời điểm ký.',
  },
  SIGNATURE_ISSUER_REVOKED: {
    status: 422,
    message:
      'Chứng thư số của tổ chức cung cấp dịch vụ chứng thực (CA trung gian) trong chuỗi của người ký đã bị thu hồi trước thời điểm ký.',
  },
  SIGNATURE_CERTIFICATE_EXPIRED: {
    status: 422,
    message: 'Chứng thư số của người ký không còn hiệu lực tại thời điểm ký.',
  },
  SIGNATURE_CHAIN_INVALID: { status: 422, message: 'Không xác thực được chuỗi chứng thư số của người ký.' },
  SIGNATURE_TIMESTAMP_INVALID: { status: 422, message: 'Dấu thời gian của chữ ký số không hợp lệ.' },
  SIGNATURE_REVOCATION_UNKNOWN: {
    status: 422,
    message: 'Chưa xác định được tình trạng thu hồi của chứng thư số (không có danh sách thu hồi).',
  },
  SIGNATURE_VERIFICATION_NOT_PDF: { status: 415, message: 'Chỉ kiểm tra được chữ ký số trong tệp PDF.' },
  SIGNING_FAILED: { status: 502, message: 'Không ký số được tài liệu; vui lòng thử lại.' },
  REMOTE_SIGNING_UNAVAILABLE: {
    status: 503,
    message:
      'Dịch vụ ký số từ xa tạm thời không kết nối được; kết quả chưa được ký. Vui lòng thử lại sau ít phút (nếu kéo dài, liên hệ quản trị hệ thống).',
  },
  SIGNING_TRANSACTION_NOT_FOUND: {
    status: 404,
    message: 'Không tìm thấy yêu cầu ký số này của anh/chị cho hồ sơ; vui lòng ký lại.',
  },
} as const satisfies ErrorTable;

export type SignatureFailureCode = Exclude<
  keyof typeof SIGNING_ERRORS,
  'SIGNING_FAILED' | 'REMOTE_SIGNING_UNAVAILABLE' | 'SIGNING_TRANSACTION_NOT_FOUND' | 'SIGNATURE_VERIFICATION_NOT_PDF'
>;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof SIGNING_ERRORS, true> {}
}
