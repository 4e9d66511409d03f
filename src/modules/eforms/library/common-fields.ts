/** Fields many tờ khai share (the requester, a parent, a nationality), with their prefill rules. */
import type { Fact, PrefillRule } from '../eform.types.js';
import { address, choice, personalId, text, year } from './builders.js';

const from = (fact: Fact, when?: PrefillRule['when']): PrefillRule[] => [when ? { fact, when } : { fact }];

/** Người yêu cầu: name, residence, personal identifier — all from the population database. */
export const requester = (prefix = 'requester') => ({
  [`${prefix}FullName`]: text(['Họ, chữ đệm, tên người yêu cầu', 'Requester’s full name'], {
    prefill: from('applicant.fullName'),
  }),
  [`${prefix}Residence`]: address(['Nơi cư trú', 'Place of residence'], {
    prefill: from('applicant.residence'),
    help: ['Ghi theo nơi thường trú hoặc tạm trú', 'Permanent or temporary residence'],
  }),
  [`${prefix}PersonalId`]: personalId(['Số định danh cá nhân', 'Personal identification number'], {
    prefill: from('applicant.personalId'),
  }),
});

export const ethnicity = (label = 'Dân tộc', o: { required?: boolean } = {}) =>
  text([label, 'Ethnicity'], { max: 50, ...o });

export const nationality = (o: { prefill?: PrefillRule[]; required?: boolean } = {}) =>
  text(['Quốc tịch', 'Nationality'], { max: 60, ...o });

/**
 * A parent's block of the civil-status forms (họ tên, năm sinh, dân tộc, quốc tịch, nơi cư trú),
 * prefilled from the requester's own record when the requester is that parent's sex.
 */
export function parent(prefix: 'mother' | 'father', sex: 'female' | 'male') {
  const mine = { fact: 'applicant.gender' as const, equals: sex };
  const who = prefix === 'mother' ? ['người mẹ', 'Mother'] : ['người cha', 'Father'];
  return {
    [`${prefix}FullName`]: text([`Họ, chữ đệm, tên ${who[0]}`, `${who[1]}’s full name`], {
      prefill: from('applicant.fullName', mine),
    }),
    [`${prefix}BirthYear`]: year(['Năm sinh', 'Year of birth'], { prefill: from('applicant.birthYear', mine) }),
    [`${prefix}Ethnicity`]: ethnicity(),
    [`${prefix}Nationality`]: nationality({ prefill: from('applicant.nationality', mine) }),
    [`${prefix}Residence`]: address(['Nơi cư trú', 'Place of residence'], {
      prefill: from('applicant.residence', mine),
    }),
  };
}

export const GENDERS: [string, string, string][] = [
  ['Nam', 'Nam', 'Male'],
  ['Nữ', 'Nữ', 'Female'],
];

export const gender = () => choice(['Giới tính', 'Sex'], GENDERS);

export const YES_NO: [string, string, string][] = [
  ['yes', 'Có', 'Yes'],
  ['no', 'Không', 'No'],
];

export { personalId };
