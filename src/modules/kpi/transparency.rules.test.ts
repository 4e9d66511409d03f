import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar, workingDaysBetweenDates } from '../calendar/calendar.rules.js';
import type { ProcedureContent } from '../catalog/procedure.content.js';
import { missingParts, transparencyMembership } from './transparency.rules.js';

// Plain Monday–Friday weeks, no holidays: easy to count by hand.
const cal = buildWorkingCalendar(
  [
    { start: 450, end: 690 },
    { start: 810, end: 1020 },
  ],
  [],
);
const between = (a: string, b: string) => workingDaysBetweenDates(cal, a, b);

const content: ProcedureContent = {
  name: 'Cấp bản sao trích lục hộ tịch',
  fieldCode: 'ho-tich',
  levels: ['province'],
  channels: [{ channel: 'counter', timeLimit: { value: 1, unit: 'workingDays' }, fees: [], onlinePayment: false }],
  steps: ['Nộp hồ sơ', 'Trả kết quả'],
  components: [{ name: 'Tờ khai', kind: 'original', count: 1, digitizationRequired: true, mandatory: true }],
  applicantTypes: ['citizen'],
  conditions: '',
  result: { name: 'Bản sao trích lục', electronic: true, paper: true },
  legalBasis: ['Luật Hộ tịch 2014'],
  onlineLevel: 'full',
  postal: false,
  locationIndependent: true,
  interAgency: false,
  competentUnitIds: ['00000000-0000-4000-8000-000000000001'],
};

// Signed Monday 2026-03-02. +5 working days = Monday 2026-03-09.
const signed = '2026-03-02';
const today = '2026-03-31';

describe('transparency membership of a decision item', () => {
  it.each([
    ['legal basis 5 working days later: on time', { legalBasisEffectiveDate: '2026-03-09' }, 'numerator'],
    ['legal basis 4 working days later: late', { legalBasisEffectiveDate: '2026-03-06' }, 'denominator'],
    ['legal basis unknown: not judged', { legalBasisEffectiveDate: null }, null],
  ] as const)('published on time — %s', (_n, dates, expected) => {
    const m = transparencyMembership(
      { signedDate: signed, nationalPublishedDate: null, content, ...dates },
      between,
      today,
    );
    expect(m['transparency.publishedOnTime']).toBe(expected);
  });

  it.each([
    ['published within 5 working days', '2026-03-09', today, 'numerator'],
    ['published on the 6th working day', '2026-03-10', today, 'denominator'],
    ['not published, 5 working days not yet over: pending', null, '2026-03-09', null],
    ['not published, 6 working days over: late', null, '2026-03-10', 'denominator'],
  ] as const)('updated on time — %s', (_n, published, now, expected) => {
    const m = transparencyMembership(
      { signedDate: signed, legalBasisEffectiveDate: null, nationalPublishedDate: published, content },
      between,
      now,
    );
    expect(m['transparency.updatedOnTime']).toBe(expected);
  });

  it('complete parts: a full version counts; a missing part does not; an abolition is not judged', () => {
    const base = { signedDate: signed, legalBasisEffectiveDate: null, nationalPublishedDate: null };
    expect(transparencyMembership({ ...base, content }, between, today)['transparency.completeParts']).toBe(
      'numerator',
    );
    expect(
      transparencyMembership({ ...base, content: { ...content, steps: [] } }, between, today)[
        'transparency.completeParts'
      ],
    ).toBe('denominator');
    expect(transparencyMembership({ ...base, content: null }, between, today)['transparency.completeParts']).toBeNull();
  });

  it('names the missing parts', () => {
    expect(missingParts(content)).toEqual([]);
    expect(missingParts({ ...content, steps: [], components: [], applicantTypes: [] })).toEqual([
      'trình tự thực hiện',
      'thành phần hồ sơ',
      'đối tượng thực hiện',
    ]);
  });
});
