import { describe, expect, it } from 'vitest';
import { DOSSIER_STATUS_NAMES, type DossierStatus } from '../dossiers/status.rules.js';
import { isPortalTime, recordProblems } from './dvcqg-simulator.js';
import {
  type DossierSnapshot,
  nextAttemptAfter,
  portalChannel,
  portalStatus,
  showsReceived,
  toHoSoDongBo,
  toTienDo,
} from './national-portal.rules.js';

const at = (iso: string) => new Date(iso);
const snapshot = (over: Partial<DossierSnapshot> = {}): DossierSnapshot => ({
  code: '000.00.53.H48-260302-0001',
  procedureCode: '1.000894',
  procedureName: 'Đăng ký khai sinh',
  fieldCode: 'HT',
  channel: 'counter',
  applicantKind: 'citizen',
  applicantName: 'Nguyễn Văn An',
  competentUnitName: 'UBND phường Long Xuyên',
  status: 'received',
  // 23:30 UTC on 1 Mar = 06:30 on 2 Mar in Vietnam: the date moves with the time zone.
  submittedAt: at('2026-03-01T23:30:00Z'),
  receivedAt: at('2026-03-01T23:45:10Z'),
  appointmentAt: at('2026-03-04T09:00:00Z'),
  completedAt: null,
  returnedAt: null,
  components: [],
  fees: [],
  paidOnline: false,
  supplements: [],
  results: [],
  ...over,
});
const link = (id: string) => `https://motcua.example/api/files/${id}`;

describe('the national enumerations', () => {
  it.each([
    ['registered', '1'],
    ['received', '2'],
    ['refused', '3'],
    ['processing', '4'],
    ['awaitingSupplement', '5'],
    ['awaitingPayment', '6'],
    ['withdrawn', '7'],
    ['stopped', '8'],
    ['processed', '9'],
    ['returned', '10'],
  ] as [DossierStatus, string][])('TrangThaiHoSo of %s is %s', (status, code) => {
    expect(portalStatus(status)).toBe(code);
  });

  it('maps every status we have', () => {
    expect(DOSSIER_STATUS_NAMES.map(portalStatus)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it.each([
    ['counter', '1'],
    ['online', '2'],
    ['postal', '3'],
  ] as const)('KenhThucHien of %s is %s', (channel, code) => {
    expect(portalChannel(channel)).toBe(code);
  });
});

describe('toHoSoDongBo', () => {
  it('writes the dates as yyyyMMddHHmmss in Vietnam time, unknown ones empty', () => {
    const r = toHoSoDongBo(snapshot(), link);
    expect(r).toMatchObject({
      NgayNopHoSo: '20260302063000',
      NgayTiepNhan: '20260302064510',
      NgayHenTra: '20260304160000',
      NgayKetThucXuLy: '',
      NgayTra: '',
    });
    for (const field of ['NgayNopHoSo', 'NgayTiepNhan', 'NgayHenTra'] as const)
      expect(isPortalTime(r[field])).toBe(true);
  });

  it('sends the name, never the identifier, phone or address, and an organisation as LoaiDoiTuong 2', () => {
    const r = toHoSoDongBo(snapshot({ applicantKind: 'organization', applicantName: 'Công ty TNHH An Phú' }), link);
    expect(r).toMatchObject({
      ChuHoSo: 'Công ty TNHH An Phú',
      LoaiDoiTuong: '2',
      MaTTHC: '1.000894',
      KenhThucHien: '1',
      TrangThaiHoSo: '2',
    });
    expect(Object.keys(r)).not.toEqual(expect.arrayContaining(['SoDienThoai', 'Email', 'SoGiayToChuHoSo']));
  });

  it('flags each filed file as digitized or reused, a component without files once, fees paid online', () => {
    const r = toHoSoDongBo(
      snapshot({
        components: [
          { componentId: 'c1', name: 'Tờ khai', fileIds: ['f1', 'f2'], digitized: true, reused: false },
          { componentId: 'c2', name: 'Giấy chứng sinh', fileIds: [], digitized: false, reused: true },
        ],
        fees: [{ name: 'Lệ phí', amountVnd: 50_000 }],
        paidOnline: true,
      }),
      link,
    );
    expect(r.TaiLieuNop).toEqual([
      {
        TepDinhKemId: 'f1',
        TenTepDinhKem: 'Tờ khai',
        MaThanhPhanHoSo: 'c1',
        DuongDanTaiTepTin: link('f1'),
        DuocSoHoa: '1',
        DuocTaiSuDung: '0',
        DuocLayTuKhoDMQG: '0',
      },
      {
        TepDinhKemId: 'f2',
        TenTepDinhKem: 'Tờ khai',
        MaThanhPhanHoSo: 'c1',
        DuongDanTaiTepTin: link('f2'),
        DuocSoHoa: '1',
        DuocTaiSuDung: '0',
        DuocLayTuKhoDMQG: '0',
      },
      {
        TepDinhKemId: '',
        TenTepDinhKem: 'Giấy chứng sinh',
        MaThanhPhanHoSo: 'c2',
        DuongDanTaiTepTin: '',
        DuocSoHoa: '0',
        DuocTaiSuDung: '1',
        DuocLayTuKhoDMQG: '0',
      },
    ]);
    expect(r).toMatchObject({
      HoSoCoThanhPhanSoHoa: '1',
      DuocThanhToanTrucTuyen: '1',
      DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: '50000', HinhThucThu: '2' }],
    });
  });

  it('lists supplements (answered or still awaited) and results with their file links', () => {
    const r = toHoSoDongBo(
      snapshot({
        status: 'returned',
        completedAt: at('2026-03-03T03:00:00Z'),
        returnedAt: at('2026-03-03T04:00:00Z'),
        supplements: [
          { requestedAt: at('2026-03-02T02:00:00Z'), note: 'Thiếu bản sao', suppliedAt: at('2026-03-02T08:00:00Z') },
          { requestedAt: at('2026-03-02T09:00:00Z'), note: null, suppliedAt: null },
        ],
        results: [{ id: 'r1', name: 'Giấy khai sinh', number: '12/GKS', fileId: 'f9' }],
      }),
      link,
    );
    expect(r.DanhSachHoSoBoSung).toEqual([
      {
        HoSoBoSungId: '1',
        NoiDungBoSung: 'Thiếu bản sao',
        NgayBoSung: '20260302090000',
        NgayTiepNhanBoSung: '20260302150000',
        TrangThaiBoSung: '1',
      },
      {
        HoSoBoSungId: '2',
        NoiDungBoSung: '',
        NgayBoSung: '20260302160000',
        NgayTiepNhanBoSung: '',
        TrangThaiBoSung: '0',
      },
    ]);
    expect(r.DanhSachGiayToKetQua).toEqual([
      { GiayToId: 'r1', TenGiayTo: 'Giấy khai sinh', MaGiayToKetQua: '12/GKS', DuongDanTepTinKetQua: link('f9') },
    ]);
    expect(r).toMatchObject({ TrangThaiHoSo: '10', NgayKetThucXuLy: '20260303100000', NgayTra: '20260303110000' });
  });

  it('passes the simulator’s validation for every status a dossier can have', () => {
    for (const status of DOSSIER_STATUS_NAMES) {
      const unreceived = status === 'registered' || status === 'refused';
      const ended = ['withdrawn', 'stopped', 'processed', 'returned', 'refused'].includes(status);
      const r = toHoSoDongBo(
        snapshot({
          status,
          receivedAt: unreceived ? null : at('2026-03-02T01:00:00Z'),
          completedAt: ended ? at('2026-03-03T01:00:00Z') : null,
        }),
        link,
      );
      expect(recordProblems(r as unknown as Record<string, unknown>), status).toEqual([]);
    }
  });
});

describe('showsReceived (what transparency.synced counts)', () => {
  it.each([
    ['received at the counter', { NgayTiepNhan: '20260302064510', TrangThaiHoSo: '2' }, true],
    ['processing', { NgayTiepNhan: '20260302064510', TrangThaiHoSo: '4' }, true],
    ['withdrawn after receipt', { NgayTiepNhan: '20260302064510', TrangThaiHoSo: '7' }, true],
    ['registered online, not yet accepted', { NgayTiepNhan: '', TrangThaiHoSo: '1' }, false],
    ['refused before receipt', { NgayTiepNhan: '', TrangThaiHoSo: '3' }, false],
  ])('%s → %s', (_name, record, expected) => {
    expect(showsReceived(record)).toBe(expected);
  });
});

describe('toTienDo', () => {
  it('names the step, who did it, where, the status it led to and the step’s due time', () => {
    const step = toTienDo('X-1', {
      action: 'requestSupplement',
      toStatus: 'awaitingSupplement',
      occurredAt: at('2026-03-02T02:00:00Z'),
      actorName: 'Trần Thị Bích',
      unitName: 'Sở Tư pháp',
      note: 'Thiếu bản sao',
      stepDueAt: at('2026-03-03T10:00:00Z'),
    });
    expect(step).toEqual({
      MaHoSo: 'X-1',
      NguoiXuLy: 'Trần Thị Bích',
      ChucDanh: '',
      ThoiDiemXuLy: '20260302090000',
      PhongBanXuLy: 'Sở Tư pháp',
      NoiDungXuLy: 'Yêu cầu bổ sung, hoàn thiện hồ sơ: Thiếu bản sao',
      TrangThai: '5',
      NgayBatDau: '',
      NgayKetThucTheoQuyDinh: '20260303170000',
    });
  });

  it('a step with no actor (the citizen online, the platform) is the system’s', () => {
    expect(
      toTienDo('X-1', {
        action: 'supply',
        toStatus: 'processing',
        occurredAt: at('2026-03-02T02:00:00Z'),
        actorName: null,
        unitName: null,
        note: null,
        stepDueAt: null,
      }),
    ).toMatchObject({
      NguoiXuLy: 'Hệ thống',
      PhongBanXuLy: '',
      NoiDungXuLy: 'Công dân bổ sung hồ sơ',
      TrangThai: '4',
      NgayKetThucTheoQuyDinh: '',
    });
  });
});

describe('the simulator’s validation of DongBoHoSoMC', () => {
  const valid = () => toHoSoDongBo(snapshot(), link) as unknown as Record<string, unknown>;
  it.each([
    ['a missing MaHoSo', { MaHoSo: '' }, 'MaHoSo: bắt buộc'],
    ['a malformed MaTTHC', { MaTTHC: '1000894' }, 'MaTTHC: không đúng dạng d.dddddd'],
    ['an unknown channel', { KenhThucHien: '4' }, 'KenhThucHien: không hợp lệ (1, 2, 3)'],
    ['an unknown status', { TrangThaiHoSo: '11' }, 'TrangThaiHoSo: không hợp lệ (1–10)'],
    ['an ISO date', { NgayTiepNhan: '2026-03-02T06:45:10' }, 'NgayTiepNhan: không đúng định dạng yyyyMMddHHmmss'],
    ['an impossible date', { NgayHenTra: '20260230090000' }, 'NgayHenTra: không đúng định dạng yyyyMMddHHmmss'],
    ['a received dossier without NgayTiepNhan', { NgayTiepNhan: '' }, 'NgayTiepNhan: bắt buộc với hồ sơ đã tiếp nhận'],
    [
      'a finished dossier without NgayKetThucXuLy',
      { TrangThaiHoSo: '9' },
      'NgayKetThucXuLy: bắt buộc với hồ sơ đã kết thúc xử lý',
    ],
    [
      'a flag other than 0/1',
      { TaiLieuNop: [{ DuocSoHoa: 'true', DuocTaiSuDung: '0', DuocLayTuKhoDMQG: '0' }] },
      'TaiLieuNop.0.DuocSoHoa: phải là 0 hoặc 1',
    ],
  ])('refuses %s', (_name, change, problem) => {
    expect(recordProblems({ ...valid(), ...change })).toContain(problem);
  });

  it('accepts our record as is', () => {
    expect(recordProblems(valid())).toEqual([]);
  });
});

describe('nextAttemptAfter', () => {
  const now = at('2026-03-02T00:00:00Z');
  it.each([
    [1, '2026-03-02T00:01:00.000Z'],
    [2, '2026-03-02T00:02:00.000Z'],
    [4, '2026-03-02T00:08:00.000Z'],
    [9, '2026-03-02T04:16:00.000Z'],
    [10, '2026-03-02T06:00:00.000Z'],
    [50, '2026-03-02T06:00:00.000Z'],
  ])('after %i failures: %s', (failures, expected) => {
    expect(nextAttemptAfter(now, failures).toISOString()).toBe(expected);
  });
});
