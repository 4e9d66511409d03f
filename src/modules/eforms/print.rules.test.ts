import { describe, expect, it } from 'vitest';
import { numberInWords } from './computed.rules.js';
import { CT01 } from './library/cu-tru.js';
import { KHAI_SINH } from './library/khai-sinh.js';
import { printedSections, valueText } from './print.rules.js';

describe('numbers in words, as dates are read', () => {
  it.each([
    [1, 'một'],
    [10, 'mười'],
    [15, 'mười lăm'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [31, 'ba mươi mốt'],
    [2004, 'hai nghìn không trăm linh bốn'],
    [2025, 'hai nghìn không trăm hai mươi lăm'],
    [1995, 'một nghìn chín trăm chín mươi lăm'],
    [2000, 'hai nghìn'],
  ])('%i → %s', (n, words) => expect(numberInWords(n)).toBe(words));
});

describe('the printed tờ khai', () => {
  const residence = { provinceCode: '91', communeCode: '30307', detail: 'Số 1 Tôn Đức Thắng' };
  it.each([
    ['a choice by its label', KHAI_SINH.ui.fields.fatherKnown!, 'yes', 'Có'],
    [
      'an address spelled out',
      KHAI_SINH.ui.fields.motherResidence!,
      residence,
      'Số 1 Tôn Đức Thắng, Phường Long Xuyên, An Giang',
    ],
    ['an unticked box as no', KHAI_SINH.ui.fields.copiesRequested!, undefined, 'Không'],
    ['a year as typed', KHAI_SINH.ui.fields.motherBirthYear!, 1997, '1997'],
    ['nothing as blank', KHAI_SINH.ui.fields.childHometown!, undefined, ''],
  ])('prints %s', (_name, ui, value, text) => expect(valueText(ui, value)).toBe(text));

  it('leaves out hidden sections, keeps the legal order, prints a group as a table', () => {
    const sections = printedSections(CT01, {
      fullName: 'Nguyễn Văn An',
      members: [
        {
          fullName: 'Nguyễn Thị B',
          birthDate: '01/01/2015',
          gender: 'Nữ',
          personalId: '089315000001',
          relationship: 'Con',
        },
      ],
    });
    expect(sections.map((s) => s.title)).toEqual([
      'Người kê khai',
      'Chủ hộ',
      'Nội dung đề nghị',
      '11. Những thành viên trong hộ gia đình cùng thay đổi',
    ]);
    expect(sections[3]!.table).toEqual({
      columns: [
        'STT',
        'Họ, chữ đệm và tên',
        'Ngày, tháng, năm sinh',
        'Giới tính',
        'Số định danh cá nhân',
        'Mối quan hệ với chủ hộ',
      ],
      rows: [['1', 'Nguyễn Thị B', '01/01/2015', 'Nữ', '089315000001', 'Con']],
    });
    const father = printedSections(KHAI_SINH, { fatherKnown: 'no' }).map((s) => s.title);
    expect(father).not.toContain('Thông tin người cha');
  });

  it('as a blank form: every section, conditional ones too, every value a blank, three rows per table', () => {
    const filled = printedSections(CT01, { fullName: 'Nguyễn Văn An' });
    const blank = printedSections(CT01, {}, true);
    expect(blank.length).toBeGreaterThanOrEqual(filled.length);
    expect(blank.map((s) => s.title)).toEqual(
      CT01.ui.sections.map((s) => s.title.vi).filter((t) => blank.some((b) => b.title === t)),
    );
    expect(blank.flatMap((s) => s.lines.map((l) => l.value)).every((v) => v === '')).toBe(true);
    const table = blank.find((s) => s.table)!.table!;
    expect(table.rows).toHaveLength(3);
    expect(table.rows.every((r) => r.slice(1).every((cell) => cell === ''))).toBe(true);
    const birth = printedSections(KHAI_SINH, {}, true).map((s) => s.title);
    const shownWhenEmpty = printedSections(KHAI_SINH, {}).map((s) => s.title);
    expect(birth.length).toBeGreaterThan(shownWhenEmpty.length);
  });
});
