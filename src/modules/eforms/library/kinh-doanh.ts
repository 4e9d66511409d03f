/**
 * Household business registration (đăng ký hộ kinh doanh) under Decree 168/2025/NĐ-CP (from
 * 01/7/2025; household businesses registered with the commune), forms of Thông tư 68/2025/TT-BTC:
 * "Giấy đề nghị đăng ký hộ kinh doanh" and "Giấy đề nghị đăng ký thay đổi nội dung đăng ký hộ
 * kinh doanh".
 * Business lines are a repeatable group (tên ngành, mã ngành cấp 4 of the Vietnam Standard
 * Industrial Classification, Decision 36/2025/QĐ-TTg).
 */
import {
  address,
  choice,
  commitment,
  date,
  defineForm,
  email,
  group,
  industryCode,
  number,
  personalId,
  phone,
  section,
  taxCode,
  text,
} from './builders.js';
import { ethnicity, gender, nationality } from './common-fields.js';

const owner = () => ({
  ownerFullName: text(['Họ, chữ đệm và tên chủ hộ kinh doanh', 'Owner’s full name'], {
    prefill: [{ fact: 'applicant.fullName' }],
  }),
  ownerBirthDate: date(['Ngày, tháng, năm sinh', 'Date of birth'], { prefill: [{ fact: 'applicant.birthDate' }] }),
  ownerGender: gender(),
  ownerEthnicity: ethnicity(),
  ownerNationality: nationality({ prefill: [{ fact: 'applicant.nationality' }] }),
  ownerPersonalId: personalId(['Số định danh cá nhân', 'Personal identification number'], {
    prefill: [{ fact: 'applicant.personalId' }],
  }),
  ownerResidence: address(['Địa chỉ thường trú', 'Permanent residence'], {
    prefill: [{ fact: 'applicant.residence' }],
  }),
  ownerPhone: phone(['Điện thoại', 'Phone'], { prefill: [{ fact: 'applicant.phone' }] }),
});

const COMMIT =
  'Tôi cam kết chịu trách nhiệm hoàn toàn trước pháp luật về tính hợp pháp, chính xác và trung thực của nội dung đề nghị này.';

export const HO_KINH_DOANH = defineForm(
  {
    key: 'dang-ky-ho-kinh-doanh',
    procedureCodes: ['1.001612'],
    title: 'Giấy đề nghị đăng ký hộ kinh doanh',
    legalSource:
      'Mẫu Giấy đề nghị đăng ký hộ kinh doanh ban hành kèm Thông tư 68/2025/TT-BTC của Bộ Tài chính (Nghị định 168/2025/NĐ-CP)',
    addressee: true,
    commitment: COMMIT,
    signer: 'Chủ hộ kinh doanh',
  },
  [
    section('business', ['Thông tin hộ kinh doanh', 'The household business'], {
      businessName: text(['1. Tên hộ kinh doanh', '1. Business name'], { max: 200 }),
      businessAddress: address(['2. Địa chỉ trụ sở hộ kinh doanh', '2. Business address']),
      businessPhone: phone(['Điện thoại', 'Phone'], { required: false }),
      businessEmail: email(['Thư điện tử', 'E-mail'], { required: false }),
      lines: group(
        ['3. Ngành, nghề kinh doanh', '3. Business lines'],
        {
          name: text(['Tên ngành', 'Line'], { max: 300 }),
          code: industryCode(['Mã ngành (cấp 4)', 'Code (level 4)']),
        },
        { min: 1, max: 50 },
      ),
      capitalVnd: number(['4. Vốn kinh doanh (đồng)', '4. Capital (VND)'], { min: 0 }),
      workers: number(['5. Số lượng lao động (dự kiến)', '5. Workers (planned)'], { min: 0, max: 100000 }),
    }),
    section('owner', ['6. Chủ hộ kinh doanh', '6. Owner'], owner()),
    section('commitment', ['Cam kết', 'Commitment'], {
      commitment: commitment(['Tôi cam kết nội dung đề nghị là trung thực', 'I commit the above is true']),
    }),
  ],
);

/** The change request; a change of the business address (chuyển địa điểm kinh doanh) asks the new address. */
export const THAY_DOI_HO_KINH_DOANH = defineForm(
  {
    key: 'thay-doi-ho-kinh-doanh',
    procedureCodes: ['2.000720'],
    title: 'Giấy đề nghị đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
    legalSource:
      'Mẫu Giấy đề nghị đăng ký thay đổi nội dung đăng ký hộ kinh doanh ban hành kèm Thông tư 68/2025/TT-BTC của Bộ Tài chính (Nghị định 168/2025/NĐ-CP)',
    addressee: true,
    commitment: COMMIT,
    signer: 'Chủ hộ kinh doanh',
  },
  [
    section('business', ['Hộ kinh doanh', 'The household business'], {
      businessName: text(['Tên hộ kinh doanh', 'Business name'], { max: 200, remember: true }),
      businessCode: taxCode(['Mã số hộ kinh doanh/Mã số thuế', 'Business code / tax code'], { remember: true }),
      changeKind: choice(
        ['Nội dung thay đổi', 'What changes'],
        [
          ['dia-chi', 'Địa chỉ trụ sở (chuyển địa điểm kinh doanh)', 'Business address (relocation)'],
          ['nganh-nghe', 'Ngành, nghề kinh doanh', 'Business lines'],
          ['von', 'Vốn kinh doanh', 'Capital'],
          ['chu-ho', 'Chủ hộ kinh doanh', 'Owner'],
        ],
      ),
    }),
    section(
      'address',
      ['Địa chỉ trụ sở mới', 'New business address'],
      {
        newAddress: address(['Địa chỉ trụ sở dự kiến chuyển đến', 'New address']),
        movingOn: date(['Ngày dự kiến chuyển', 'Moving on'], { required: false }),
      },
      { field: 'changeKind', equals: 'dia-chi' },
    ),
    section(
      'lines',
      ['Ngành, nghề sau khi thay đổi', 'Business lines after the change'],
      {
        newLines: group(['Ngành, nghề', 'Lines'], {
          name: text(['Tên ngành', 'Line'], { max: 300 }),
          code: industryCode(['Mã ngành (cấp 4)', 'Code (level 4)']),
        }),
      },
      { field: 'changeKind', equals: 'nganh-nghe' },
    ),
    section(
      'capital',
      ['Vốn kinh doanh sau khi thay đổi', 'Capital after the change'],
      { newCapitalVnd: number(['Vốn kinh doanh (đồng)', 'Capital (VND)'], { min: 0 }) },
      { field: 'changeKind', equals: 'von' },
    ),
    section(
      'newOwner',
      ['Chủ hộ kinh doanh mới', 'New owner'],
      {
        newOwnerName: text(['Họ, chữ đệm và tên', 'Full name']),
        newOwnerPersonalId: personalId(['Số định danh cá nhân', 'Personal identification number']),
      },
      { field: 'changeKind', equals: 'chu-ho' },
    ),
    section('owner', ['Người đề nghị (chủ hộ kinh doanh)', 'Requester (owner)'], owner()),
    section('commitment', ['Cam kết', 'Commitment'], {
      commitment: commitment(['Tôi cam kết nội dung đề nghị là trung thực', 'I commit the above is true']),
    }),
  ],
);
