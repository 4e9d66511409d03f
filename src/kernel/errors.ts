/**
 * Domain errors. Domain code throws `new AppError('CODE')`; only the HTTP layer knows statuses.
 * The kernel holds the codes every module may use; each module declares its own table in its
 * `*.errors.ts` and lists it in its manifest, and the composition root registers them all at
 * start (`registerErrorTable`), refusing a code declared twice. Messages are Vietnamese because
 * they reach citizens and officers as they are; the code is the stable, machine-readable part.
 */

/** One error: the HTTP status it leaves with and its Vietnamese message. */
export interface ErrorSpec {
  status: number;
  message: string;
}

/** The shape of an error table: stable code → HTTP status and Vietnamese message. */
export type ErrorTable = Record<string, ErrorSpec>;

/** The codes of the kernel itself: request shape, authentication, concurrency, faults. */
export const KERNEL_ERRORS = {
  VALIDATION_FAILED: { status: 400, message: 'Dữ liệu gửi lên không hợp lệ.' },
  INVALID_JSON: { status: 400, message: 'Nội dung yêu cầu không phải JSON hợp lệ.' },
  UNPROCESSABLE: { status: 422, message: 'Yêu cầu không thể thực hiện với dữ liệu hiện tại.' },
  UNAUTHENTICATED: { status: 401, message: 'Bạn cần đăng nhập để thực hiện thao tác này.' },
  SESSION_EXPIRED: { status: 401, message: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.' },
  FORBIDDEN: { status: 403, message: 'Bạn không có quyền thực hiện thao tác này.' },
  NOT_FOUND: { status: 404, message: 'Không tìm thấy đối tượng yêu cầu.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'Không có đường dẫn API này.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Phương thức không được hỗ trợ.' },
  CONFLICT: { status: 409, message: 'Dữ liệu đã bị thay đổi bởi thao tác khác, vui lòng tải lại.' },
  VERSION_CONFLICT: { status: 409, message: 'Dữ liệu đã bị người khác cập nhật, vui lòng tải lại rồi thực hiện lại.' },
  RATE_LIMITED: { status: 429, message: 'Quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Dữ liệu gửi lên vượt quá kích thước cho phép.' },
  HEADERS_TOO_LARGE: { status: 431, message: 'Phần tiêu đề (header) của yêu cầu quá lớn.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Kiểu nội dung không được hỗ trợ.' },
  INTERNAL: { status: 500, message: 'Hệ thống gặp lỗi, vui lòng thử lại sau.' },
  DATABASE_UNAVAILABLE: {
    status: 503,
    message: 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.',
  },
} as const satisfies ErrorTable;

/**
 * The codes the modules declare, merged in by each module's `*.errors.ts`
 * (`declare module '…/kernel/errors.js' { interface ModuleErrorCodes extends Record<…, true> {} }`),
 * so `new AppError('CODE')` is type-checked against every module's table while the kernel
 * imports none of them.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each module
export interface ModuleErrorCodes {}

export type ErrorCode = keyof typeof KERNEL_ERRORS | keyof ModuleErrorCodes;

const registry = new Map<string, ErrorSpec & { owner: string }>(
  Object.entries(KERNEL_ERRORS).map(([code, spec]) => [code, { ...spec, owner: 'kernel' }]),
);

/** Adds a module's table; a code another table already declares is a start-up error. */
export function registerErrorTable(owner: string, table: ErrorTable): void {
  for (const [code, spec] of Object.entries(table)) {
    const existing = registry.get(code);
    if (existing && existing.owner !== owner) {
      throw new Error(`Error code ${code} is declared by both ${existing.owner} and ${owner}`);
    }
    registry.set(code, { ...spec, owner });
  }
}

/** The registered status and message of a code (undefined: not registered). */
export function errorSpec(code: string): ErrorSpec | undefined {
  return registry.get(code);
}

export class AppError extends Error {
  /** A message that replaces the table's (e.g. one naming the offending value). */
  readonly customMessage: string | undefined;

  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
    /**
     * A 4xx status other than the table's, for a code whose meaning spans two (VALIDATION_FAILED:
     * 400 for a malformed request, 422 for a well-formed tờ khai whose values are refused).
     */
    readonly statusOverride?: number,
  ) {
    super(message ?? registry.get(code)?.message ?? code);
    this.name = 'AppError';
    this.customMessage = message;
  }

  /** The HTTP status; an unregistered code is a programming error and leaves as 500. */
  get status(): number {
    const registered = registry.get(this.code)?.status;
    return registered === undefined ? 500 : (this.statusOverride ?? registered);
  }
}
