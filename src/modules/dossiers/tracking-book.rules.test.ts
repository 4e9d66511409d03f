import { describe, expect, it } from 'vitest';
import type { Applicant } from './applicant.schema.js';
import {
  contactOf,
  firstForwardAt,
  periodBounds,
  periodProblem,
  trackingBookRow,
  type TrackingBookSource,
  trackingNote,
  vnStamp,
} from './tracking-book.rules.js';

const citizen: Applicant = {
  kind: 'citizen',
  fullName: 'Lê Thị Hồng Nhung',
  idNumber: '089196000789',
  phone: '0987654321',
  address: 'Số 5 Trần Hưng Đạo, phường Long Xuyên',
};
const organisation: Applicant = {
  kind: 'organization',
  name: 'Công ty TNHH Mỹ Hòa',
  taxCode: '0100109106',
  address: 'Khu công nghiệp Bình Hòa',
};

const base: TrackingBookSource = {
  code: '000.00.02.H01-260302-0001',
  status: 'received',
  applicant: citizen,
  procedureName: 'Cấp bản sao trích lục hộ tịch',
  competentUnitName: 'Sở Tư pháp',
  receivedAt: new Date('2026-03-01T17:30:00Z'),
  appointmentAt: new Date('2026-03-04T09:00:00Z'),
  forwardedAt: null,
  completedAt: null,
  returnedAt: null,
  outcome: null,
};

describe('vnStamp', () => {
  it.each([
    ['2026-03-01T16:59:00Z', '01/03/2026 23:59'], // still the 1st in Vietnam
    ['2026-03-01T17:00:00Z', '02/03/2026 00:00'], // midnight in Vietnam is 17:00 UTC the day before
    ['2026-12-31T17:05:00Z', '01/01/2027 00:05'], // across the year
    ['2026-02-05T01:30:00Z', '05/02/2026 08:30'],
  ])('%s → %s', (iso, shown) => expect(vnStamp(new Date(iso))).toBe(shown));

  it('is empty for a time that has not happened', () => expect(vnStamp(null)).toBe(''));
});

describe('trackingNote', () => {
  it.each([
    ['received', null, 'Đã tiếp nhận'],
    ['processing', null, 'Đang xử lý'],
    ['awaitingSupplement', null, 'Chờ bổ sung'],
    ['processed', 'early', 'Đã xử lý xong; Trước hạn'],
    ['returned', 'onTime', 'Đã trả kết quả; Đúng hạn'],
    ['returned', 'late', 'Đã trả kết quả; Trễ hạn'],
    ['refused', 'early', 'Từ chối; Trước hạn'],
    ['withdrawn', null, 'Rút hồ sơ'],
    ['stopped', 'late', 'Dừng xử lý; Trễ hạn'],
  ] as const)('%s, %s → %s', (status, outcome, note) => expect(trackingNote(status, outcome)).toBe(note));
});

describe('contactOf', () => {
  it('joins the address and the phone, or gives whichever there is', () => {
    expect(contactOf(citizen)).toBe('Số 5 Trần Hưng Đạo, phường Long Xuyên; ĐT: 0987654321');
    expect(contactOf(organisation)).toBe('Khu công nghiệp Bình Hòa');
    expect(contactOf({ kind: 'citizen', fullName: 'A', idNumber: '089196000789', phone: '0912345678' })).toBe(
      'ĐT: 0912345678',
    );
    expect(contactOf({ kind: 'citizen', fullName: 'A', idNumber: '089196000789' })).toBe('');
  });
});

describe('trackingBookRow', () => {
  it('shows a received dossier: Vietnam times across midnight UTC, empty cells for what has not happened', () => {
    expect(trackingBookRow(base)).toEqual({
      code: base.code,
      procedureName: 'Cấp bản sao trích lục hộ tịch',
      count: 1,
      applicantName: 'Lê Thị Hồng Nhung',
      contact: 'Số 5 Trần Hưng Đạo, phường Long Xuyên; ĐT: 0987654321',
      competentUnitName: 'Sở Tư pháp',
      receivedAt: '02/03/2026 00:30',
      appointmentAt: '04/03/2026 16:00',
      forwardedAt: '',
      resultReceivedAt: '',
      returnedAt: '',
      signature: '',
      note: 'Đã tiếp nhận',
    });
  });

  it('names an organisation by its name', () => {
    expect(trackingBookRow({ ...base, applicant: organisation }).applicantName).toBe('Công ty TNHH Mỹ Hòa');
  });

  it('shows the result times of a returned dossier', () => {
    const row = trackingBookRow({
      ...base,
      status: 'returned',
      forwardedAt: new Date('2026-03-02T02:00:00Z'),
      completedAt: new Date('2026-03-03T08:15:00Z'),
      returnedAt: new Date('2026-03-03T09:00:00Z'),
      outcome: 'early',
    });
    expect(row).toMatchObject({
      forwardedAt: '02/03/2026 09:00',
      resultReceivedAt: '03/03/2026 15:15',
      returnedAt: '03/03/2026 16:00',
      note: 'Đã trả kết quả; Trước hạn',
    });
  });

  it('gives a refused or withdrawn dossier no result time, although its processing ended', () => {
    for (const status of ['refused', 'withdrawn'] as const) {
      const row = trackingBookRow({ ...base, status, completedAt: new Date('2026-03-02T02:00:00Z'), outcome: 'early' });
      expect(row.resultReceivedAt).toBe('');
    }
  });
});

describe('firstForwardAt', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 2, 2, h));
  it('takes the earliest forward out of the first step, even after a later-looking one elsewhere', () => {
    const events = [
      { stepKey: 'thu-ly', occurredAt: at(1) }, // odd data: forwarded from a later step first
      { stepKey: 'tiep-nhan', occurredAt: at(5) },
      { stepKey: 'tiep-nhan', occurredAt: at(3) }, // returned to reception and forwarded again later
    ];
    expect(firstForwardAt(events, 'tiep-nhan')).toEqual(at(3));
  });

  it('falls back to the earliest forward when none left the first step, and is null without forwards', () => {
    const events = [
      { stepKey: 'phe-duyet', occurredAt: at(4) },
      { stepKey: 'thu-ly', occurredAt: at(2) },
    ];
    expect(firstForwardAt(events, 'tiep-nhan')).toEqual(at(2));
    expect(firstForwardAt(events, null)).toEqual(at(2));
    expect(firstForwardAt([], 'tiep-nhan')).toBeNull();
  });
});

describe('the period', () => {
  it.each([
    ['2026-03-01', '2026-03-01', null],
    ['2026-03-02', '2026-03-01', 'TRACKING_BOOK_PERIOD_REVERSED'],
    ['2024-01-01', '2024-12-31', null], // a leap year: 366 days
    ['2025-01-01', '2026-01-01', null], // 366 days, both ends counted
    ['2025-01-01', '2026-01-02', 'TRACKING_BOOK_PERIOD_TOO_LONG'], // 367
  ] as const)('%s … %s → %s', (from, to, problem) => expect(periodProblem(from, to)).toBe(problem));

  it('runs from 00:00 Vietnam time of the first day to 00:00 after the last', () => {
    expect(periodBounds('2026-03-01', '2026-03-31')).toEqual({
      start: new Date('2026-02-28T17:00:00Z'),
      end: new Date('2026-03-31T17:00:00Z'),
    });
  });
});
