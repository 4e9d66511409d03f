/**
 * The Decision-766 index as configuration: groups, indicators, maximum points, full-marks
 * thresholds and grade bands. docs/domain/DOMAIN.md §9 transcribes the portal's published method and marks
 * it *(verify)*, so nothing here is a constant of the computation: the default below seeds a
 * year, and a procedure control officer may replace a year's configuration (a new version; a
 * computed index names the version it used).
 */
import { z } from 'zod';

/**
 * Every indicator the kpi module knows how to compute (or knows it cannot yet). A configuration
 * arranges these keys into groups and weighs them; it cannot invent a key with no formula.
 */
export const INDICATOR_KEYS = [
  // Công khai, minh bạch
  'transparency.publishedOnTime',
  'transparency.updatedOnTime',
  'transparency.completeParts',
  'transparency.synced',
  // Tiến độ giải quyết
  'progress.onTime',
  // Dịch vụ công trực tuyến
  'online.proceduresOnline',
  'online.servicesWithDossiers',
  'online.dossiersOnline',
  'online.prefilledForms',
  // Thanh toán trực tuyến
  'payment.dossiersPaidOnline',
  'payment.proceduresIntegrated',
  'payment.proceduresWithTransactions',
  // Số hóa hồ sơ
  'digitization.eResult',
  'digitization.digitized',
  'digitization.certifiedCopies',
  'digitization.reuse',
  'digitization.nationalStore',
  'digitization.populationProcedures',
  'digitization.populationDossiers',
  // Mức độ hài lòng
  'satisfaction.feedbackOnTime',
  'satisfaction.feedbackSatisfaction',
  'satisfaction.dossierSatisfaction',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/**
 * Indicators the index computes and shows beside the Decision-766 groups without weighing them
 * (no points, not in DEFAULT_KPI_CONFIG): plan indicators of the seeds. A year's configuration may
 * still weigh one; then it is scored there and not repeated here.
 * - online.prefilledForms — seed 003 "Tỷ lệ DVCTT được điền sẵn thông tin": online dossiers
 *   received in the period whose e-form had fields prefilled from data.
 */
export const TRACKED_INDICATORS: readonly { key: IndicatorKey; name: string }[] = [
  { key: 'online.prefilledForms', name: 'Tỷ lệ DVCTT được điền sẵn thông tin' },
];

/**
 * Lĩnh vực chứng thực: the procedure fields (procedures.field_code) whose dossiers are
 * certifications, the base of digitization.certifiedCopies. Configuration of the computation, not
 * of a year's weights: the rollup keeps, per dossier, whether it is a certification, so a change
 * here needs a rollup rebuild (`rebuildRollup`) to reach past figures.
 */
export const CERTIFICATION_FIELD_CODES: readonly string[] = ['CT'];

const Name = z.string().trim().min(1).max(300);
const Points = z.number().min(0).max(100);

export const IndicatorConfig = z.object({
  key: z.enum(INDICATOR_KEYS),
  name: Name,
  max: Points,
  /** The ratio that earns full points (1 = points proportional to the ratio; 0.8 = full at ≥ 80%). */
  fullAt: z.number().gt(0).max(1).default(1),
});

export const GroupConfig = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-zA-Z]*$/, 'Mã nhóm chỉ gồm chữ cái, bắt đầu bằng chữ thường'),
  name: Name,
  indicators: z.array(IndicatorConfig).min(1).max(20),
});

export const GradeBand = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-zA-Z]*$/),
  name: Name,
  /** The lowest total (inclusive) that earns the grade. */
  min: Points,
});

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

export const KpiConfig = z
  .object({
    groups: z.array(GroupConfig).min(1).max(20),
    /** Highest first; the last band should start at 0 so every total has a grade. */
    grades: z.array(GradeBand).min(1).max(10),
  })
  .superRefine((c, ctx) => {
    const keys = c.groups.flatMap((g) => g.indicators.map((i) => i.key));
    keys.forEach((k, i) => {
      if (keys.indexOf(k) !== i)
        ctx.addIssue({ code: 'custom', path: ['groups'], message: `Chỉ số ${k} xuất hiện nhiều lần` });
    });
    const groupKeys = c.groups.map((g) => g.key);
    groupKeys.forEach((k, i) => {
      if (groupKeys.indexOf(k) !== i)
        ctx.addIssue({ code: 'custom', path: ['groups', i, 'key'], message: `Nhóm ${k} xuất hiện nhiều lần` });
    });
    const total = sum(c.groups.flatMap((g) => g.indicators.map((i) => i.max)));
    if (total !== 100)
      ctx.addIssue({ code: 'custom', path: ['groups'], message: `Tổng điểm tối đa phải là 100 (hiện là ${total})` });
    c.grades.forEach((g, i) => {
      const prev = c.grades[i - 1];
      if (prev && g.min >= prev.min)
        ctx.addIssue({
          code: 'custom',
          path: ['grades', i, 'min'],
          message: 'Các mức xếp loại phải theo thứ tự điểm giảm dần',
        });
    });
    if (c.grades.at(-1)!.min !== 0)
      ctx.addIssue({ code: 'custom', path: ['grades'], message: 'Mức xếp loại thấp nhất phải bắt đầu từ 0 điểm' });
  })
  .meta({ id: 'KpiConfig' });
export type KpiConfig = z.output<typeof KpiConfig>;

const ind = (key: IndicatorKey, name: string, max: number, fullAt = 1) => ({ key, name, max, fullAt });

/**
 * docs/domain/DOMAIN.md §9 as the default of every year. Where §9 gives a group's total but not how it splits
 * (online services 12 over three indicators), the split is even — a configuration choice.
 */
export const DEFAULT_KPI_CONFIG: KpiConfig = {
  groups: [
    {
      key: 'transparency',
      name: 'Công khai, minh bạch',
      indicators: [
        ind('transparency.publishedOnTime', 'Công bố thủ tục hành chính đúng hạn', 6),
        ind('transparency.updatedOnTime', 'Công khai thủ tục hành chính đúng hạn trên CSDL quốc gia', 4),
        ind('transparency.completeParts', 'Công khai đầy đủ các bộ phận của thủ tục hành chính', 2),
        ind('transparency.synced', 'Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia', 6),
      ],
    },
    {
      key: 'progress',
      name: 'Tiến độ giải quyết',
      indicators: [ind('progress.onTime', 'Hồ sơ giải quyết đúng hạn hoặc đang trong hạn', 20)],
    },
    {
      key: 'onlineServices',
      name: 'Dịch vụ công trực tuyến',
      indicators: [
        ind('online.proceduresOnline', 'Thủ tục cung cấp dịch vụ công trực tuyến', 4, 0.8),
        ind('online.servicesWithDossiers', 'Dịch vụ công trực tuyến có phát sinh hồ sơ', 4),
        ind('online.dossiersOnline', 'Hồ sơ nộp trực tuyến', 4, 0.5),
      ],
    },
    {
      key: 'onlinePayment',
      name: 'Thanh toán trực tuyến',
      indicators: [
        ind('payment.dossiersPaidOnline', 'Hồ sơ thanh toán trực tuyến', 6),
        ind('payment.proceduresIntegrated', 'Thủ tục có phí tích hợp thanh toán trực tuyến', 2, 0.8),
        ind('payment.proceduresWithTransactions', 'Thủ tục có giao dịch thanh toán trực tuyến', 2),
      ],
    },
    {
      key: 'digitization',
      name: 'Số hóa hồ sơ',
      indicators: [
        ind('digitization.eResult', 'Hồ sơ có kết quả điện tử', 6),
        ind('digitization.digitized', 'Hồ sơ được số hóa thành phần', 4),
        ind('digitization.certifiedCopies', 'Chứng thực bản sao điện tử', 2),
        ind('digitization.reuse', 'Tái sử dụng dữ liệu số hóa', 2, 0.8),
        ind('digitization.nationalStore', 'Khai thác dữ liệu từ kho quốc gia', 4),
        ind('digitization.populationProcedures', 'Thủ tục kết nối dữ liệu dân cư', 2),
        ind('digitization.populationDossiers', 'Hồ sơ khai thác dữ liệu dân cư', 2),
      ],
    },
    {
      key: 'satisfaction',
      name: 'Mức độ hài lòng',
      indicators: [
        ind('satisfaction.feedbackOnTime', 'Phản ánh, kiến nghị xử lý đúng hạn', 6),
        ind('satisfaction.feedbackSatisfaction', 'Hài lòng với việc xử lý phản ánh, kiến nghị', 6),
        ind('satisfaction.dossierSatisfaction', 'Hài lòng với việc giải quyết hồ sơ', 6, 0.9),
      ],
    },
  ],
  // Seed 002 §9.4: "loại tốt (tối thiểu từ 80 đến dưới 90 điểm)".
  grades: [
    { key: 'excellent', name: 'Xuất sắc', min: 90 },
    { key: 'good', name: 'Tốt', min: 80 },
    { key: 'fair', name: 'Khá', min: 70 },
    { key: 'average', name: 'Trung bình', min: 50 },
    { key: 'weak', name: 'Yếu', min: 0 },
  ],
};
