/** Dates as people in Vietnam read them: Asia/Ho_Chi_Minh, whatever the browser's zone. */

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant (ISO string from the API) as "dd/mm/yyyy hh:mm:ss" in Vietnam (both languages). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** A calendar date (YYYY-MM-DD, no time zone) as dd/mm/yyyy. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/** Today's date in Vietnam as YYYY-MM-DD. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

const vnd = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** Money as written in Vietnam: "1.000.000 ₫" (whole đồng; a no-break space keeps ₫ on the line). */
export function formatVnd(amount: number): string {
  return `${vnd.format(amount)}\u00a0₫`;
}
