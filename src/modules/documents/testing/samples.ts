import type { FormBase, FormDataByNumber } from '../forms.js';

/**
 * Sample data for every form: the tests render them, and `render-samples.ts` writes them to
 * disk for a look. An An Giang dossier received at 14:05 local time on 23 November 2026.
 */
export const RECEIVED_AT = new Date('2026-11-23T07:05:00Z'); // 14 giờ 05 phút, +07:00
export const APPOINTMENT_AT = new Date('2026-12-14T09:30:00Z'); // 16 giờ 30 phút
export const NOW = new Date('2026-11-23T07:06:00Z');
export const APPLICANT_NAME = 'Nguyễn Thị Ánh Tuyết';
export const DOSSIER_CODE = '000.00.53.H48-261123-0099';

const base: FormBase = {
  unit: {
    parentBody: 'Ủy ban nhân dân tỉnh An Giang',
    name: 'Trung tâm Phục vụ hành chính công tỉnh',
    place: 'An Giang',
  },
  number: '1234/GTN-TTPVHCC',
  dossierCode: DOSSIER_CODE,
  applicant: {
    name: APPLICANT_NAME,
    address: 'Số 18 đường Hùng Vương, phường Long Xuyên, tỉnh An Giang',
    phone: '0912 345 678',
    email: 'anhtuyet@example.vn',
  },
  procedureName: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
  publicLookupUrl: `https://dichvucong.angiang.gov.vn/tra-cuu/${DOSSIER_CODE}`,
  now: NOW,
};

export function sampleForms(): FormDataByNumber {
  return {
    '01': {
      ...base,
      components: [
        { name: 'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01)', kind: 'original', count: 1 },
        { name: 'Giấy chứng nhận quyền sử dụng đất', kind: 'certified_copy', count: 1 },
        { name: 'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng)', kind: 'original', count: 2 },
      ],
      setCount: 1,
      legalTimeLimit: '15 ngày làm việc',
      receivedAt: RECEIVED_AT,
      appointmentAt: APPOINTMENT_AT,
      collectAt: 'Bộ phận Một cửa, Trung tâm Phục vụ hành chính công tỉnh An Giang',
      fees: [{ name: 'Lệ phí cấp giấy phép xây dựng', amountVnd: 50_000 }],
      trackingBook: { volume: '03/2026', number: 1287 },
      officerName: 'Lê Văn Đức',
    },
    '02': {
      ...base,
      issuedAt: RECEIVED_AT,
      receivedAt: RECEIVED_AT,
      items: [
        { content: 'Bản vẽ mặt cắt móng công trình', reason: 'Thiếu so với thành phần hồ sơ đã công bố' },
        { content: 'Chữ ký của chủ đầu tư trên đơn đề nghị', reason: 'Đơn chưa được ký' },
      ],
      deadline: new Date('2026-12-04T10:00:00Z'),
      officerName: 'Lê Văn Đức',
      contactPhone: '0296 3 852 000',
    },
    '03': {
      ...base,
      issuedAt: RECEIVED_AT,
      receivedAt: RECEIVED_AT,
      reason:
        'Công trình thuộc khu vực đã có quyết định thu hồi đất, không thuộc đối tượng được cấp giấy phép xây dựng.',
      officerName: 'Lê Văn Đức',
    },
    '04': {
      ...base,
      issuedAt: new Date('2026-12-11T02:00:00Z'),
      receivedAt: RECEIVED_AT,
      oldAppointmentAt: APPOINTMENT_AT,
      newAppointmentAt: new Date('2026-12-21T09:30:00Z'),
      reason: 'Cần lấy ý kiến của Sở Xây dựng về chỉ giới xây dựng; cơ quan được hỏi chưa có văn bản trả lời.',
      signer: { authority: 'KT. Giám đốc', title: 'Phó Giám đốc', name: 'Trần Quốc Bảo' },
    },
    '05': {
      ...base,
      issuedAt: new Date('2026-12-08T03:00:00Z'),
      receivedAt: RECEIVED_AT,
      reason: 'Quá thời hạn bổ sung, hoàn thiện hồ sơ nhưng Ông/Bà/Tổ chức chưa bổ sung theo yêu cầu.',
      returnOfPapers: 'Hồ sơ giấy đã nộp được trả lại tại Bộ phận Một cửa.',
      signer: { authority: 'KT. Giám đốc', title: 'Phó Giám đốc', name: 'Trần Quốc Bảo' },
    },
    '06': {
      ...base,
      receivedAt: RECEIVED_AT,
      appointmentAt: APPOINTMENT_AT,
      leadUnit: 'Sở Xây dựng tỉnh An Giang',
      coordinatingUnits: ['Ủy ban nhân dân phường Long Xuyên'],
      steps: [
        {
          unit: 'Bộ phận Một cửa — Trung tâm Phục vụ hành chính công',
          handedOverBy: 'Lê Văn Đức',
          handedOverAt: new Date('2026-11-23T08:00:00Z'),
          receivedBy: 'Phạm Thị Hồng',
          receivedAt: new Date('2026-11-23T08:30:00Z'),
          deadline: new Date('2026-11-24T10:00:00Z'),
          result: 'early',
        },
        {
          unit: 'Phòng Quản lý xây dựng — Sở Xây dựng',
          handedOverBy: 'Phạm Thị Hồng',
          handedOverAt: new Date('2026-11-24T02:00:00Z'),
          receivedBy: 'Võ Minh Khôi',
          receivedAt: new Date('2026-11-24T02:15:00Z'),
          deadline: new Date('2026-12-09T10:00:00Z'),
          result: 'late',
          note: 'Chờ ý kiến phối hợp',
        },
        {
          unit: 'Lãnh đạo Sở Xây dựng',
          handedOverBy: 'Võ Minh Khôi',
          handedOverAt: new Date('2026-12-10T03:00:00Z'),
          deadline: new Date('2026-12-11T10:00:00Z'),
        },
      ],
    },
  };
}
