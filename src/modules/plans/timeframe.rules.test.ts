import { describe, expect, it } from 'vitest';
import { dueOnOrAfter, firstDue, type Recurrence, shiftDue } from './recurrence.rules.js';
import { looksLikeTimeframe, parseTimeframe, type Schedule } from './timeframe.rules.js';

const due = (dueOn: string): Schedule => ({ kind: 'due', dueOn, reporting: null });
const every = (reporting: Recurrence, dueOn: string): Schedule => ({ kind: 'recurring', dueOn, reporting });
const open = (kind: Schedule['kind']): Schedule => ({
  kind,
  dueOn: null,
  reporting: kind === 'ongoing' ? 'quarterly' : null,
});

describe('parseTimeframe (plan year 2025)', () => {
  it.each<[string, Schedule]>([
    ['Tháng 01/2025', due('2025-01-31')],
    ['Tháng 02/2025', due('2025-02-28')],
    ['Tháng 02/2024', due('2024-02-29')],
    ['Tháng 12/2025', due('2025-12-31')],
    ['Tháng 11-12/2025', due('2025-12-31')],
    ['Tháng 6 năm 2025', due('2025-06-30')],
    ['Tháng 6', due('2025-06-30')],
    ['Quý I/2025', due('2025-03-31')],
    ['Quý III-IV/2025', due('2025-12-31')],
    ['Quý II năm 2026', due('2026-06-30')],
    ['Quý IV', due('2025-12-31')],
    ['6 tháng đầu năm 2025', due('2025-06-30')],
    ['Năm 2025', due('2025-12-31')],
    ['Trong năm 2025', due('2025-12-31')],
    ['Trước ngày 15/3/2025', due('2025-03-15')],
    ['Trước ngày 31/2/2025', open('unparsed')],
    ['Thường xuyên', open('ongoing')],
    ['Thường  xuyên ', open('ongoing')],
    ['Khi phát hiện vấn đề cần xử lý', open('event')],
    ['Khi có TTHC được công bố', open('event')],
    ['Theo quy định của UBND tỉnh', open('per_instruction')],
    ['Theo hướng dẫn của Sở Tư pháp', open('per_instruction')],
    ['Theo Đề án vị trí việc làm của Sở', open('per_instruction')],
    ['', open('unspecified')],
    ['Sớm nhất có thể', open('unparsed')],
    ['Quý V/2025', open('unparsed')],
    ['Tháng 13/2025', open('unparsed')],
    // The wordings of seeds 000 and 002 (every distinct timeframe cell of their appendices).
    ['24/02/2025', due('2025-02-24')],
    ['Trước 30/3/2025', due('2025-03-30')],
    ['Trước ngày 30 tháng 4 năm 2025', due('2025-04-30')],
    ['Trong tháng 03 năm 2025', due('2025-03-31')],
    ['Tháng 03 năm 2025 (ban hành danh mục)', due('2025-03-31')],
    ['Quý II 2025', due('2025-06-30')],
    ['Chậm nhất trong Quý II năm 2025', due('2025-06-30')],
    ['Hết năm 2025', due('2025-12-31')],
    ['Từ tháng 02 đến ngày 15/8/2025', due('2025-08-15')],
    ['Quý I, Quý II năm 2025 hoặc đột xuất', due('2025-06-30')],
    ['Quý I hoặc Quý II 2025', due('2025-06-30')],
    ['Dự kiến trong tháng 2 hoặc đầu tháng 3 năm 2025', due('2025-03-31')],
    [
      'Trong tháng 4, hoàn thành việc rà soát các TTHC nội bộ; Trong tháng 6, hoàn thành tái cấu trúc quy trình các TTHC nội bộ',
      due('2025-06-30'),
    ],
    // Seeds 001 and 004.
    ['Trong Quý IV 2021', due('2021-12-31')],
    ['Tháng 11, 12/2022 (Sau khi Bộ Tư pháp có văn bản hướng dẫn)', due('2022-12-31')],
    ['Tháng 12/2022, chậm nhất tháng 03/2023', due('2023-03-31')],
    ['Quý III, IV/2025', due('2025-12-31')],
    ['Giai đoạn 2023-2025', due('2025-12-31')],
    ['Theo tiến độ Đề án 06 và Quyết định số 422/QĐ-TTg của Thủ tướng Chính phủ', open('per_instruction')],
    ['Trước ngày 20 của tháng cuối quý', every('quarterly', '2025-03-20')],
    ['Trước ngày 16 tháng cuối quý', every('quarterly', '2025-03-16')],
    ['Hàng tuần', every('weekly', '2025-01-05')],
    ['Hàng tháng', every('monthly', '2025-01-31')],
    ['Định kỳ hàng tháng', every('monthly', '2025-01-31')],
    ['Ngày 05 hàng tháng', every('monthly', '2025-01-05')],
    ['Hàng quý', every('quarterly', '2025-03-31')],
    ['Hàng quý (Theo Kế hoạch số 712/KH- UBND ngày 18/11/2020 của UBND tỉnh)', every('quarterly', '2025-03-31')],
    ['Hằng năm', every('yearly', '2025-12-31')],
    ['02 lần/năm', every('half_yearly', '2025-06-30')],
    ['4 lần / năm', every('quarterly', '2025-03-31')],
    ['Định kỳ 06 tháng/ 01 lần', every('half_yearly', '2025-06-30')],
    ['6 tháng một lần', every('half_yearly', '2025-06-30')],
    ['Hàng tháng, quý, năm hoặc đột xuất', every('monthly', '2025-01-31')],
    ['Định kỳ hàng quý, năm hoặc đột xuất', every('quarterly', '2025-03-31')],
    ['03 lần/năm', open('unparsed')],
    ['Định kỳ/đột xuất', open('ongoing')],
    ['Thường xuyên.', open('ongoing')],
    ['Thường xuyên (Trước 01 ngày của hồ sơ đến hạn trả kết quả).', open('ongoing')],
    ['Tập huấn theo kế hoạch chung của Văn phòng Chính phủ và thường xuyên hướng dẫn nghiệp vụ', open('ongoing')],
    ['Ngay sau khi nhận được Quyết định công bố thủ tục hành chính của Chủ tịch UBND tỉnh', open('event')],
    ['Sau khi Chính phủ ban hành Nghị quyết', open('event')],
    ['Trong thời gian 10 ngày kể từ ngày tiếp nhận', open('event')],
    ['Theo lộ trình của Văn phòng Chính phủ', open('per_instruction')],
    ['Thời hạn hoàn thành theo kế hoạch', open('per_instruction')],
    ['Theo kế hoạch hoặc đột xuất theo chỉ đạo', open('per_instruction')],
    // A misplaced cell (seed 002): no time meaning, left for review.
    ['Tham dự Hội nghị, Hội thảo, tọa đàm, …', open('unparsed')],
  ])('%j', (cell, expected) => {
    expect(parseTimeframe(cell, 2025)).toEqual(expected);
  });

  it('a period without its year and no plan year is not understood', () => {
    expect(parseTimeframe('Tháng 6', null).kind).toBe('unparsed');
    expect(parseTimeframe('Tháng 6/2025', null)).toEqual(due('2025-06-30'));
    // A recurrence is still understood; its first occurrence waits for the plan's year.
    expect(parseTimeframe('Hàng quý', null)).toEqual({ kind: 'recurring', dueOn: null, reporting: 'quarterly' });
  });
});

describe('occurrences of a recurring task', () => {
  it.each<[Recurrence, number | null, string]>([
    ['weekly', null, '2025-01-05'], // 1/1/2025 is a Wednesday: its week ends on Sunday 5/1
    ['weekly', null, '2024-01-07'], // 1/1/2024 is a Monday
    ['weekly', null, '2023-01-01'], // 1/1/2023 is a Sunday
    ['monthly', null, '2025-01-31'],
    ['monthly', 5, '2025-01-05'],
    ['quarterly', null, '2025-03-31'],
    ['half_yearly', null, '2025-06-30'],
    ['yearly', null, '2025-12-31'],
  ])('the first %s (day %s) occurrence', (recurrence, day, expected) => {
    const year = Number(expected.slice(0, 4));
    expect(firstDue(recurrence, year, day)).toBe(expected);
  });

  it.each<[Recurrence, string, number, string]>([
    ['monthly', '2025-01-31', 1, '2025-02-28'], // a period's end stays its end
    ['monthly', '2025-02-28', 1, '2025-03-31'],
    ['monthly', '2024-02-29', 1, '2024-03-31'],
    ['monthly', '2025-01-05', 1, '2025-02-05'], // a day of the month stays that day
    ['monthly', '2025-12-05', 1, '2026-01-05'],
    ['monthly', '2025-01-31', -1, '2024-12-31'],
    ['quarterly', '2025-03-31', 1, '2025-06-30'],
    ['quarterly', '2025-06-30', 1, '2025-09-30'],
    ['quarterly', '2025-03-31', -1, '2024-12-31'],
    ['half_yearly', '2025-06-30', 1, '2025-12-31'],
    ['half_yearly', '2025-12-31', 1, '2026-06-30'],
    ['yearly', '2025-12-31', 1, '2026-12-31'],
    ['weekly', '2025-01-05', 1, '2025-01-12'],
    ['weekly', '2025-01-05', -1, '2024-12-29'],
  ])('%s from %s by %i → %s', (recurrence, dueOn, steps, expected) => {
    expect(shiftDue(recurrence, dueOn, steps)).toBe(expected);
  });

  it('the current occurrence: the first on or after a day', () => {
    expect(dueOnOrAfter('quarterly', '2025-03-31', '2025-08-15')).toBe('2025-09-30');
    expect(dueOnOrAfter('quarterly', '2025-03-31', '2025-03-31')).toBe('2025-03-31');
    expect(dueOnOrAfter('monthly', '2025-01-05', '2025-03-06')).toBe('2025-04-05');
  });
});

describe('looksLikeTimeframe (the start of the column in PDF text)', () => {
  it.each<[string, boolean]>([
    ['Tháng 01/2025', true],
    ['Quý III-IV/2025', true],
    ['Thường xuyên', true],
    ['Khi phát hiện vấn đề', true],
    ['Theo quy định của', true],
    ['Năm 2025', true],
    ['Hàng quý', true],
    ['02 lần/năm', true],
    ['Phòng HCTC-', false],
    ['Các Phòng, ban,', false],
    ['Thực hiện các hoạt động', false],
    ['Theo dõi thi hành pháp luật', false],
  ])('%j → %s', (line, expected) => {
    expect(looksLikeTimeframe(line)).toBe(expected);
  });
});
