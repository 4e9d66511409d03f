/**
 * The timeframe column of a plan's task table ("Thời gian thực hiện") read into a schedule: a due
 * date, an ongoing task reported on periodically, a task that starts when something happens, or
 * one whose timing another body sets. Pure; the cases are the wordings of the seed plans
 * (Kế hoạch CCHC năm 2025 of Văn phòng UBND tỉnh Bắc Kạn; Decision 242/QĐ-UBND of An Giang).
 *
 * A period's due date is its last day ("Tháng 01/2025" → 31/01/2025, "Quý III-IV/2025" →
 * 31/12/2025): a task planned "in" a period is late only once the period is over. "Thường xuyên"
 * (ongoing) carries no due date but is reported on each quarter: the plans ask the lead unit to
 * "định kỳ tổng hợp, báo cáo" (seed 003, IV.2), and the periodic reports on procedure control are
 * quarterly, six-month and annual (Circular 01/2020/TT-VPCP, chế độ báo cáo định kỳ).
 */

export type ScheduleKind =
  /** A due date (the end of the period named). */
  | 'due'
  /** Thường xuyên: no due date, reported on periodically. */
  | 'ongoing'
  /** Khi … (when something happens): no due date until the event. */
  | 'event'
  /** Theo quy định / hướng dẫn của …: the timing is set by another body's rules. */
  | 'per_instruction'
  /** The cell is empty. */
  | 'unspecified'
  /** Not understood: listed for review in the import preview. */
  | 'unparsed';

export interface Schedule {
  kind: ScheduleKind;
  /** YYYY-MM-DD, only for `due`. */
  dueOn: string | null;
  /** How often an open-ended task reports progress (ongoing tasks: each quarter). */
  reporting: 'quarterly' | null;
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

const lastDayOfMonth = (year: number, month: number): string => {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const due = (dueOn: string): Schedule => ({ kind: 'due', dueOn, reporting: null });
const open = (kind: Exclude<ScheduleKind, 'due'>): Schedule => ({
  kind,
  dueOn: null,
  reporting: kind === 'ongoing' ? 'quarterly' : null,
});

/** Lowercase, one space, NFC (PDF text comes decomposed or with doubled spaces). */
function normalize(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

const validDate = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/**
 * Reads a timeframe cell. `planYear` completes a period written without its year ("Tháng 6",
 * "Quý IV"); a cell naming no year and no plan year is `unparsed`.
 */
export function parseTimeframe(cell: string, planYear: number | null): Schedule {
  const text = normalize(cell);
  if (text === '') return open('unspecified');
  const lower = text.toLowerCase();
  if (/^(thường xuyên|hằng ngày|hàng ngày|liên tục)/.test(lower)) return open('ongoing');
  if (/^khi\b/.test(lower)) return open('event');
  if (/^theo (quy định|hướng dẫn|kế hoạch|đề án|yêu cầu|chỉ đạo)/.test(lower)) return open('per_instruction');

  const year = (y: string | undefined) => (y ? Number(y) : planYear);

  // Trước / đến / chậm nhất ngày dd/mm/yyyy, or a bare date.
  const date = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  if (date && /^(trước|đến|chậm nhất|hoàn thành trước|ngày|\d)/.test(lower)) {
    const [d, m, y] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (validDate(y, m, d)) return due(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  }
  // Tháng 01/2025, Tháng 11-12/2025, Tháng 6 năm 2025.
  const month = /^(?:trong )?tháng (\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?(?:\s*(?:\/|năm)\s*(\d{4}))?$/.exec(lower);
  if (month) {
    const last = Number(month[2] ?? month[1]);
    const y = year(month[3]);
    if (y && last >= 1 && last <= 12) return due(lastDayOfMonth(y, last));
  }
  // Quý I/2025, Quý III-IV/2025, Quý II năm 2025.
  const quarter = /^(?:trong )?quý ([ivx]+)(?:\s*[-–]\s*([ivx]+))?(?:\s*(?:\/|năm)\s*(\d{4}))?$/.exec(lower);
  if (quarter) {
    const last = ROMAN[(quarter[2] ?? quarter[1])!.toUpperCase()];
    const y = year(quarter[3]);
    if (y && last) return due(lastDayOfMonth(y, last * 3));
  }
  // 6 tháng đầu năm 2025 → 30/6; 6 tháng cuối năm → 31/12.
  const half = /^(?:trong )?6 tháng (đầu|cuối) năm(?:\s*(\d{4}))?$/.exec(lower);
  if (half) {
    const y = year(half[2]);
    if (y) return due(lastDayOfMonth(y, half[1] === 'đầu' ? 6 : 12));
  }
  // Năm 2025, Trong năm 2025, Cả năm.
  const whole = /^(?:trong |cả )?năm(?:\s*(\d{4}))?$/.exec(lower);
  if (whole) {
    const y = year(whole[1]);
    if (y) return due(`${y}-12-31`);
  }
  return open('unparsed');
}

/** Whether a timeframe cell starts the way timeframes do (the PDF-text reader uses it to find the column). */
export function looksLikeTimeframe(line: string): boolean {
  const lower = normalize(line).toLowerCase();
  return (
    /^(thường xuyên|hằng ngày|hàng ngày|liên tục|khi\b|theo (quy định|hướng dẫn|kế hoạch|đề án|yêu cầu|chỉ đạo))/.test(
      lower,
    ) ||
    /^(trong )?(tháng \d|quý [ivx]|6 tháng|năm \d{4}|cả năm)/.test(lower) ||
    /^(trước|chậm nhất|đến) (ngày )?\d{1,2}\/\d{1,2}/.test(lower)
  );
}
