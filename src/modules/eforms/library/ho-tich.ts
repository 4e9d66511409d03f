/**
 * Civil-status tờ khai (hộ tịch) other than birth registration: the forms of Circular
 * 04/2020/TT-BTP (Phụ lục, mẫu tờ khai), as replaced by Circular 04/2024/TT-BTP (requester and
 * parties identified by số định danh cá nhân). Fields and order as printed in each form.
 */
import {
  checkbox,
  choice,
  commitment,
  date,
  defineForm,
  number,
  personalId,
  section,
  text,
  textarea,
} from './builders.js';
import { ethnicity, gender, nationality, requester } from './common-fields.js';
import { address } from './builders.js';

const SOURCE_2024 = 'ban hành kèm Thông tư 04/2020/TT-BTP, được thay thế theo Thông tư 04/2024/TT-BTP của Bộ Tư pháp';
const COMMIT =
  'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.';
const commitField = () => ({
  commitment: commitment(['Tôi cam đoan nội dung khai trên là đúng sự thật', 'I declare the above is true']),
});
const copies = () => [
  section('copies', ['Đề nghị cấp bản sao', 'Certified copies'], {
    copiesRequested: checkbox(['Đề nghị cấp bản sao', 'Request certified copies']),
  }),
  section(
    'copyCount',
    ['Số lượng bản sao', 'Number of copies'],
    { copyCount: number(['Số lượng (bản)', 'Number of copies'], { min: 1, max: 20 }) },
    { field: 'copiesRequested', equals: true },
  ),
];
const relationshipTo = (who: string, whoEn: string) =>
  text([`Quan hệ với ${who}`, `Relationship to ${whoEn}`], { max: 100 });

/** One party of a marriage (bên nữ / bên nam), prefilled from the requester's own record when of that sex. */
/**
 * Who a civil-status paper is about, as the forms of Circular 04/2024 open that part; presumed to
 * be the requester (prefilled, flagged when changed) since most ask for themselves.
 */
const personConcerned = () => ({
  personFullName: text(['Họ, chữ đệm, tên', 'Full name'], {
    prefill: [{ fact: 'applicant.fullName', presumed: true }],
  }),
  personBirthDate: date(['Ngày, tháng, năm sinh', 'Date of birth'], {
    prefill: [{ fact: 'applicant.birthDate', presumed: true }],
  }),
  personGender: gender(),
  personEthnicity: ethnicity(),
  personNationality: nationality({ prefill: [{ fact: 'applicant.nationality', presumed: true }] }),
});

function party(prefix: 'bride' | 'groom', sex: 'female' | 'male') {
  const mine = { fact: 'applicant.gender' as const, equals: sex };
  return {
    [`${prefix}FullName`]: text(['Họ, chữ đệm, tên', 'Full name'], {
      prefill: [{ fact: 'applicant.fullName', when: mine }],
    }),
    [`${prefix}BirthDate`]: date(['Ngày, tháng, năm sinh', 'Date of birth'], {
      prefill: [{ fact: 'applicant.birthDate', when: mine }],
    }),
    [`${prefix}Ethnicity`]: ethnicity(),
    [`${prefix}Nationality`]: nationality({ prefill: [{ fact: 'applicant.nationality', when: mine }] }),
    [`${prefix}Residence`]: address(['Nơi cư trú', 'Place of residence'], {
      prefill: [{ fact: 'applicant.residence', when: mine }],
    }),
    [`${prefix}PersonalId`]: personalId(['Số định danh cá nhân', 'Personal identification number'], {
      prefill: [{ fact: 'applicant.personalId', when: mine }],
    }),
    [`${prefix}MarriageNo`]: choice(
      ['Kết hôn lần thứ mấy', 'Which marriage'],
      [
        ['1', 'Lần thứ nhất', 'First'],
        ['2', 'Lần thứ hai', 'Second'],
        ['3+', 'Lần thứ ba trở lên', 'Third or later'],
      ],
    ),
  };
}

/** Tờ khai đăng ký kết hôn (procedure 1.000894; đăng ký lại kết hôn 1.004746 uses its own form). */
export const KET_HON = defineForm(
  {
    key: 'ket-hon',
    procedureCodes: ['1.000894'],
    title: 'Tờ khai đăng ký kết hôn',
    legalSource: `Mẫu Tờ khai đăng ký kết hôn ${SOURCE_2024}`,
    addressee: true,
    commitment:
      'Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình Việt Nam. Chúng tôi chịu trách nhiệm trước pháp luật về cam đoan của mình.',
    signer: 'Bên nữ và bên nam',
  },
  [
    section('bride', ['Bên nữ', 'Bride'], party('bride', 'female')),
    section('groom', ['Bên nam', 'Groom'], party('groom', 'male')),
    ...copies(),
    section('commitment', ['Lời cam đoan', 'Commitment'], commitField()),
  ],
);

/** Tờ khai đăng ký lại kết hôn (procedure 1.004746): the marriage form plus where it was first registered. */
export const DANG_KY_LAI_KET_HON = defineForm(
  {
    key: 'dang-ky-lai-ket-hon',
    procedureCodes: ['1.004746'],
    title: 'Tờ khai đăng ký lại kết hôn',
    legalSource: `Mẫu Tờ khai đăng ký lại kết hôn ${SOURCE_2024}`,
    addressee: true,
    commitment:
      'Chúng tôi cam đoan những nội dung khai trên đây là đúng sự thật, việc kết hôn đã được đăng ký nhưng sổ hộ tịch và bản chính giấy tờ hộ tịch đều bị mất. Chúng tôi chịu trách nhiệm trước pháp luật về cam đoan của mình.',
    signer: 'Bên nữ và bên nam',
  },
  [
    section('bride', ['Bên nữ', 'Bride'], party('bride', 'female')),
    section('groom', ['Bên nam', 'Groom'], party('groom', 'male')),
    section('previous', ['Việc kết hôn đã đăng ký', 'The earlier registration'], {
      previousRegistration: text(['Đã đăng ký kết hôn tại', 'First registered at'], { max: 300 }),
      previousRegistrationDate: date(['Ngày, tháng, năm đăng ký', 'Registered on']),
    }),
    ...copies(),
    section('commitment', ['Lời cam đoan', 'Commitment'], commitField()),
  ],
);

/** Tờ khai đăng ký khai tử (procedure 1.000656). */
export const KHAI_TU = defineForm(
  {
    key: 'khai-tu',
    procedureCodes: ['1.000656'],
    title: 'Tờ khai đăng ký khai tử',
    legalSource: `Mẫu Tờ khai đăng ký khai tử ${SOURCE_2024}`,
    addressee: true,
    commitment: COMMIT,
    signer: 'Người yêu cầu',
  },
  [
    section('requester', ['Người yêu cầu', 'Requester'], {
      ...requester(),
      relationship: relationshipTo('người đã chết', 'the deceased'),
    }),
    section('deceased', ['Người đã chết', 'The deceased'], {
      deceasedFullName: text(['Họ, chữ đệm, tên', 'Full name']),
      deceasedBirthDate: date(['Ngày, tháng, năm sinh', 'Date of birth']),
      deceasedGender: gender(),
      deceasedEthnicity: ethnicity(),
      deceasedNationality: nationality(),
      deceasedPersonalId: personalId(['Số định danh cá nhân', 'Personal identification number'], { required: false }),
      deceasedResidence: address(['Nơi cư trú cuối cùng', 'Last place of residence']),
      deathTime: text(['Đã chết vào lúc (giờ, phút)', 'Time of death (hh:mm)'], { max: 20 }),
      deathDate: date(['Ngày chết', 'Date of death']),
      deathPlace: text(['Nơi chết', 'Place of death'], { max: 300 }),
      deathCause: text(['Nguyên nhân chết', 'Cause of death'], { max: 300 }),
      deathNoticeNo: text(['Số Giấy báo tử/Giấy tờ thay thế Giấy báo tử', 'Death notice number'], {
        max: 100,
        attachment: 'Giấy báo tử',
      }),
      deathNoticeDate: date(['Ngày cấp', 'Issued on']),
      deathNoticeIssuer: text(['Cơ quan cấp', 'Issued by'], { max: 200 }),
    }),
    ...copies(),
    section('commitment', ['Lời cam đoan', 'Commitment'], commitField()),
  ],
);

/** Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (procedure 1.004873). */
export const TINH_TRANG_HON_NHAN = defineForm(
  {
    key: 'xac-nhan-tinh-trang-hon-nhan',
    procedureCodes: ['1.004873'],
    title: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
    legalSource: `Mẫu Tờ khai cấp Giấy xác nhận tình trạng hôn nhân ${SOURCE_2024}`,
    addressee: true,
    commitment: COMMIT,
    signer: 'Người yêu cầu',
  },
  [
    section('requester', ['Người yêu cầu', 'Requester'], {
      ...requester(),
      relationship: relationshipTo('người được cấp Giấy xác nhận', 'the person concerned'),
    }),
    section('person', ['Người được cấp Giấy xác nhận tình trạng hôn nhân', 'The person concerned'], {
      ...personConcerned(),
      personPersonalId: personalId(['Số định danh cá nhân', 'Personal identification number'], {
        prefill: [{ fact: 'applicant.personalId', presumed: true }],
      }),
      personResidence: address(['Nơi cư trú', 'Place of residence'], {
        prefill: [{ fact: 'applicant.residence', presumed: true }],
      }),
      residenceFrom: date(['Thời gian cư trú tại nơi đã đăng ký: từ ngày', 'Resident there since'], {
        required: false,
      }),
      maritalStatus: textarea(['Tình trạng hôn nhân', 'Marital status'], {
        max: 500,
        help: ['Ví dụ: "Chưa đăng ký kết hôn với ai"', 'E.g. "Never married"'],
      }),
      purpose: text(['Mục đích sử dụng Giấy xác nhận', 'Purpose'], { max: 300 }),
    }),
    section('copies', ['Số lượng', 'Copies'], {
      copyCount: number(['Số lượng Giấy xác nhận đề nghị cấp (bản)', 'Number of certificates'], { min: 1, max: 10 }),
    }),
    section('commitment', ['Lời cam đoan', 'Commitment'], commitField()),
  ],
);

const EVENTS: [string, string, string][] = [
  ['khai-sinh', 'Khai sinh', 'Birth'],
  ['ket-hon', 'Kết hôn', 'Marriage'],
  ['khai-tu', 'Khai tử', 'Death'],
  ['nhan-cha-me-con', 'Nhận cha, mẹ, con', 'Parentage'],
  ['thay-doi-cai-chinh', 'Thay đổi, cải chính hộ tịch', 'Change or correction'],
  ['khac', 'Việc hộ tịch khác', 'Other'],
];

/** Tờ khai cấp bản sao trích lục hộ tịch (certified copies of civil-status extracts, procedure 2.000635). */
export const BAN_SAO_TRICH_LUC = defineForm(
  {
    key: 'ban-sao-trich-luc',
    procedureCodes: ['2.000635'],
    title: 'Tờ khai cấp bản sao trích lục hộ tịch',
    legalSource: `Mẫu Tờ khai cấp bản sao trích lục hộ tịch ${SOURCE_2024}`,
    addressee: true,
    commitment: COMMIT,
    signer: 'Người yêu cầu',
  },
  [
    section('requester', ['Người yêu cầu', 'Requester'], {
      ...requester(),
      relationship: relationshipTo('người được cấp bản sao', 'the person concerned'),
    }),
    section('record', ['Đề nghị cấp bản sao trích lục về', 'Extract requested'], {
      event: choice(['Việc hộ tịch', 'Civil-status event'], EVENTS),
      subjectFullName: text(['Họ, chữ đệm, tên người được cấp', 'Name on the record']),
      subjectBirthDate: date(['Ngày, tháng, năm sinh', 'Date of birth']),
      registeredAt: text(['Đã đăng ký tại', 'Registered at'], { max: 300 }),
      registrationNo: text(['Số', 'Number'], { max: 50, required: false }),
      registrationBook: text(['Quyển số', 'Book'], { max: 50, required: false }),
      registrationDate: date(['Ngày, tháng, năm đăng ký', 'Registered on'], { required: false }),
      previousPaper: text(['Giấy tờ hộ tịch đã được cấp (nếu có)', 'Certificate already issued (if any)'], {
        max: 300,
        required: false,
        prefill: [{ fact: 'store.birthCertificate' }, { fact: 'store.marriageCertificate' }],
      }),
    }),
    section('copies', ['Số lượng', 'Copies'], {
      copyCount: number(['Số lượng bản sao (bản)', 'Number of copies'], { min: 1, max: 20 }),
    }),
    section('commitment', ['Lời cam đoan', 'Commitment'], commitField()),
  ],
);

/** Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc (procedure 1.004859). */
export const CAI_CHINH_HO_TICH = defineForm(
  {
    key: 'thay-doi-cai-chinh-ho-tich',
    procedureCodes: ['1.004859'],
    title: 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
    legalSource: `Mẫu Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc ${SOURCE_2024}`,
    addressee: true,
    commitment: COMMIT,
    signer: 'Người yêu cầu',
  },
  [
    section('requester', ['Người yêu cầu', 'Requester'], {
      ...requester(),
      relationship: relationshipTo('người được thay đổi, cải chính', 'the person concerned'),
    }),
    section('subject', ['Người được thay đổi, cải chính, bổ sung', 'The person concerned'], {
      subjectFullName: text(['Họ, chữ đệm, tên', 'Full name']),
      subjectBirthDate: date(['Ngày, tháng, năm sinh', 'Date of birth']),
      subjectGender: gender(),
      subjectPersonalId: personalId(['Số định danh cá nhân', 'Personal identification number'], { required: false }),
      subjectResidence: address(['Nơi cư trú', 'Place of residence']),
      registeredAt: text(['Đã đăng ký tại', 'Registered at'], { max: 300 }),
      registrationNo: text(['Số', 'Number'], { max: 50, required: false }),
      registrationDate: date(['Ngày đăng ký', 'Registered on']),
    }),
    section('change', ['Nội dung đề nghị', 'Requested change'], {
      changeKind: choice(
        ['Loại việc', 'Kind'],
        [
          ['thay-doi', 'Thay đổi', 'Change'],
          ['cai-chinh', 'Cải chính', 'Correction'],
          ['bo-sung', 'Bổ sung', 'Addition'],
          ['dan-toc', 'Xác định lại dân tộc', 'Re-determine ethnicity'],
        ],
      ),
      changeFrom: textarea(['Từ (nội dung đã đăng ký)', 'From (as registered)'], { max: 500, required: false }),
      changeTo: textarea(['Thành (nội dung đề nghị)', 'To (requested)'], { max: 500 }),
      reason: textarea(['Lý do', 'Reason'], { max: 1000 }),
    }),
    ...copies(),
    section('commitment', ['Lời cam đoan', 'Commitment'], commitField()),
  ],
);

/** Tờ khai đăng ký lại khai sinh (procedure 1.004884). */
export const DANG_KY_LAI_KHAI_SINH = defineForm(
  {
    key: 'dang-ky-lai-khai-sinh',
    procedureCodes: ['1.004884'],
    title: 'Tờ khai đăng ký lại khai sinh',
    legalSource: `Mẫu Tờ khai đăng ký lại khai sinh ${SOURCE_2024}`,
    addressee: true,
    commitment: COMMIT,
    signer: 'Người yêu cầu',
  },
  [
    section('requester', ['Người yêu cầu', 'Requester'], {
      ...requester(),
      relationship: relationshipTo('người được đăng ký lại khai sinh', 'the person concerned'),
    }),
    section('person', ['Người được đăng ký lại khai sinh', 'The person concerned'], {
      ...personConcerned(),
      personBirthPlace: text(['Nơi sinh', 'Place of birth'], { max: 300 }),
      personHometown: text(['Quê quán', 'Hometown'], { max: 300 }),
      personPersonalId: personalId(['Số định danh cá nhân', 'Personal identification number'], {
        prefill: [{ fact: 'applicant.personalId', presumed: true }],
      }),
      motherFullName: text(['Họ, chữ đệm, tên người mẹ', 'Mother’s full name'], { required: false }),
      fatherFullName: text(['Họ, chữ đệm, tên người cha', 'Father’s full name'], { required: false }),
      previousRegistration: text(['Đã đăng ký khai sinh tại', 'Birth first registered at'], { max: 300 }),
      previousRegistrationDate: date(['Ngày đăng ký khai sinh trước đây', 'First registered on'], { required: false }),
    }),
    ...copies(),
    section('commitment', ['Lời cam đoan', 'Commitment'], commitField()),
  ],
);
