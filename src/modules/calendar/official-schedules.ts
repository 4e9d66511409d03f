/**
 * Officially announced holiday schedules for civil servants (công chức, viên chức), shipped as
 * data. A saved year in the database overrides these; years not here get the rules' proposal.
 *
 * Only the days that change "Monday–Friday work" are listed, plus a holiday that falls on a
 * weekend when it explains a compensatory day (so the year view reads naturally).
 */
import type { CalendarDay } from './calendar.rules.js';

const holiday = (date: string, name: string): CalendarDay => ({ date, kind: 'holiday', name, source: 'official' });
const makeUp = (date: string, name: string): CalendarDay => ({ date, kind: 'makeUpWorkday', name, source: 'official' });

export const OFFICIAL_SCHEDULES: Readonly<Record<number, readonly CalendarDay[]>> = {
  /*
   * 2025. Sources: Công văn 8726/VPCP-KGVX (26/11/2024) conveying the Prime Minister's decision,
   * and Thông báo 6150/TB-BLĐTBXH (2024) of the Ministry of Labour, Invalids and Social Affairs
   * (as reported e.g. at https://baodanang.vn/chi-tiet-lich-nghi-le-quoc-khanh-2-9-nam-nay-cho-cong-chuc-vien-chuc-va-nguoi-lao-dong-3299118.html
   * and https://www.tet-amlich.com/2024/11/cac-ngay-nghi-le-2025.html).
   * - Tết Dương lịch: Wed 1/1 (1 day).
   * - Tết Ất Tỵ: Sat 25/1 – Sun 2/2 (9 days; the 5 Tết days are Mon 27/1 – Fri 31/1, no swap).
   * - Giỗ Tổ Hùng Vương: Mon 7/4.
   * - 30/4 (Wed) and 1/5 (Thu), plus Fri 2/5 swapped with Saturday 26/4 (worked): 30/4 – 4/5 off.
   * - Quốc khánh: Sat 30/8 – Tue 2/9 (1/9 Mon and 2/9 Tue).
   */
  2025: [
    holiday('2025-01-01', 'Tết Dương lịch'),
    holiday('2025-01-27', 'Tết Nguyên đán Ất Tỵ (28 tháng Chạp)'),
    holiday('2025-01-28', 'Tết Nguyên đán Ất Tỵ (29 tháng Chạp)'),
    holiday('2025-01-29', 'Tết Nguyên đán Ất Tỵ (mùng 1)'),
    holiday('2025-01-30', 'Tết Nguyên đán Ất Tỵ (mùng 2)'),
    holiday('2025-01-31', 'Tết Nguyên đán Ất Tỵ (mùng 3)'),
    holiday('2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    makeUp('2025-04-26', 'Làm bù cho thứ Sáu 02/5/2025'),
    holiday('2025-04-30', 'Ngày Chiến thắng (30/4)'),
    holiday('2025-05-01', 'Ngày Quốc tế Lao động (1/5)'),
    holiday('2025-05-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)'),
    holiday('2025-09-01', 'Quốc khánh (nghỉ liền kề 1/9)'),
    holiday('2025-09-02', 'Quốc khánh (2/9)'),
  ],
  /*
   * 2026. Sources:
   * - Tết Dương lịch: Công văn 12729/VPCP-KGVX (25/12/2025): Thu 1/1 – Sun 4/1, Fri 2/1 swapped
   *   with Saturday 10/1 (worked) (reported e.g. at https://tracuuquyhoach.com/tin-tuc/tin-vui-cho-nguoi-lao-dong-chinh-phu-dong-y-nghi-tet-duong-lich-4-ngay-54100289).
   * - Tết Bính Ngọ and Quốc khánh: the Prime Minister's decision conveyed by the Government Office
   *   on 13/10/2025 (document number not found; reported at
   *   https://kienthuc.net.vn/chot-phuong-an-nghi-tet-am-lich-binh-ngo-va-quoc-khanh-nam-2026-post1576857.html
   *   and https://tienphong.vn/thu-tuong-dong-y-nghi-9-ngay-tet-nguyen-dan-binh-ngo-post1786865.tpo):
   *   Tết Sat 14/2 – Sun 22/2 (the 5 days Mon 16/2 – Fri 20/2); Quốc khánh Sat 29/8 – Wed 2/9
   *   (1/9 Tue, 2/9 Wed, and Mon 31/8 swapped with Saturday 22/8, worked).
   * - Giỗ Tổ Hùng Vương: Sun 26/4 → compensatory day Mon 27/4 (Labour Code Art. 111(3); reported at
   *   https://thanhnien.vn/gio-to-hung-vuong-304-15-quoc-khanh-29-nam-2026-duoc-nghi-may-ngay-185260223083506397.htm).
   * - 30/4 (Thu) and 1/5 (Fri): no swap.
   * - 24/11 (Ngày Văn hóa Việt Nam) is NOT listed: not yet a holiday in law as of this writing
   *   (see proposal.rules.ts); an administrator adds it when it is.
   */
  2026: [
    holiday('2026-01-01', 'Tết Dương lịch'),
    holiday('2026-01-02', 'Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)'),
    makeUp('2026-01-10', 'Làm bù cho thứ Sáu 02/01/2026'),
    holiday('2026-02-16', 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)'),
    holiday('2026-02-17', 'Tết Nguyên đán Bính Ngọ (mùng 1)'),
    holiday('2026-02-18', 'Tết Nguyên đán Bính Ngọ (mùng 2)'),
    holiday('2026-02-19', 'Tết Nguyên đán Bính Ngọ (mùng 3)'),
    holiday('2026-02-20', 'Tết Nguyên đán Bính Ngọ (mùng 4)'),
    holiday('2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    holiday('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'),
    holiday('2026-04-30', 'Ngày Chiến thắng (30/4)'),
    holiday('2026-05-01', 'Ngày Quốc tế Lao động (1/5)'),
    makeUp('2026-08-22', 'Làm bù cho thứ Hai 31/8/2026'),
    holiday('2026-08-31', 'Nghỉ hoán đổi Quốc khánh (làm bù thứ Bảy 22/8/2026)'),
    holiday('2026-09-01', 'Quốc khánh (nghỉ liền kề 1/9)'),
    holiday('2026-09-02', 'Quốc khánh (2/9)'),
  ],
};

export function officialSchedule(year: number): readonly CalendarDay[] | null {
  return OFFICIAL_SCHEDULES[year] ?? null;
}
