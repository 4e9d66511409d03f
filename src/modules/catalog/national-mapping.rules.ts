/**
 * Pure translation between the national catalog's record shape and our ProcedureContent.
 * Parsing never throws: it returns the content or every reason the record was refused, so an
 * import can report each bad row and go on with the rest.
 */
import type { z } from 'zod';
import { type Channel, ProcedureContent, type ProcedureContentInput, type TIME_UNITS } from './procedure.content.js';
import { NationalProcedure, type NationalProcedureInput } from './national.shape.js';
import { NATIONAL_CODE_PATTERN } from './catalog.rules.js';
import { searchKey } from './search.rules.js';

/** KENH codes of the national portal (KenhThucHien; also the dossier sync's, national-portal module). */
const CHANNEL_BY_CODE: Record<string, Channel> = { '1': 'counter', '2': 'online', '3': 'postal' };
export const CODE_BY_CHANNEL: Record<Channel, string> = { counter: '1', online: '2', postal: '3' };

/** DONVITINH spellings seen in the national data, keyed by their diacritic-free form. */
const TIME_UNIT_BY_NAME: Record<string, (typeof TIME_UNITS)[number]> = {
  'ngay lam viec': 'workingDays',
  'gio lam viec': 'workingHours',
  gio: 'workingHours',
  ngay: 'days',
  thang: 'months',
};
const TIME_UNIT_NAME: Record<(typeof TIME_UNITS)[number], string> = {
  workingDays: 'Ngày làm việc',
  workingHours: 'Giờ làm việc',
  days: 'Ngày',
  months: 'Tháng',
};

const LEVEL_BY_NAME: Record<string, ProcedureContentInput['levels'][number]> = {
  'cap tinh': 'province',
  tinh: 'province',
  'cap xa': 'commune',
  xa: 'commune',
  'cap bo': 'central',
  'cap trung uong': 'central',
};
const LEVEL_NAME = { province: 'Cấp Tỉnh', commune: 'Cấp Xã', central: 'Cấp Bộ' } as const;

const APPLICANT_BY_NAME: Record<string, ProcedureContentInput['applicantTypes'][number]> = {
  'cong dan viet nam': 'citizen',
  'ca nhan': 'citizen',
  'cong dan': 'citizen',
  'to chuc': 'organisation',
  'doanh nghiep': 'organisation',
  'nguoi nuoc ngoai': 'foreigner',
  'nguoi viet nam dinh cu o nuoc ngoai': 'overseasVietnamese',
};
const APPLICANT_NAME = {
  citizen: 'Công dân Việt Nam',
  organisation: 'Tổ chức',
  foreigner: 'Người nước ngoài',
  overseasVietnamese: 'Người Việt Nam định cư ở nước ngoài',
} as const;

const ONLINE_BY_NAME: Record<string, ProcedureContentInput['onlineLevel']> = {
  'toan trinh': 'full',
  'mot phan': 'partial',
  'dvc truc tuyen toan trinh': 'full',
  'dvc truc tuyen mot phan': 'partial',
  'cung cap thong tin': 'none',
  khong: 'none',
};
const ONLINE_NAME = { full: 'Toàn trình', partial: 'Một phần', none: 'Cung cấp thông tin' } as const;

/** Where competent units come from: the organisation tree, as the import sees it. */
export interface UnitDirectory {
  idByOfficialCode: ReadonlyMap<string, string>;
  /** Every commune in force: "UBND cấp xã" in national data means each of them. */
  communeIds: readonly string[];
}

export interface RowProblem {
  field: string;
  message: string;
}

export type ParsedRecord =
  | { ok: true; nationalCode: string; fieldName: string; content: ProcedureContent }
  | { ok: false; nationalCode: string | null; problems: RowProblem[] };

export function fromNational(raw: unknown, units: UnitDirectory): ParsedRecord {
  const rawCode =
    typeof raw === 'object' && raw && 'MATTHC' in raw ? String((raw as { MATTHC: unknown }).MATTHC).trim() : null;
  const parsed = NationalProcedure.safeParse(raw);
  if (!parsed.success) return { ok: false, nationalCode: rawCode, problems: zodProblems(parsed.error) };
  const rec = parsed.data;
  const problems: RowProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (!NATIONAL_CODE_PATTERN.test(rec.MATTHC)) problem('MATTHC', `Mã thủ tục "${rec.MATTHC}" không đúng dạng d.dddddd`);

  const channels = rec.CACHTHUCTHUCHIEN.flatMap((c, i) => {
    const channel = CHANNEL_BY_CODE[c.KENH];
    if (!channel) {
      problem(`CACHTHUCTHUCHIEN.${i}.KENH`, `Kênh "${c.KENH}" không hợp lệ (1 trực tiếp, 2 trực tuyến, 3 bưu chính)`);
      return [];
    }
    // The national data may list several time limits per channel (by case); the first is the
    // general one and the one deadlines use.
    const limit = c.THOIGIAN[0]!;
    const unit = TIME_UNIT_BY_NAME[searchKey(limit.DONVITINH)];
    if (!unit)
      problem(`CACHTHUCTHUCHIEN.${i}.THOIGIAN.0.DONVITINH`, `Đơn vị thời gian "${limit.DONVITINH}" không hợp lệ`);
    return [
      {
        channel,
        timeLimit: { value: limit.THOIGIANGIAIQUYET, unit: unit ?? 'workingDays' },
        fees: limit.PHILEPHI.map((f) => ({
          name: f.MOTA || 'Lệ phí',
          amountVnd: f.SOTIEN,
          note: f.MAPHILEPHI ?? null,
        })),
      },
    ];
  });

  const levels = rec.CAPTHUCHIEN.flatMap((name, i) => {
    const level = LEVEL_BY_NAME[searchKey(name)];
    if (!level) problem(`CAPTHUCHIEN.${i}`, `Cấp thực hiện "${name}" không hợp lệ`);
    return level ? [level] : [];
  });
  const applicantTypes = [
    ...new Set(
      rec.DOITUONGTHUCHIEN.flatMap((name, i) => {
        const type = APPLICANT_BY_NAME[searchKey(name)];
        if (!type) problem(`DOITUONGTHUCHIEN.${i}`, `Đối tượng thực hiện "${name}" không hợp lệ`);
        return type ? [type] : [];
      }),
    ),
  ];
  const onlineLevel = rec.MUCDO ? ONLINE_BY_NAME[searchKey(rec.MUCDO)] : 'none';
  if (!onlineLevel) problem('MUCDO', `Mức độ "${rec.MUCDO}" không hợp lệ (Toàn trình, Một phần)`);

  const competentUnitIds = rec.COQUANTHUCHIEN.flatMap((u, i) => {
    const id = u.MADONVI ? units.idByOfficialCode.get(u.MADONVI) : undefined;
    if (id) return [id];
    if (searchKey(u.TENDONVI).includes('cap xa')) return [...units.communeIds];
    problem(
      `COQUANTHUCHIEN.${i}`,
      `Không tìm thấy cơ quan thực hiện "${u.TENDONVI}"${u.MADONVI ? ` (mã ${u.MADONVI})` : ''}`,
    );
    return [];
  });

  const result = rec.KETQUATHUCHIEN[0]!;
  const candidate: ProcedureContentInput = {
    name: rec.TENTTHC,
    localCode: rec.MATTHC_DIAPHUONG ?? null,
    fieldCode: rec.LINHVUCTHUCHIEN[0]!.MALINHVUC,
    levels: [...new Set(levels)],
    channels,
    steps: rec.TRINHTUTHUCHIEN,
    components: rec.THANHPHANHOSO.flatMap((g) => g.GIAYTO).map((d) => ({
      name: d.TENGIAYTO,
      kind: componentKind(d.SOBANCHINH, d.SOBANSAO, d.BANSAOCHUNGTHUC === true),
      count: Math.max(1, d.SOBANCHINH, d.SOBANSAO),
      formTemplate: d.MAUDON || null,
      digitizationRequired: d.SOHOABATBUOC ?? false,
      mandatory: !d.KHONGBATBUOC,
    })),
    applicantTypes,
    conditions: rec.YEUCAUDIEUKIEN ?? '',
    result: { name: result.TENKETQUA, electronic: result.DIENTU ?? true, paper: result.GIAY ?? true },
    legalBasis: rec.CANCUPHAPLY,
    onlineLevel: onlineLevel ?? 'none',
    postal: rec.BUUCHINH ?? channels.some((c) => c.channel === 'postal'),
    locationIndependent: rec.KHONGPHUTHUOCDIAGIOI,
    interAgency: rec.LIENTHONG,
    competentUnitIds: [...new Set(competentUnitIds)],
  };
  if (problems.length > 0) return { ok: false, nationalCode: rec.MATTHC, problems };
  const content = ProcedureContent.safeParse(candidate);
  if (!content.success) return { ok: false, nationalCode: rec.MATTHC, problems: zodProblems(content.error) };
  return { ok: true, nationalCode: rec.MATTHC, fieldName: rec.LINHVUCTHUCHIEN[0]!.TENLINHVUC, content: content.data };
}

function componentKind(
  originals: number,
  copies: number,
  certified: boolean,
): ProcedureContentInput['components'][number]['kind'] {
  if (originals > 0 && copies > 0) return 'originalOrCopy';
  if (copies > 0) return certified ? 'certifiedCopy' : 'copy';
  return 'original';
}

function zodProblems(error: z.ZodError): RowProblem[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.') || '(bản ghi)', message: issue.message }));
}

export interface ExportUnit {
  id: string;
  officialCode: string;
  name: string;
  kind: string;
}

/**
 * Our content in the national shape. A procedure competent at every commune is written as the
 * generic "UBND cấp xã", which is how the national catalog lists commune-level agencies.
 */
export function toNational(
  nationalCode: string,
  fieldName: string,
  content: ProcedureContent,
  unitsById: ReadonlyMap<string, ExportUnit>,
  communeCount: number,
): NationalProcedureInput {
  const competent = content.competentUnitIds.map((id) => unitsById.get(id)).filter((u): u is ExportUnit => !!u);
  const communes = competent.filter((u) => u.kind === 'commune');
  const allCommunes = communeCount > 0 && communes.length === communeCount;
  const agencies = [
    ...competent
      .filter((u) => !allCommunes || u.kind !== 'commune')
      .map((u) => ({ MADONVI: u.officialCode, TENDONVI: u.name })),
    ...(allCommunes ? [{ MADONVI: null, TENDONVI: 'Ủy ban nhân dân cấp xã' }] : []),
  ];
  return {
    MATTHC: nationalCode,
    TENTTHC: content.name,
    MATTHC_DIAPHUONG: content.localCode ?? null,
    LINHVUCTHUCHIEN: [{ MALINHVUC: content.fieldCode, TENLINHVUC: fieldName }],
    CAPTHUCHIEN: content.levels.map((l) => LEVEL_NAME[l]),
    CACHTHUCTHUCHIEN: content.channels.map((c) => ({
      KENH: CODE_BY_CHANNEL[c.channel],
      THOIGIAN: [
        {
          THOIGIANGIAIQUYET: c.timeLimit.value,
          DONVITINH: TIME_UNIT_NAME[c.timeLimit.unit],
          PHILEPHI: c.fees.map((f) => ({ MAPHILEPHI: f.note ?? null, SOTIEN: f.amountVnd, MOTA: f.name })),
        },
      ],
    })),
    THANHPHANHOSO: [
      {
        TRUONGHOP: null,
        GIAYTO: content.components.map((d) => ({
          TENGIAYTO: d.name,
          MAUDON: d.formTemplate ?? null,
          SOBANCHINH: d.kind === 'original' || d.kind === 'originalOrCopy' ? d.count : 0,
          SOBANSAO: d.kind === 'original' ? 0 : d.count,
          BANSAOCHUNGTHUC: d.kind === 'certifiedCopy',
          SOHOABATBUOC: d.digitizationRequired,
          KHONGBATBUOC: !d.mandatory,
        })),
      },
    ],
    TRINHTUTHUCHIEN: content.steps,
    DOITUONGTHUCHIEN: content.applicantTypes.map((t) => APPLICANT_NAME[t]),
    COQUANTHUCHIEN: agencies,
    YEUCAUDIEUKIEN: content.conditions,
    KETQUATHUCHIEN: [{ TENKETQUA: content.result.name, DIENTU: content.result.electronic, GIAY: content.result.paper }],
    CANCUPHAPLY: content.legalBasis,
    MUCDO: ONLINE_NAME[content.onlineLevel],
    LIENTHONG: content.interAgency,
    BUUCHINH: content.postal,
    KHONGPHUTHUOCDIAGIOI: content.locationIndependent,
  };
}
