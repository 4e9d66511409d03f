/**
 * Tờ khai đăng ký khai sinh — the form of Circular 04/2020/TT-BTP (Phụ lục: "Tờ khai đăng ký khai
 * sinh"), as replaced by Circular 04/2024/TT-BTP (amending 04/2020, effective 15/7/2024), which
 * asks the requester's personal identification number instead of an identity paper. Fields and
 * order as printed: Kính gửi (1); người yêu cầu (họ tên, nơi cư trú (2), giấy tờ / số định danh
 * (3), quan hệ); người được khai sinh (họ tên, ngày sinh và bằng chữ, giới tính, dân tộc, quốc
 * tịch, nơi sinh (4), quê quán); mẹ and cha (họ tên, năm sinh (5), dân tộc, quốc tịch, nơi cư
 * trú); lời cam đoan; đề nghị cấp bản sao. Used by procedure 1.001193 and the inter-linked
 * procedure 2.000986 (Decree 63/2024/NĐ-CP: khai sinh – thường trú – thẻ BHYT).
 */
import { checkbox, choice, commitment, computed, date, defineForm, number, section, text } from './builders.js';
import { ethnicity, gender, nationality, parent, requester, YES_NO } from './common-fields.js';

export const KHAI_SINH = defineForm(
  {
    key: 'khai-sinh',
    procedureCodes: ['1.001193', '2.000986'],
    title: 'Tờ khai đăng ký khai sinh',
    legalSource:
      'Mẫu Tờ khai đăng ký khai sinh ban hành kèm Thông tư 04/2020/TT-BTP, được thay thế theo Thông tư 04/2024/TT-BTP của Bộ Tư pháp',
    addressee: true,
    commitment:
      'Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, được sự thỏa thuận nhất trí của các bên liên quan theo quy định pháp luật. Tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.',
    signer: 'Người yêu cầu',
  },
  [
    section('requester', ['Người yêu cầu', 'Requester'], {
      ...requester(),
      relationship: choice(
        ['Quan hệ với người được khai sinh', 'Relationship to the child'],
        [
          ['Cha', 'Cha', 'Father'],
          ['Mẹ', 'Mẹ', 'Mother'],
          ['Ông', 'Ông', 'Grandfather'],
          ['Bà', 'Bà', 'Grandmother'],
          ['Người thân thích khác', 'Người thân thích khác', 'Other relative'],
          ['Người nuôi dưỡng', 'Cá nhân, tổ chức đang nuôi dưỡng', 'Caregiver'],
        ],
      ),
    }),
    section('child', ['Người được khai sinh', 'The child'], {
      childFullName: text(['Họ, chữ đệm, tên', 'Full name'], { max: 100 }),
      childBirthDate: date(['Ngày, tháng, năm sinh', 'Date of birth']),
      childBirthDateInWords: computed(['Ghi bằng chữ', 'In words'], { kind: 'dateInWords', from: 'childBirthDate' }),
      childGender: gender(),
      childEthnicity: ethnicity(),
      childNationality: nationality(),
      childBirthPlace: text(['Nơi sinh', 'Place of birth'], {
        max: 300,
        note: '(4)',
        help: [
          'Tên cơ sở y tế và địa danh hành chính nơi sinh, theo Giấy chứng sinh',
          'Health facility and place, as on the birth certificate from the facility',
        ],
        attachment: 'Giấy chứng sinh',
      }),
      childHometown: text(['Quê quán', 'Hometown'], { max: 300 }),
    }),
    section('mother', ['Mẹ', 'Mother'], parent('mother', 'female')),
    section('fatherStatus', ['Cha', 'Father'], {
      fatherKnown: choice(['Đã xác định được cha', 'Father is known'], YES_NO),
    }),
    section('father', ['Thông tin người cha', 'Father’s details'], parent('father', 'male'), {
      field: 'fatherKnown',
      equals: 'yes',
    }),
    section('copies', ['Đề nghị cấp bản sao', 'Certified copies'], {
      copiesRequested: checkbox(['Đề nghị cấp bản sao', 'Request certified copies']),
    }),
    section(
      'copyCount',
      ['Số lượng bản sao', 'Number of copies'],
      { copyCount: number(['Số lượng (bản)', 'Number of copies'], { min: 1, max: 20 }) },
      { field: 'copiesRequested', equals: true },
    ),
    section('commitment', ['Lời cam đoan', 'Commitment'], {
      commitment: commitment(['Tôi cam đoan nội dung khai trên là đúng sự thật', 'I declare the above is true']),
    }),
  ],
);
