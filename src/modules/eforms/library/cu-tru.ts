/**
 * Mẫu CT01 — Tờ khai thay đổi thông tin cư trú, ban hành kèm Thông tư 53/2025/TT-BCA (the residence
 * forms under the Law on Residence 2020, replacing those of Thông tư 56/2021 and 66/2023/TT-BCA;
 * the circular the demo catalog's procedures cite). One form serves
 * every residence procedure of the demo catalog: permanent and temporary registration, their
 * removal, and the extension of a temporary residence. Items 1–11 in the printed order; item 11
 * (household members changing with the declarant) is a repeatable group.
 */
import {
  address,
  choice,
  commitment,
  date,
  defineForm,
  email,
  group,
  personalId,
  phone,
  section,
  text,
  textarea,
} from './builders.js';
import { gender } from './common-fields.js';

export const CT01 = defineForm(
  {
    key: 'ct01-cu-tru',
    procedureCodes: ['1.004222', '1.004194', '1.003197', '1.002755', '1.010028'],
    title: 'Tờ khai thay đổi thông tin cư trú',
    legalSource: 'Mẫu CT01 ban hành kèm Thông tư 53/2025/TT-BCA của Bộ Công an',
    addressee: true,
    commitment: 'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật.',
    signer: 'Người kê khai',
  },
  [
    section('declarant', ['Người kê khai', 'Declarant'], {
      fullName: text(['1. Họ, chữ đệm và tên', '1. Full name'], { prefill: [{ fact: 'applicant.fullName' }] }),
      birthDate: date(['2. Ngày, tháng, năm sinh', '2. Date of birth'], { prefill: [{ fact: 'applicant.birthDate' }] }),
      gender: gender(),
      personalId: personalId(['4. Số định danh cá nhân', '4. Personal identification number'], {
        prefill: [{ fact: 'applicant.personalId' }],
      }),
      phone: phone(['5. Số điện thoại liên hệ', '5. Phone'], {
        prefill: [{ fact: 'applicant.phone' }],
        remember: true,
      }),
      email: email(['6. Email', '6. E-mail'], {
        required: false,
        prefill: [{ fact: 'applicant.email' }],
        remember: true,
      }),
    }),
    section('household', ['Chủ hộ', 'Head of household'], {
      headFullName: text(['7. Họ, chữ đệm và tên chủ hộ', '7. Head of household'], { remember: true }),
      headRelationship: text(['8. Mối quan hệ với chủ hộ', '8. Relationship to the head'], { max: 50, remember: true }),
      headPersonalId: personalId(['9. Số định danh cá nhân của chủ hộ', '9. Head’s personal identification number'], {
        remember: true,
      }),
    }),
    section('request', ['Nội dung đề nghị', 'Request'], {
      requestKind: choice(
        ['Loại việc', 'Kind'],
        [
          ['thuong-tru', 'Đăng ký thường trú', 'Permanent residence'],
          ['tam-tru', 'Đăng ký tạm trú', 'Temporary residence'],
          ['gia-han-tam-tru', 'Gia hạn tạm trú', 'Extend temporary residence'],
          ['xoa-thuong-tru', 'Xóa đăng ký thường trú', 'Remove permanent residence'],
          ['xoa-tam-tru', 'Xóa đăng ký tạm trú', 'Remove temporary residence'],
        ],
      ),
      newResidence: address(['Địa chỉ nơi cư trú đề nghị', 'Residence concerned'], {
        prefill: [{ fact: 'applicant.residence' }],
      }),
      requestText: textarea(['10. Nội dung đề nghị', '10. Request'], { max: 2000 }),
    }),
    section(
      'members',
      ['11. Những thành viên trong hộ gia đình cùng thay đổi', '11. Household members also changing'],
      {
        members: group(
          ['Thành viên', 'Members'],
          {
            fullName: text(['Họ, chữ đệm và tên', 'Full name']),
            birthDate: date(['Ngày, tháng, năm sinh', 'Date of birth']),
            gender: gender(),
            personalId: personalId(['Số định danh cá nhân', 'Personal identification number']),
            relationship: text(['Mối quan hệ với chủ hộ', 'Relationship to the head'], { max: 50 }),
          },
          { required: false, max: 30 },
        ),
      },
    ),
    section('commitment', ['Lời cam đoan', 'Commitment'], {
      commitment: commitment(['Tôi cam đoan nội dung khai trên là đúng sự thật', 'I declare the above is true']),
    }),
  ],
);
