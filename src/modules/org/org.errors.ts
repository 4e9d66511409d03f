import type { ErrorTable } from '../../kernel/errors.js';

/** Errors of the organisation tree (cơ cấu tổ chức, đơn vị). */
export const ORG_ERRORS = {
  UNIT_NOT_FOUND: { status: 404, message: 'Không tìm thấy đơn vị.' },
  UNIT_CODE_TAKEN: { status: 409, message: 'Mã định danh đơn vị đã được sử dụng bởi đơn vị khác còn hiệu lực.' },
  UNIT_CYCLE: { status: 422, message: 'Không thể đặt đơn vị cha là chính đơn vị này hoặc đơn vị cấp dưới của nó.' },
  UNIT_CLOSED: { status: 422, message: 'Đơn vị đã hết hiệu lực.' },
  UNIT_HAS_ACTIVE_CHILDREN: {
    status: 422,
    message: 'Đơn vị còn đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc đóng chúng trước.',
  },
} as const satisfies ErrorTable;

declare module '../../kernel/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof ORG_ERRORS, true> {}
}
