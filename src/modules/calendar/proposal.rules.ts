/**
 * Proposed holidays for a year without a saved or shipped schedule (đề xuất lịch nghỉ lễ). Only a
 * proposal: the Prime Minister decides each year's Tết days and any swaps, and an administrator
 * saves the real list. Pure.
 *
 * Legal basis: Bộ luật Lao động 2019, Art. 112(1) (holidays: 1 Jan; Tết Âm lịch 5 days;
 * Giỗ Tổ Hùng Vương 10/3 lunar; 30 Apr; 1 May; 2 Sep plus 1 Sep or 3 Sep) and Art. 111(3)
 * (a holiday on a weekly rest day gives a compensatory day off on the next working day, nghỉ bù).
 *
 * Rules:
 * - Fixed-date holidays and Hùng Kings' day: the day itself; if it is a Saturday or a Sunday it is
 *   listed too (so the calendar shows it) and a compensatory holiday "Nghỉ bù …" goes to the next
 *   Monday–Friday that is not already a holiday (processed in date order, so 30/4 on Saturday and
 *   1/5 on Sunday give Monday 2/5 and Tuesday 3/5).
 * - Quốc khánh: 2/9 plus whichever of 1/9 or 3/9 is best: a Monday or Friday (adjacent to the
 *   weekend), else any weekday, else 1/9; ties go to 1/9 (as in 2026).
 * - Tết (5 days): the five weekdays are chosen so the break joins the weekends, from the days
 *   eve (last day of the old year) … mùng 4. If eve is a weekday and every weekday of eve … mùng 4
 *   falls in eve's Monday–Friday week, that whole week is off (9 days with both weekends:
 *   2022, 2025, 2026). Otherwise: one weekday before the first weekday of eve … mùng 4, those
 *   weekdays, and weekdays after them up to five (2021, 2023, 2024). This reproduces the official
 *   schedules of 2021–2026.
 * - Ngày Văn hóa Việt Nam (24/11): Politburo Resolution 80-NQ/TW (Jan 2026) wants it to be a paid
 *   holiday, but it needs an amendment of the Labour Code (proposed Jan 2026, not verified as
 *   passed). So it is a flag, off by default: `cultureDayFromYear`.
 */
import { addDays, dayIndex, isWeekendIndex, weekdayOf } from './dates.js';
import type { CalendarDay } from './calendar.rules.js';
import { hungKingsDate, lunarNewYearEve, lunarToSolar } from './lunar.js';

export interface ProposalOptions {
  /** First year in which 24/11 (Ngày Văn hóa Việt Nam) is a public holiday; null = not a holiday. */
  cultureDayFromYear: number | null;
}

/** Off until the Labour Code is amended (verify: Resolution 80-NQ/TW is a policy, not yet law). */
export const DEFAULT_PROPOSAL_OPTIONS: ProposalOptions = { cultureDayFromYear: null };

const isWeekend = (date: string) => isWeekendIndex(dayIndex(date));

/** The five Tết weekdays of lunar year `year` (see the rule above). */
export function proposeTetDays(year: number): string[] {
  const eve = lunarNewYearEve(year);
  const span = [0, 1, 2, 3, 4].map((i) => addDays(eve, i)); // eve, mùng 1 … mùng 4
  const weekdays = span.filter((d) => !isWeekend(d));
  if (!isWeekend(eve)) {
    const monday = addDays(eve, 1 - weekdayOf(eve));
    const week = [0, 1, 2, 3, 4].map((i) => addDays(monday, i));
    if (weekdays.every((d) => week.includes(d))) return week;
  }
  const days: string[] = [];
  let before = addDays(weekdays[0]!, -1);
  while (isWeekend(before)) before = addDays(before, -1);
  days.push(before, ...weekdays);
  let after = weekdays[weekdays.length - 1]!;
  while (days.length < 5) {
    after = addDays(after, 1);
    if (!isWeekend(after)) days.push(after);
  }
  return days;
}

/** 1/9 or 3/9 to go with 2/9. */
export function proposeNationalDayExtra(year: number): string {
  const score = (date: string) => {
    const wd = weekdayOf(date);
    if (wd === 1 || wd === 5) return 2;
    return wd === 0 || wd === 6 ? 0 : 1;
  };
  const first = `${year}-09-01`;
  const third = `${year}-09-03`;
  return score(third) > score(first) ? third : first;
}

const proposed = (date: string, name: string): CalendarDay => ({ date, kind: 'holiday', name, source: 'proposed' });

/** The proposed holidays of a solar year, sorted by date. */
export function proposeYear(year: number, options: ProposalOptions = DEFAULT_PROPOSAL_OPTIONS): CalendarDay[] {
  const fixed: CalendarDay[] = [proposed(`${year}-01-01`, 'Tết Dương lịch')];
  // Tết of this solar year's lunar year; its eve can fall in the same solar year only.
  const tet = proposeTetDays(year);
  const tetFirst = lunarToSolar({ year, month: 1, day: 1, leap: false });
  for (const d of tet) {
    fixed.push(proposed(d, d < tetFirst ? 'Tết Nguyên đán (cuối năm cũ)' : 'Tết Nguyên đán'));
  }
  fixed.push(proposed(hungKingsDate(year), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'));
  fixed.push(proposed(`${year}-04-30`, 'Ngày Chiến thắng (30/4)'));
  fixed.push(proposed(`${year}-05-01`, 'Ngày Quốc tế Lao động (1/5)'));
  const extra = proposeNationalDayExtra(year);
  fixed.push(proposed(`${year}-09-02`, 'Quốc khánh (2/9)'));
  fixed.push(proposed(extra, `Quốc khánh (nghỉ liền kề ${Number(extra.slice(8))}/9)`));
  if (options.cultureDayFromYear !== null && year >= options.cultureDayFromYear) {
    fixed.push(proposed(`${year}-11-24`, 'Ngày Văn hóa Việt Nam (24/11)'));
  }
  fixed.sort((a, b) => a.date.localeCompare(b.date));
  // Two holidays on one date (Hùng Kings' day was 30/4 in 1947) make one entry; the Labour Code
  // gives no extra day for that.
  for (let i = fixed.length - 1; i > 0; i -= 1) {
    if (fixed[i]!.date === fixed[i - 1]!.date) {
      fixed[i - 1] = { ...fixed[i - 1]!, name: `${fixed[i - 1]!.name} – ${fixed[i]!.name}` };
      fixed.splice(i, 1);
    }
  }

  // Compensatory days (nghỉ bù) for holidays on a weekend, in date order.
  const taken = new Set(fixed.map((d) => d.date));
  const result = [...fixed];
  for (const day of fixed) {
    if (!isWeekend(day.date)) continue;
    let next = addDays(day.date, 1);
    while (isWeekend(next) || taken.has(next)) next = addDays(next, 1);
    taken.add(next);
    result.push(proposed(next, `Nghỉ bù ${day.name}`));
  }
  // A compensatory day could in principle spill into the next year (31/12 never is a holiday,
  // so it cannot today); keep only this year's days.
  return result.filter((d) => d.date.startsWith(`${year}-`)).sort((a, b) => a.date.localeCompare(b.date));
}
