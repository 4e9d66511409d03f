/**
 * Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (cá nhân) — Mẫu số 01/2025/LLTP of the Ministry of
 * Justice (the form the demo catalog's procedure 3.000333 cites; its interactive electronic twin is
 * Mẫu số 04/2025/LLTP), replacing Mẫu số 03/2013/TT-LLTP of Thông tư 16/2013/TT-BTP, under the Law
 * on Judicial Records 2009. Items as in the 2013 form, whose content the 2025 form keeps; the residence history since age 14 (quá trình cư trú) is a
 * repeatable group; the "bans from office" part applies only to a request for Phiếu số 1.
 */
import {
  address,
  choice,
  commitment,
  date,
  defineForm,
  group,
  number,
  personalId,
  phone,
  section,
  text,
  textarea,
} from './builders.js';
import { ethnicity, gender, nationality } from './common-fields.js';

export const LLTP = defineForm(
  {
    key: 'ly-lich-tu-phap',
    procedureCodes: ['3.000333'],
    title: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp',
    legalSource: 'Mẫu số 01/2025/LLTP (Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp dành cho cá nhân) của Bộ Tư pháp',
    addressee: false,
    commitment: 'Tôi xin cam đoan những lời khai trên là đúng sự thật và chịu trách nhiệm về lời khai của mình.',
    signer: 'Người khai',
  },
  [
    section('person', ['Người yêu cầu cấp Phiếu', 'Requester'], {
      fullName: text(['1. Họ và tên', '1. Full name'], { prefill: [{ fact: 'applicant.fullName' }] }),
      otherName: text(['2. Tên gọi khác (nếu có)', '2. Other names (if any)'], { required: false }),
      gender: gender(),
      birthDate: date(['4. Ngày, tháng, năm sinh', '4. Date of birth'], { prefill: [{ fact: 'applicant.birthDate' }] }),
      birthPlace: text(['5. Nơi sinh', '5. Place of birth'], { max: 300 }),
      nationality: nationality({ prefill: [{ fact: 'applicant.nationality' }] }),
      ethnicity: ethnicity('7. Dân tộc'),
      permanentResidence: address(['8. Nơi thường trú', '8. Permanent residence'], {
        prefill: [{ fact: 'applicant.residence' }],
      }),
      temporaryResidence: text(['9. Nơi tạm trú', '9. Temporary residence'], { max: 300, required: false }),
      personalId: personalId(['10. Số định danh cá nhân', '10. Personal identification number'], {
        prefill: [{ fact: 'applicant.personalId' }],
      }),
      fatherName: text(['11. Họ và tên cha', '11. Father’s name'], { remember: true }),
      motherName: text(['12. Họ và tên mẹ', '12. Mother’s name'], { remember: true }),
      spouseName: text(['13. Họ và tên vợ/chồng', '13. Spouse’s name'], { required: false, remember: true }),
      phone: phone(['14. Số điện thoại', '14. Phone'], { prefill: [{ fact: 'applicant.phone' }] }),
    }),
    section('history', ['Quá trình cư trú (từ đủ 14 tuổi)', 'Residence history (from age 14)'], {
      residenceHistory: group(
        ['Quá trình cư trú', 'Residence history'],
        {
          from: date(['Từ ngày', 'From']),
          to: date(['Đến ngày', 'To'], { required: false }),
          place: text(['Nơi cư trú', 'Place of residence'], { max: 300 }),
          occupation: text(['Nghề nghiệp, nơi làm việc', 'Occupation, workplace'], { max: 300 }),
        },
        { min: 1, max: 30, remember: true },
      ),
    }),
    section('record', ['Tình trạng án tích và yêu cầu', 'Criminal record and request'], {
      convictions: textarea(['Tình trạng án tích (nếu có)', 'Convictions (if any)'], { max: 2000, required: false }),
      certificateKind: choice(
        ['Yêu cầu cấp Phiếu lý lịch tư pháp', 'Certificate requested'],
        [
          ['1', 'Phiếu số 1', 'Certificate no. 1'],
          ['2', 'Phiếu số 2', 'Certificate no. 2'],
        ],
      ),
      copyCount: number(['Số lượng Phiếu yêu cầu cấp', 'Number of certificates'], { min: 1, max: 10 }),
      purpose: text(['Mục đích sử dụng Phiếu', 'Purpose'], { max: 300 }),
    }),
    section(
      'bans',
      [
        'Thông tin về cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp (Phiếu số 1)',
        'Bans from office (certificate no. 1)',
      ],
      {
        bansRequested: choice(
          ['Yêu cầu xác nhận thông tin về cấm đảm nhiệm chức vụ', 'Include bans from office'],
          [
            ['yes', 'Có', 'Yes'],
            ['no', 'Không', 'No'],
          ],
        ),
      },
      { field: 'certificateKind', equals: '1' },
    ),
    section('commitment', ['Lời cam đoan', 'Commitment'], {
      commitment: commitment(['Tôi cam đoan những lời khai trên là đúng sự thật', 'I declare the above is true']),
    }),
  ],
);
