/**
 * Vietnamese renderings of dates, times and money for documents. Times are instants shown in
 * Asia/Ho_Chi_Minh, which is UTC+7 all year (no daylight saving since 1975), so the offset is
 * applied by arithmetic: no dependency on the process time zone or on ICU locale data.
 */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

interface VnParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function vnParts(instant: Date): VnParts {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid date');
  const shifted = new Date(t + VN_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * "ngày 05 tháng 02 năm 2026". Decree 30/2020 (Phụ lục I): days below 10 and the months
 * 1 and 2 take a leading zero (so "tháng 3" … "tháng 12" stay as they are).
 */
export function vnDate(instant: Date): string {
  const { year, month, day } = vnParts(instant);
  const m = month < 3 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${m} năm ${year}`;
}

/** Place and date line (địa danh và ngày tháng năm): "An Giang, ngày 23 tháng 11 năm 2026". */
export function vnPlaceDate(place: string, instant: Date): string {
  return `${place}, ${vnDate(instant)}`;
}

/** "14 giờ 05 phút". */
export function vnTime(instant: Date): string {
  const { hour, minute } = vnParts(instant);
  return `${pad2(hour)} giờ ${pad2(minute)} phút`;
}

/** "14 giờ 05 phút, ngày 23 tháng 11 năm 2026" — the receipt's received/appointment lines. */
export function vnDateTime(instant: Date): string {
  return `${vnTime(instant)}, ${vnDate(instant)}`;
}

/** Compact form for table cells: "14 giờ 05 phút, 23/11/2026". */
export function vnDateTimeShort(instant: Date): string {
  const { year, month, day } = vnParts(instant);
  return `${vnTime(instant)}, ${pad2(day)}/${pad2(month)}/${year}`;
}

/**
 * "50.000 đồng": Vietnamese groups thousands with dots (TCVN convention) and spells the unit.
 * Amounts are whole đồng (the đồng has no subunit in use); fractions are rejected.
 */
export function vnMoney(amountVnd: number): string {
  if (!Number.isSafeInteger(amountVnd)) throw new RangeError(`Not a whole amount of đồng: ${amountVnd}`);
  const sign = amountVnd < 0 ? '-' : '';
  const digits = String(Math.abs(amountVnd)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${digits} đồng`;
}
