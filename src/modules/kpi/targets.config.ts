/**
 * The plan targets of docs/domain/DOMAIN.md §10 (seeds 001 and 002): what each target measures, which way is
 * better, and the default value a year starts with. A year and unit may replace any value
 * (kpi_targets); the keys and their measures are fixed here, because each needs a formula.
 */
import { z } from 'zod';
import type { UnitKind } from '../org/units.query.js';

export const TARGET_KEYS = [
  'eResult',
  'reuse',
  'feedbackOnTime',
  'satisfaction',
  'fullyOnlineServices',
  'onlinePayment',
  'onlineDossiers',
  'digitization',
  'sync',
  'prefilledFields',
  'waitingMinutes',
  'productivity',
] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];

/** ratio: 0–1 shown as %; minutes; dossiers per one-stop officer per year. */
export type TargetUnit = 'ratio' | 'minutes' | 'dossiersPerOfficerYear';

export interface TargetDefinition {
  name: string;
  unit: TargetUnit;
  /** atLeast: the actual must reach the target; atMost: stay under it (waiting time). */
  direction: 'atLeast' | 'atMost';
  /** The default of the seeds; productivity depends on the unit's level. */
  defaultValue: number | ((kind: UnitKind, communeLevel: boolean) => number);
  /** Where the default comes from, for the table's tooltip. */
  source: string;
}

/** Commune-level one-stop units serve fewer people: seed 002 sets 5,280 against 7,920. */
export const PRODUCTIVITY_PROVINCE = 7920;
export const PRODUCTIVITY_COMMUNE = 5280;

export const TARGETS: Record<TargetKey, TargetDefinition> = {
  eResult: {
    name: 'Tỷ lệ hồ sơ có kết quả điện tử',
    unit: 'ratio',
    direction: 'atLeast',
    defaultValue: 1,
    source: 'DOMAIN §10: 100%',
  },
  reuse: {
    name: 'Tỷ lệ tái sử dụng dữ liệu số hóa',
    unit: 'ratio',
    direction: 'atLeast',
    defaultValue: 0.5,
    source: 'DOMAIN §10: ≥ 50%',
  },
  feedbackOnTime: {
    name: 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn',
    unit: 'ratio',
    direction: 'atLeast',
    defaultValue: 1,
    source: 'DOMAIN §10: 100%',
  },
  satisfaction: {
    name: 'Mức độ hài lòng của người dân, doanh nghiệp',
    unit: 'ratio',
    direction: 'atLeast',
    defaultValue: 0.9,
    source: 'DOMAIN §10: ≥ 90% (95% ở seed 001)',
  },
  fullyOnlineServices: {
    name: 'Tỷ lệ dịch vụ công trực tuyến toàn trình',
    unit: 'ratio',
    direction: 'atLeast',
    defaultValue: 0.8,
    source: 'DOMAIN §10: ≥ 80% thủ tục đủ điều kiện',
  },
  onlinePayment: {
    name: 'Tỷ lệ thanh toán trực tuyến',
    unit: 'ratio',
    direction: 'atLeast',
    defaultValue: 0.6,
    source: 'DOMAIN §10: ≥ 60%',
  },
  onlineDossiers: {
    name: 'Tỷ lệ hồ sơ trực tuyến',
    unit: 'ratio',
    direction: 'atLeast',
    defaultValue: 0.6,
    source: 'DOMAIN §10: ≥ 60%',
  },
  digitization: {
    name: 'Tỷ lệ số hóa hồ sơ',
    unit: 'ratio',
    direction: 'atLeast',
    defaultValue: 0.8,
    source: 'DOMAIN §10: 80–100%',
  },
  sync: {
    name: 'Tỷ lệ đồng bộ hồ sơ lên Cổng DVCQG',
    unit: 'ratio',
    direction: 'atLeast',
    defaultValue: 1,
    source: 'DOMAIN §10: 100%',
  },
  prefilledFields: {
    name: 'Tỷ lệ thông tin trên tờ khai trực tuyến được điền sẵn (cắt giảm thông tin phải khai báo)',
    unit: 'ratio',
    direction: 'atLeast',
    defaultValue: 0.2,
    source: 'Seed 004: cắt giảm tối thiểu 20% thông tin phải khai báo trên cơ sở tái sử dụng dữ liệu',
  },
  waitingMinutes: {
    name: 'Thời gian chờ trung bình tại quầy (phút)',
    unit: 'minutes',
    direction: 'atMost',
    defaultValue: 30,
    source: 'DOMAIN §6, §10: ≤ 30 phút',
  },
  productivity: {
    name: 'Năng suất hồ sơ/công chức một cửa/năm',
    unit: 'dossiersPerOfficerYear',
    direction: 'atLeast',
    defaultValue: (_kind, communeLevel) => (communeLevel ? PRODUCTIVITY_COMMUNE : PRODUCTIVITY_PROVINCE),
    source: 'DOMAIN §10 (seed 002): 7.920 cấp tỉnh, 5.280 cấp xã',
  },
};

/** The default of a key for a unit; `communeLevel`: the unit is a commune or lies below one. */
export function defaultTarget(key: TargetKey, kind: UnitKind, communeLevel: boolean): number {
  const d = TARGETS[key].defaultValue;
  return typeof d === 'function' ? d(kind, communeLevel) : d;
}

/** A value must fit its measure: a ratio in [0, 1], minutes and productivity positive. */
export const TargetValue = z.object({
  key: z.enum(TARGET_KEYS),
  value: z
    .number()
    .min(0)
    .nullable()
    .describe(
      'The target (ratio 0–1, minutes, or dossiers per officer per year); null removes the unit’s own value (it inherits again)',
    ),
});

export function targetValueProblem(key: TargetKey, value: number): string | null {
  if (TARGETS[key].unit === 'ratio' && value > 1) return `Chỉ tiêu "${TARGETS[key].name}" là tỷ lệ từ 0 đến 1`;
  if (TARGETS[key].unit !== 'ratio' && value <= 0) return `Chỉ tiêu "${TARGETS[key].name}" phải lớn hơn 0`;
  return null;
}
