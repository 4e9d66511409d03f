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
 *
 * A recurring task ("Hàng quý", "02 lần/năm", "Ngày 05 hàng tháng") is due at each occurrence: its
 * due date is the first one in the plan's year, moved on as they pass (recurrence.rules.ts). A
 * cell naming several periods ("Quý I hoặc Quý II 2025", "Trong tháng 4, …; Trong tháng 6, …") is
 * due when the last of them ends, as "Quý III-IV/2025" is; "… hoặc đột xuất" (or when needed)
 * adds nothing to a schedule.
 */

import { firstDue, type Recurrence } from './recurrence.rules.js';

export type ScheduleKind =
  /** A due date (the end of the period named). */
  | 'due'
  /** Hàng tháng, hàng quý, 02 lần/năm …: due at each occurrence (the due date is the current one). */
  | 'recurring'
  /** Thường xuyên: no due date, reported on periodically. */
  | 'ongoing'
  /** Khi …, (ngay) sau khi …, trong … ngày kể từ …: no due date until the event. */
  | 'event'
  /** Theo quy định / hướng dẫn / kế hoạch / lộ trình của …: the timing is set by another body's rules. */
  | 'per_instruction'
  /** The cell is empty. */
  | 'unspecified'
  /** Not understood: listed for review in the import preview. */
  | 'unparsed';

export interface Schedule {
  kind: ScheduleKind;
  /** YYYY-MM-DD: for `due`, the due date; for `recurring`, the first occurrence in the plan's year. */
  dueOn: string | null;
  /** How often the task falls due (`recurring`) or reports progress (`ongoing`: each quarter). */
  reporting: Recurrence | null;
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

const lastDayOfMonth = (year: number, month: number): string => {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const due = (dueOn: string): Schedule => ({ kind: 'due', dueOn, reporting: null });
const open = (kind: Exclude<ScheduleKind, 'due' | 'recurring'>): Schedule => ({
  kind,
  dueOn: null,
  reporting: kind === 'ongoing' ? 'quarterly' : null,
});
const recurring = (reporting: Recurrence, year: number | null, day: number | null = null): Schedule => ({
  kind: 'recurring',
  dueOn: year === null ? null : firstDue(reporting, year, day),
  reporting,
});

/** One space, NFC (PDF text comes decomposed or with doubled spaces); remarks in brackets and a final stop dropped. */
function normalize(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[.\s]+$/, '')
    .trim();
}

const validDate = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
const isoDate = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const ONGOING = /^(thường xuyên|hằng ngày|hàng ngày|liên tục)/;
const EVENT = /^(khi\b|(ngay )?sau khi\b|trong (thời gian|vòng) \d+ ngày)/;
const PER_INSTRUCTION =
  /^((thời hạn|thời gian)( hoàn thành| thực hiện)? )?theo (quy định|hướng dẫn|kế hoạch|đề án|yêu cầu|chỉ đạo|lộ trình|tiến độ)/;
const CADENCE: Record<string, Recurrence> = { tuần: 'weekly', tháng: 'monthly', quý: 'quarterly', năm: 'yearly' };
/** N times a year → every 12/N months; only the cadences the reporting regime knows. */
const TIMES_A_YEAR: Record<number, Recurrence> = { 1: 'yearly', 2: 'half_yearly', 4: 'quarterly', 12: 'monthly' };
const EVERY_MONTHS: Record<number, Recurrence> = { 1: 'monthly', 3: 'quarterly', 6: 'half_yearly', 12: 'yearly' };

/**
 * Hàng tháng · Hằng quý · Định kỳ hàng quý, năm hoặc đột xuất (the first, most frequent, cadence)
 * · Ngày 05 hàng tháng · Trước ngày 20 của tháng cuối quý (seed 004) · 02 lần/năm · Định kỳ 06
 * tháng/01 lần · 6 tháng một lần.
 */
function readRecurrence(lower: string, planYear: number | null): Schedule | null {
  const onDay = /^(?:vào |trước |chậm nhất )?ngày (\d{1,2}) (?:của )?(?:(hàng|hằng) tháng|tháng cuối (quý|năm))/.exec(
    lower,
  );
  if (onDay && Number(onDay[1]) >= 1 && Number(onDay[1]) <= 31) {
    const cadence = onDay[2] ? 'monthly' : onDay[3] === 'quý' ? 'quarterly' : 'yearly';
    return recurring(cadence, planYear, Number(onDay[1]));
  }
  const every = /^(?:định kỳ )?(?:hàng|hằng) (tuần|tháng|quý|năm)/.exec(lower);
  if (every) return recurring(CADENCE[every[1]!]!, planYear);
  const times = /^(?:định kỳ )?0*(\d+) lần ?\/ ?năm/.exec(lower);
  if (times) return TIMES_A_YEAR[Number(times[1])] ? recurring(TIMES_A_YEAR[Number(times[1])]!, planYear) : null;
  const months = /^(?:định kỳ )?0*(\d+) tháng ?(?:\/ ?0*1|một) lần/.exec(lower);
  if (months) return EVERY_MONTHS[Number(months[1])] ? recurring(EVERY_MONTHS[Number(months[1])]!, planYear) : null;
  return null;
}

/** The due date of one period or date named at the start of `lower` ("tháng 3", "quý ii năm 2025", "trước ngày 30 tháng 4 năm 2025"). */
function readPeriod(lower: string, year: number | null): string | null {
  const text = lower
    .replace(/^(dự kiến|chậm nhất|hoàn thành|từ .+? đến|đến)\s+/, '')
    .replace(/^(trước|đến|chậm nhất)\s+/, '')
    .replace(/^(trong|hết|cả)\s+/, '')
    .replace(/^(đầu|giữa|cuối)\s+(?=tháng)/, '');
  const yearOf = (y: string | undefined) => (y ? Number(y) : year);
  // dd/mm/yyyy, ngày dd/mm/yyyy, ngày dd tháng mm năm yyyy.
  const date = /^(?:ngày )?(\d{1,2})(?:\/| tháng )(\d{1,2})(?:\/| năm )(\d{4})$/.exec(text);
  if (date) {
    const [d, m, y] = [Number(date[1]), Number(date[2]), Number(date[3])];
    return validDate(y, m, d) ? isoDate(y, m, d) : null;
  }
  const YEAR = String.raw`(?:\s*(?:\/|năm)\s*|\s+)(\d{4})`;
  // Tháng 01/2025, Tháng 11-12/2025, Tháng 11, 12/2022, Tháng 6 năm 2025.
  const month = new RegExp(String.raw`^tháng (\d{1,2})(?:\s*[-–,]\s*(\d{1,2}))?(?:${YEAR})?$`).exec(text);
  if (month) {
    const last = Number(month[2] ?? month[1]);
    const y = yearOf(month[3]);
    return y && last >= 1 && last <= 12 ? lastDayOfMonth(y, last) : null;
  }
  // Quý I/2025, Quý III-IV/2025, Quý III, IV/2025, Quý II năm 2025, Quý II 2025.
  const quarter = new RegExp(String.raw`^quý ([ivx]+)(?:\s*[-–,]\s*(?:quý )?([ivx]+))?(?:${YEAR})?$`).exec(text);
  if (quarter) {
    const last = ROMAN[(quarter[2] ?? quarter[1])!.toUpperCase()];
    const y = yearOf(quarter[3]);
    return y && last ? lastDayOfMonth(y, last * 3) : null;
  }
  // 6 tháng đầu năm 2025 → 30/6; 6 tháng cuối năm → 31/12.
  const half = /^6 tháng (đầu|cuối) năm(?:\s*(\d{4}))?$/.exec(text);
  if (half) {
    const y = yearOf(half[2]);
    return y ? lastDayOfMonth(y, half[1] === 'đầu' ? 6 : 12) : null;
  }
  // Giai đoạn 2023-2025: its last year.
  const stage = /^giai đoạn \d{4}\s*[-–]\s*(\d{4})$/.exec(text);
  if (stage) return `${stage[1]}-12-31`;
  // Năm 2025, Trong năm 2025, Hết năm 2025, Cả năm.
  const whole = /^năm(?:\s*(\d{4}))?$/.exec(text);
  if (whole) {
    const y = yearOf(whole[1]);
    return y ? `${y}-12-31` : null;
  }
  return null;
}

/**
 * Reads a timeframe cell. `planYear` completes a period written without its year ("Tháng 6",
 * "Quý IV"); a cell naming no year and no plan year is `unparsed`.
 */
export function parseTimeframe(cell: string, planYear: number | null): Schedule {
  const text = normalize(cell);
  if (text === '') return open('unspecified');
  const lower = text.toLowerCase();
  if (ONGOING.test(lower)) return open('ongoing');
  if (EVENT.test(lower)) return open('event');
  if (PER_INSTRUCTION.test(lower)) return open('per_instruction');
  const recurrence = readRecurrence(lower, planYear);
  if (recurrence) return recurrence;
  // "Định kỳ/đột xuất": periodic with no cadence named — ongoing, reported each quarter.
  if (/^định kỳ/.test(lower)) return open('ongoing');

  // A year written anywhere in the cell completes the periods named without it ("Quý I, Quý II năm 2025").
  const cellYear = /\b(20\d{2})\b/.exec(lower)?.[1];
  const year = cellYear ? Number(cellYear) : planYear;
  const whole = readPeriod(lower, year);
  if (whole) return due(whole);
  // Several periods, milestones or alternatives: due when the last ends. The first part must name one.
  const parts = lower.split(/\s*(?:;|,| hoặc )\s*/).filter((p) => p !== '' && p !== 'đột xuất');
  const dues = parts.map((p) => readPeriod(p, year));
  if (dues[0])
    return due(
      dues
        .filter((d): d is string => d !== null)
        .sort()
        .at(-1)!,
    );
  // "Tập huấn theo kế hoạch chung … và thường xuyên hướng dẫn nghiệp vụ": the open-ended part has no end.
  if (/\bthường xuyên\b/.test(lower)) return open('ongoing');
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
    /^(trước|chậm nhất|đến) (ngày )?\d{1,2}\/\d{1,2}/.test(lower) ||
    /^(định kỳ|(hàng|hằng) (tuần|tháng|quý|năm)|0?\d+ lần ?\/ ?năm)/.test(lower)
  );
}
