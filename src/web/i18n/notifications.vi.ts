/** Vietnamese strings of the inbox (portal and staff console). */
export const notificationsVi = {
  'nav.inbox': 'Thông báo',
  'menu.inbox': 'Thông báo',
  'inbox.title': 'Hộp thư thông báo',
  'inbox.unread': '{n} chưa đọc',
  'inbox.empty': 'Chưa có thông báo nào.',
  'inbox.markAll': 'Đánh dấu đã đọc tất cả',
  'inbox.open': 'Xem',
  'inbox.new': 'Mới',
} as const;
