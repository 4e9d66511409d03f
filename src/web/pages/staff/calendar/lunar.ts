import { solarToLunar } from '../../../../modules/calendar/lunar.js';
import type { Translate } from '../../../i18n/i18n.js';

/**
 * The lunar date of a day as officials read it next to Tết and Giỗ Tổ ("1/1 âm lịch"). The API
 * lists the days only, so the console converts with the server's own pure module (same algorithm,
 * evaluated at UTC+7), which keeps both sides in agreement.
 */
export function lunarLabel(date: string, t: Translate): string {
  try {
    const l = solarToLunar(date);
    return t(l.leap ? 'admin.cal.lunarLeap' : 'admin.cal.lunar', { day: l.day, month: l.month });
  } catch {
    return t('common.none');
  }
}

const WEEKDAYS = [
  'admin.cal.sun',
  'admin.cal.mon',
  'admin.cal.tue',
  'admin.cal.wed',
  'admin.cal.thu',
  'admin.cal.fri',
  'admin.cal.sat',
] as const;

/** "Thứ Bảy" for a YYYY-MM-DD date (the date itself, no time zone involved). */
export function weekdayLabel(date: string, t: Translate): string {
  const [y, m, d] = date.split('-').map(Number);
  return t(WEEKDAYS[new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay()]!);
}
