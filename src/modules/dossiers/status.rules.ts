/**
 * Dossier statuses and their codes on the national portal (TrangThaiHoSo, docs/domain/DOMAIN.md §4). The
 * portal adapter sends the number; MotCua speaks the names.
 */
export const DOSSIER_STATUSES = {
  registered: 1, // Mới đăng ký (nộp trực tuyến, chưa tiếp nhận)
  received: 2, // Đã tiếp nhận
  refused: 3, // Không được tiếp nhận (từ chối)
  processing: 4, // Đang xử lý
  awaitingSupplement: 5, // Chờ bổ sung
  awaitingPayment: 6, // Chờ thực hiện nghĩa vụ tài chính
  withdrawn: 7, // Công dân yêu cầu rút hồ sơ
  stopped: 8, // Dừng xử lý
  processed: 9, // Đã xử lý xong
  returned: 10, // Đã trả kết quả
} as const;

export type DossierStatus = keyof typeof DOSSIER_STATUSES;
export const DOSSIER_STATUS_NAMES = Object.keys(DOSSIER_STATUSES) as DossierStatus[];

export function nationalStatusCode(status: DossierStatus): number {
  return DOSSIER_STATUSES[status];
}
