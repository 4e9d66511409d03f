/**
 * Đơn đề nghị cấp giấy phép xây dựng — Mẫu số 01, Phụ lục II ban hành kèm Nghị định 175/2024/NĐ-CP
 * (detailing the Construction Law on construction permits). Items 1–6 in the printed order; the
 * floor count and heights are numbers, the plot's location an address after the 2025 reform.
 */
import { address, choice, commitment, defineForm, number, phone, section, text } from './builders.js';

export const GIAY_PHEP_XAY_DUNG = defineForm(
  {
    key: 'giay-phep-xay-dung',
    procedureCodes: ['1.013225'],
    title: 'Đơn đề nghị cấp giấy phép xây dựng',
    legalSource: 'Mẫu số 01 Phụ lục II ban hành kèm Nghị định 175/2024/NĐ-CP của Chính phủ',
    addressee: true,
    commitment:
      'Tôi xin cam đoan làm theo đúng giấy phép được cấp, nếu sai tôi xin hoàn toàn chịu trách nhiệm và bị xử lý theo quy định của pháp luật.',
    signer: 'Người làm đơn/Đại diện chủ đầu tư',
  },
  [
    section('owner', ['1. Thông tin về chủ đầu tư', '1. The investor'], {
      ownerName: text(['Tên chủ đầu tư (tên chủ hộ)', 'Investor (head of household)'], {
        prefill: [{ fact: 'applicant.fullName', presumed: true }],
      }),
      representative: text(['Người đại diện', 'Representative'], { required: false }),
      position: text(['Chức vụ (nếu có)', 'Position (if any)'], { required: false }),
      ownerAddress: address(['Địa chỉ liên hệ', 'Contact address'], {
        prefill: [{ fact: 'applicant.residence', presumed: true }],
      }),
      ownerPhone: phone(['Số điện thoại', 'Phone'], { prefill: [{ fact: 'applicant.phone', presumed: true }] }),
    }),
    section('site', ['2. Thông tin công trình', '2. The site'], {
      plotNo: text(['Lô đất số', 'Plot number'], { max: 50 }),
      plotArea: number(['Diện tích (m²)', 'Area (m²)'], { min: 1, max: 1e7 }),
      siteAddress: address(['Tại', 'Located at']),
    }),
    section('works', ['3. Nội dung đề nghị cấp phép', '3. Works applied for'], {
      worksKind: choice(
        ['Loại công trình', 'Kind of works'],
        [
          ['nha-o-rieng-le', 'Nhà ở riêng lẻ', 'Single house'],
          ['dan-dung', 'Công trình dân dụng', 'Civil works'],
          ['cong-nghiep', 'Công trình công nghiệp', 'Industrial works'],
          ['ha-tang', 'Công trình hạ tầng kỹ thuật', 'Technical infrastructure'],
        ],
      ),
      worksGrade: choice(
        ['Cấp công trình', 'Grade'],
        [
          ['III', 'Cấp III', 'Grade III'],
          ['IV', 'Cấp IV', 'Grade IV'],
        ],
      ),
      buildingArea: number(['Diện tích xây dựng (m²)', 'Building footprint (m²)'], { min: 1, max: 1e7 }),
      groundLevel: text(['Cốt xây dựng (m)', 'Ground level (m)'], { max: 20 }),
      floorArea: number(['Tổng diện tích sàn (m²)', 'Total floor area (m²)'], { min: 1, max: 1e8 }),
      height: number(['Chiều cao công trình (m)', 'Height (m)'], { min: 1, max: 1000 }),
      floors: number(['Số tầng', 'Floors'], { min: 1, max: 200 }),
    }),
    section('design', ['4. Đơn vị hoặc người chủ nhiệm thiết kế', '4. Designer'], {
      designer: text(['Tên đơn vị/người chủ nhiệm thiết kế', 'Design firm or lead designer']),
      designerLicence: text(['Mã số chứng chỉ hành nghề/năng lực', 'Practising certificate'], { required: false }),
    }),
    section('schedule', ['5. Dự kiến thời gian hoàn thành công trình', '5. Planned completion'], {
      months: number(['Số tháng', 'Months'], { min: 1, max: 240 }),
    }),
    section('commitment', ['6. Cam kết', '6. Commitment'], {
      commitment: commitment(['Tôi cam đoan làm theo đúng giấy phép được cấp', 'I will build as permitted']),
    }),
  ],
);
