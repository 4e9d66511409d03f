/** Dates as people in Vietnam read them: Asia/Ho_Chi_Minh, whatever the browser's zone. */
import type { Lang } from './i18n/i18n.js';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();

/** An instant (ISO string from the API) as date and time in Vietnam. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  let format = dateTimeFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'medium' });
    dateTimeFormats.set(lang, format);
  }
  return format.format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, no time zone) as dd/mm/yyyy. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/** Today's date in Vietnam as YYYY-MM-DD. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
