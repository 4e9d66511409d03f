import { describe, expect, it } from 'vitest';
import { looksLikeTimeframe, parseTimeframe, type Schedule } from './timeframe.rules.js';

const due = (dueOn: string): Schedule => ({ kind: 'due', dueOn, reporting: null });
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
  ])('%j', (cell, expected) => {
    expect(parseTimeframe(cell, 2025)).toEqual(expected);
  });

  it('a period without its year and no plan year is not understood', () => {
    expect(parseTimeframe('Tháng 6', null).kind).toBe('unparsed');
    expect(parseTimeframe('Tháng 6/2025', null)).toEqual(due('2025-06-30'));
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
    ['Phòng HCTC-', false],
    ['Các Phòng, ban,', false],
    ['Thực hiện các hoạt động', false],
    ['Theo dõi thi hành pháp luật', false],
  ])('%j → %s', (line, expected) => {
    expect(looksLikeTimeframe(line)).toBe(expected);
  });
});
