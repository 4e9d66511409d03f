/**
 * Domain errors. Domain code throws `new AppError('CODE')`; only the HTTP layer knows statuses
 * (the map below is the one place; each domain module contributes its own table of codes). Messages are Vietnamese because they reach citizens and
 * officers as they are; the code is the stable, machine-readable part.
 */
import { CALENDAR_ERRORS } from '../modules/calendar/calendar.errors.js';
import { CATALOG_ERRORS } from '../modules/catalog/catalog.errors.js';
import { DOSSIER_ERRORS } from '../modules/dossiers/dossiers.errors.js';
import { FEEDBACK_ERRORS } from '../modules/feedback/feedback.errors.js';
import { FILES_ERRORS } from '../modules/files/files.errors.js';
import { PAYMENT_ERRORS } from '../modules/payments/payments.errors.js';
import { NATIONAL_PORTAL_ERRORS } from '../modules/national-portal/national-portal.errors.js';
import { NATIONAL_DATA_ERRORS } from '../modules/national-data/national-data.errors.js';
import { QUEUE_ERRORS } from '../modules/queue/queue.errors.js';
import { SATISFACTION_ERRORS } from '../modules/satisfaction/satisfaction.errors.js';
import { JOBS_ERRORS } from '../modules/jobs/jobs.errors.js';
import { KPI_ERRORS } from '../modules/kpi/kpi.errors.js';
import { KPI_INSIGHTS_ERRORS } from '../modules/kpi/insights.errors.js';
import { TRACKING_BOOK_ERRORS } from '../modules/dossiers/tracking-book.errors.js';
import { WORKFLOW_ERRORS } from '../modules/workflows/workflows.errors.js';
import type { ErrorTable } from './error-table.js';

export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: 'Dữ liệu gửi lên không hợp lệ.' },
  INVALID_JSON: { status: 400, message: 'Nội dung yêu cầu không phải JSON hợp lệ.' },
  UNPROCESSABLE: { status: 422, message: 'Yêu cầu không thể thực hiện với dữ liệu hiện tại.' },
  UNAUTHENTICATED: { status: 401, message: 'Bạn cần đăng nhập để thực hiện thao tác này.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  SESSION_EXPIRED: { status: 401, message: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.' },
  INVALID_TOKEN: { status: 401, message: 'Mã truy cập (API token) không hợp lệ, đã hết hạn hoặc đã bị thu hồi.' },
  ACCOUNT_DISABLED: { status: 403, message: 'Tài khoản đã bị khóa.' },
  CSRF_FAILED: { status: 403, message: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (X-CSRF-Token).' },
  FORBIDDEN: { status: 403, message: 'Bạn không có quyền thực hiện thao tác này.' },
  TOKEN_SCOPE: { status: 403, message: 'Mã truy cập không được cấp phạm vi cho thao tác này.' },
  NOT_FOUND: { status: 404, message: 'Không tìm thấy đối tượng yêu cầu.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'Không có đường dẫn API này.' },
  UNIT_NOT_FOUND: { status: 404, message: 'Không tìm thấy đơn vị.' },
  USER_NOT_FOUND: { status: 404, message: 'Không tìm thấy người dùng.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Phương thức không được hỗ trợ.' },
  CONFLICT: { status: 409, message: 'Dữ liệu đã bị thay đổi bởi thao tác khác, vui lòng tải lại.' },
  VERSION_CONFLICT: { status: 409, message: 'Dữ liệu đã bị người khác cập nhật, vui lòng tải lại rồi thực hiện lại.' },
  USERNAME_TAKEN: { status: 409, message: 'Tên đăng nhập đã được sử dụng.' },
  PERSONAL_ID_TAKEN: { status: 409, message: 'Số định danh cá nhân đã gắn với một tài khoản khác.' },
  UNIT_CODE_TAKEN: { status: 409, message: 'Mã định danh đơn vị đã được sử dụng bởi đơn vị khác còn hiệu lực.' },
  UNIT_CYCLE: { status: 422, message: 'Không thể đặt đơn vị cha là chính đơn vị này hoặc đơn vị cấp dưới của nó.' },
  UNIT_CLOSED: { status: 422, message: 'Đơn vị đã hết hiệu lực.' },
  UNIT_HAS_ACTIVE_CHILDREN: { status: 422, message: 'Đơn vị còn đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc đóng chúng trước.' },
  ROLE_UNIT_REQUIRED: { status: 422, message: 'Vai trò cán bộ phải gắn với một đơn vị.' },
  CITIZEN_ROLE_NO_UNIT: { status: 422, message: 'Vai trò công dân không gắn với đơn vị.' },
  WEAK_PASSWORD: { status: 422, message: 'Mật khẩu mới phải có ít nhất 10 ký tự, gồm chữ và số, và khác tên đăng nhập.' },
  WRONG_PASSWORD: { status: 422, message: 'Mật khẩu hiện tại không đúng.' },
  PASSWORD_REUSED: { status: 422, message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
  SCOPE_NOT_HELD: { status: 422, message: 'Không thể cấp cho mã truy cập phạm vi mà tài khoản không có.' },
  LOGIN_THROTTLED: { status: 429, message: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.' },
  RATE_LIMITED: { status: 429, message: 'Quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Dữ liệu gửi lên vượt quá kích thước cho phép.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Kiểu nội dung không được hỗ trợ.' },
  ...CALENDAR_ERRORS,
  ...CATALOG_ERRORS,
  ...DOSSIER_ERRORS,
  ...PAYMENT_ERRORS,
  ...NATIONAL_PORTAL_ERRORS,
  ...NATIONAL_DATA_ERRORS,
  ...TRACKING_BOOK_ERRORS,
  ...WORKFLOW_ERRORS,
  ...FILES_ERRORS,
  ...FEEDBACK_ERRORS,
  ...SATISFACTION_ERRORS,
  ...KPI_ERRORS,
  ...JOBS_ERRORS,
  ...KPI_INSIGHTS_ERRORS,
  ...QUEUE_ERRORS,
  INTERNAL: { status: 500, message: 'Hệ thống gặp lỗi, vui lòng thử lại sau.' },
} as const satisfies ErrorTable;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}
