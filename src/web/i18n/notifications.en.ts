import type { notificationsVi } from './notifications.vi.js';

/** English strings of the inbox (portal and staff console). */
export const notificationsEn: Record<keyof typeof notificationsVi, string> = {
  'nav.inbox': 'Notifications',
  'menu.inbox': 'Notifications',
  'inbox.title': 'Notifications',
  'inbox.unread': '{n} unread',
  'inbox.empty': 'No notifications yet.',
  'inbox.markAll': 'Mark all as read',
  'inbox.open': 'Open',
  'inbox.new': 'New',
};
