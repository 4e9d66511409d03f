import { describe, expect, it } from 'vitest';
import { KHAI_SINH } from './library/khai-sinh.js';
import { withComputed } from './computed.rules.js';
import { fieldCounts, flatFields, prefilledShare, shownValues } from './fields.rules.js';
import { populationFacts, prefillValues, sourcesOf, tamperedFields } from './prefill.rules.js';
import { validateValues } from './server-validator.js';
import { DEMO_CITIZENS } from '../national-data/demo-citizens.js';

const residence = { provinceCode: '91', communeCode: '30307', detail: 'Số 1 Tôn Đức Thắng' };
const valid = {
  requesterFullName: 'Nguyễn Văn An',
  requesterResidence: residence,
  requesterPersonalId: '089095000123',
  relationship: 'Cha',
  childFullName: 'Nguyễn Minh Khôi',
  childBirthDate: '05/09/2025',
  childGender: 'Nam',
  childEthnicity: 'Kinh',
  childNationality: 'Việt Nam',
  childBirthPlace: 'Bệnh viện Đa khoa tỉnh An Giang',
  childHometown: 'An Giang',
  motherFullName: 'Trần Thị Bình',
  motherBirthYear: 1996,
  motherEthnicity: 'Kinh',
  motherNationality: 'Việt Nam',
  motherResidence: residence,
  fatherKnown: 'yes',
  fatherFullName: 'Nguyễn Văn An',
  fatherBirthYear: 1995,
  fatherEthnicity: 'Kinh',
  fatherNationality: 'Việt Nam',
  fatherResidence: residence,
  commitment: true,
};
const without = (key: string) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));

describe('Tờ khai đăng ký khai sinh (Circular 04/2020/TT-BTP as replaced by 04/2024/TT-BTP)', () => {
  const cases: { name: string; values: unknown; paths: string[] }[] = [
    { name: 'a complete form', values: valid, paths: [] },
    { name: 'no child name', values: without('childFullName'), paths: ['childFullName'] },
    { name: 'impossible date', values: { ...valid, childBirthDate: '31/02/2025' }, paths: ['childBirthDate'] },
    {
      name: 'ISO date instead of dd/mm/yyyy',
      values: { ...valid, childBirthDate: '2025-09-05' },
      paths: ['childBirthDate'],
    },
    { name: '9-digit CMND', values: { ...valid, requesterPersonalId: '089095000' }, paths: ['requesterPersonalId'] },
    { name: 'unknown sex', values: { ...valid, childGender: 'X' }, paths: ['childGender'] },
    {
      name: 'commune of another province',
      values: { ...valid, motherResidence: { ...residence, provinceCode: '01' } },
      paths: ['motherResidence'],
    },
    { name: 'commitment not ticked', values: { ...valid, commitment: false }, paths: ['commitment'] },
    {
      name: 'father known but no father name',
      values: without('fatherFullName'),
      paths: ['fatherFullName'],
    },
    {
      name: 'father not known: no father section needed',
      values: {
        ...Object.fromEntries(Object.entries(valid).filter(([k]) => !k.startsWith('father'))),
        fatherKnown: 'no',
      },
      paths: [],
    },
    { name: 'copies asked without a count', values: { ...valid, copiesRequested: true }, paths: ['copyCount'] },
    { name: 'a field not on the form', values: { ...valid, extra: 'x' }, paths: ['extra'] },
    {
      name: 'two fields missing, both named',
      values: { ...without('childHometown'), childEthnicity: '' },
      paths: ['childEthnicity', 'childHometown'],
    },
  ];
  it.each(cases)('$name', ({ values, paths }) => {
    const errors = validateValues(KHAI_SINH, values);
    expect(errors.map((e) => e.path).sort()).toEqual(paths);
    for (const e of errors) expect(e.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  });

  it('computes the date in words and ignores a value sent for it', () => {
    const out = withComputed(KHAI_SINH, { ...valid, childBirthDateInWords: 'giả' });
    expect(out.childBirthDateInWords).toBe('Ngày năm tháng chín năm hai nghìn không trăm hai mươi lăm');
    expect(withComputed(KHAI_SINH, { childBirthDate: '21/11/2004' }).childBirthDateInWords).toBe(
      'Ngày hai mươi mốt tháng mười một năm hai nghìn không trăm linh bốn',
    );
  });

  it('prefills at least a fifth of the fields for a father from the population database', () => {
    const an = DEMO_CITIZENS[0]!;
    const prefill = prefillValues(KHAI_SINH, populationFacts(an), null);
    expect(prefill.requesterResidence?.value).toEqual({
      provinceCode: '91',
      communeCode: '30307',
      detail: an.noiThuongTru.chiTiet,
    });
    expect(prefill.fatherFullName).toEqual({ value: 'Nguyễn Văn An', source: 'population' });
    expect(prefill.motherFullName).toBeUndefined();
    const sourced = sourcesOf(
      KHAI_SINH,
      {
        ...valid,
        requesterResidence: prefill.requesterResidence!.value,
        fatherResidence: prefill.requesterResidence!.value,
      },
      prefill,
    );
    const counts = fieldCounts(KHAI_SINH, sourced);
    expect(counts.prefilled).toBe(7);
    expect(prefilledShare(counts)).toBeGreaterThanOrEqual(0.2);
    expect(counts.total).toBe(flatFields(KHAI_SINH).filter((f) => f.type !== 'computed').length);
  });

  it('refuses a locked population value edited, but lets a presumed one be changed (flagged typed)', () => {
    const prefill = prefillValues(KHAI_SINH, populationFacts(DEMO_CITIZENS[0]!), null);
    const base = { ...valid, requesterResidence: prefill.requesterResidence!.value };
    expect(tamperedFields(KHAI_SINH, base, prefill)).toEqual([]);
    expect(
      tamperedFields(KHAI_SINH, { ...base, requesterFullName: 'Nguyễn Văn Ân' }, prefill).map((e) => e.path),
    ).toEqual(['requesterFullName']);
    const edited = sourcesOf(KHAI_SINH, { ...base, fatherFullName: 'Lê Văn Cường' }, prefill);
    expect(edited.fatherFullName?.source).toBe('typed');
    expect(tamperedFields(KHAI_SINH, { ...base, fatherFullName: 'Lê Văn Cường' }, prefill)).toEqual([]);
  });

  it('drops the values of hidden sections', () => {
    expect(shownValues(KHAI_SINH, { ...valid, fatherKnown: 'no' }).fatherFullName).toBeUndefined();
    expect(shownValues(KHAI_SINH, valid).fatherFullName).toBe('Nguyễn Văn An');
  });
});
