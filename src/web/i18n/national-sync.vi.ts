/** Chuỗi tiếng Việt của trang đồng bộ hồ sơ lên Cổng DVCQG (bảng điều khiển cán bộ). */
export const nationalSyncVi = {
  'menu.nationalSync': 'Đồng bộ Cổng DVCQG',
  'nsync.title': 'Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia',
  'nsync.hint':
    'Hồ sơ đồng bộ lỗi hoặc đang chờ đồng bộ. Hệ thống tự thử lại với thời gian chờ tăng dần; “Đồng bộ lại” đẩy hồ sơ ở lượt chạy kế tiếp.',
  'nsync.unit': 'Đơn vị',
  'nsync.status': 'Trạng thái',
  'nsync.status.failed': 'Lỗi',
  'nsync.status.pending': 'Chờ đồng bộ',
  'nsync.status.synced': 'Đã đồng bộ',
  'nsync.code': 'Mã hồ sơ',
  'nsync.procedure': 'Mã TTHC',
  'nsync.attempts': 'Số lần lỗi',
  'nsync.next': 'Thử lại lúc',
  'nsync.lastSynced': 'Đồng bộ gần nhất',
  'nsync.error': 'Lỗi gần nhất',
  'nsync.retry': 'Đồng bộ lại',
  'nsync.retried': 'Hồ sơ {code} sẽ được đồng bộ ở lượt chạy kế tiếp.',
  'nsync.none': 'Không có hồ sơ nào ở trạng thái này.',
  'nsync.chooseUnit': 'Chọn đơn vị để xem.',
} as const;
