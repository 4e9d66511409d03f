import type { Translate } from '../../../i18n/i18n.js';

/** Working minutes as "2 ngày 3 giờ 45 phút" (days of the configured working-day length). */
export function durationText(minutes: number, minutesPerWorkingDay: number, t: Translate): string {
  const days = Math.floor(minutes / minutesPerWorkingDay + 1e-9);
  const rest = Math.round(minutes - days * minutesPerWorkingDay);
  const parts = [
    days > 0 ? t('admin.wf.days', { n: days }) : '',
    rest >= 60 ? t('admin.wf.hours', { n: Math.floor(rest / 60) }) : '',
    rest % 60 > 0 ? t('admin.wf.minutes', { n: rest % 60 }) : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : t('admin.wf.hours', { n: 0 });
}
