/**
 * Working periods of the day (giờ làm việc), e.g. 07:30–11:30 and 13:30–17:00. Pure, with no
 * imports, because env.ts parses WORKING_PERIODS with it at start.
 */

/** A working period in minutes after local midnight (Vietnam time): [start, end). */
export interface WorkingPeriod {
  start: number;
  end: number;
}

export const DEFAULT_WORKING_PERIODS = '07:30-11:30,13:30-17:00';

const PERIOD = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/**
 * Parses "HH:MM-HH:MM,HH:MM-HH:MM". Periods must be non-empty, in order and not touching
 * (touching periods are one period; keeping them apart keeps "the next period start" unambiguous).
 * Returns the periods or a Vietnamese message saying what is wrong.
 */
export function parseWorkingPeriods(text: string): { periods: WorkingPeriod[] } | { error: string } {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { error: 'Cần ít nhất một khoảng giờ làm việc, ví dụ 07:30-11:30,13:30-17:00' };
  const periods: WorkingPeriod[] = [];
  for (const part of parts) {
    const m = PERIOD.exec(part);
    if (!m) return { error: `Khoảng giờ "${part}" phải có dạng HH:MM-HH:MM` };
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    if (end > 24 * 60) return { error: `Khoảng giờ "${part}" vượt quá 24:00` };
    if (end <= start) return { error: `Khoảng giờ "${part}" phải kết thúc sau khi bắt đầu` };
    const prev = periods[periods.length - 1];
    if (prev && start <= prev.end) return { error: `Khoảng giờ "${part}" phải bắt đầu sau khoảng trước đó` };
    periods.push({ start, end });
  }
  return { periods };
}
