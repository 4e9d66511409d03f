/** The roles of docs/domain/DOMAIN.md §2. A role is always held over a unit (its subtree), except citizen. */
export const ROLES = [
  'citizen', // Công dân, tổ chức
  'one_stop_officer', // Cán bộ tiếp nhận, Bộ phận Một cửa
  'postal_officer', // Nhân viên bưu chính công ích
  'processing_official', // Chuyên viên xử lý
  'unit_leader', // Lãnh đạo phòng/sở/UBND xã
  'procedure_control_officer', // Cán bộ đầu mối kiểm soát TTHC
  'system_admin', // Quản trị hệ thống
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  citizen: 'Công dân',
  one_stop_officer: 'Cán bộ tiếp nhận (Một cửa)',
  postal_officer: 'Nhân viên bưu chính',
  processing_official: 'Chuyên viên xử lý',
  unit_leader: 'Lãnh đạo đơn vị',
  procedure_control_officer: 'Cán bộ kiểm soát TTHC',
  system_admin: 'Quản trị hệ thống',
};
