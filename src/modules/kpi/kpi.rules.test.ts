import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_CONFIG, INDICATOR_KEYS, type IndicatorKey, KpiConfig, TRACKED_INDICATORS } from './kpi.config.js';
import { type Count, gradeOf, indicatorPoints, ratioOf, scoreIndex } from './kpi.rules.js';

const ok = (numerator: number, denominator: number): Count => ({ numerator, denominator, available: true });

describe('indicator points', () => {
  it.each([
    ['proportional', ok(15, 20), 20, 1, 15],
    ['all on time', ok(20, 20), 20, 1, 20],
    ['none on time', ok(0, 20), 20, 1, 0],
    ['nothing due: no score (does not apply)', ok(0, 0), 20, 1, null],
    ['full at 80%, reached', ok(8, 10), 4, 0.8, 4],
    ['full at 80%, above', ok(9, 10), 4, 0.8, 4],
    ['full at 80%, half way', ok(4, 10), 4, 0.8, 2],
    ['full at 50%: 1 of 3 online', ok(1, 3), 4, 0.5, 2.67],
    ['two decimals', ok(1, 3), 6, 1, 2],
    ['two decimals, rounded', ok(2, 3), 20, 1, 13.33],
    ['unavailable: 0 points', { numerator: 0, denominator: 0, available: false }, 6, 1, 0],
  ])('%s', (_name, count, max, fullAt, points) => {
    expect(indicatorPoints(count, max, fullAt)).toBe(points);
  });

  it('ratio is null only without a denominator', () => {
    expect(ratioOf(0, 0)).toBeNull();
    expect(ratioOf(0, 5)).toBe(0);
    expect(ratioOf(5, 5)).toBe(1);
  });
});

describe('grade bands (highest first)', () => {
  it.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89.99, 'good'],
    [80, 'good'],
    [79.99, 'fair'],
    [70, 'fair'],
    [50, 'average'],
    [49.99, 'weak'],
    [0, 'weak'],
  ])('%d → %s', (total, grade) => {
    expect(gradeOf(total, DEFAULT_KPI_CONFIG.grades).key).toBe(grade);
  });
});

describe('the default configuration (docs/domain/DOMAIN.md §9)', () => {
  it('is valid, weighs 100 points, and names every known indicator exactly once (weighed or tracked)', () => {
    expect(KpiConfig.safeParse(DEFAULT_KPI_CONFIG).success).toBe(true);
    const keys = DEFAULT_KPI_CONFIG.groups.flatMap((g) => g.indicators.map((i) => i.key));
    // Tracked indicators (seed 003's prefilled forms) are computed beside the groups, without points.
    expect([...keys, ...TRACKED_INDICATORS.map((t) => t.key)].sort()).toEqual([...INDICATOR_KEYS].sort());
    const groupMax = Object.fromEntries(
      DEFAULT_KPI_CONFIG.groups.map((g) => [g.key, g.indicators.reduce((s, i) => s + i.max, 0)]),
    );
    expect(groupMax).toEqual({
      transparency: 18,
      progress: 20,
      onlineServices: 12,
      onlinePayment: 10,
      digitization: 22,
      satisfaction: 18,
    });
  });

  it('refuses a configuration that does not weigh 100, repeats an indicator or has bands out of order', () => {
    const heavier = structuredClone(DEFAULT_KPI_CONFIG);
    heavier.groups[1]!.indicators[0]!.max = 25;
    expect(KpiConfig.safeParse(heavier).error?.issues.map((i) => i.message)).toEqual([
      expect.stringContaining('100 (hiện là 105)'),
    ]);
    const repeated = structuredClone(DEFAULT_KPI_CONFIG);
    repeated.groups[1]!.indicators.push({ ...repeated.groups[1]!.indicators[0]!, max: 0 });
    expect(KpiConfig.safeParse(repeated).error?.issues.map((i) => i.message)).toContain(
      'Chỉ số progress.onTime xuất hiện nhiều lần',
    );
    const bands = structuredClone(DEFAULT_KPI_CONFIG);
    bands.grades = [
      { key: 'good', name: 'Tốt', min: 80 },
      { key: 'excellent', name: 'Xuất sắc', min: 90 },
    ];
    const messages = KpiConfig.safeParse(bands).error?.issues.map((i) => i.message);
    expect(messages).toContain('Các mức xếp loại phải theo thứ tự điểm giảm dần');
    expect(messages).toContain('Mức xếp loại thấp nhất phải bắt đầu từ 0 điểm');
    const unknown = structuredClone(DEFAULT_KPI_CONFIG) as unknown as { groups: { indicators: { key: string }[] }[] };
    unknown.groups[0]!.indicators[0]!.key = 'transparency.invented';
    expect(KpiConfig.safeParse(unknown).success).toBe(false);
  });
});

describe('scoreIndex', () => {
  const counts = (entries: [IndicatorKey, Count][]) => new Map(entries);

  it('sums indicators into groups and the total over the indicators that apply, and grades it', () => {
    const available: [IndicatorKey, Count][] = [
      ['transparency.publishedOnTime', ok(1, 2)], // 3
      ['transparency.updatedOnTime', ok(0, 0)], // does not apply (nothing due)
      ['transparency.completeParts', ok(2, 2)], // 2
      ['progress.onTime', ok(3, 4)], // 15
      ['online.proceduresOnline', ok(4, 10)], // 4 × 0.4/0.8 = 2
      ['online.servicesWithDossiers', ok(1, 4)], // 1
      ['online.dossiersOnline', ok(1, 2)], // 4 (full at 50%)
      ['digitization.eResult', ok(1, 1)], // 6
      ['digitization.digitized', ok(1, 2)], // 2
      ['digitization.reuse', ok(0, 2)], // 0
    ];
    const s = scoreIndex(DEFAULT_KPI_CONFIG, counts(available));
    const group = (k: string) => s.groups.find((g) => g.key === k)!;
    expect(group('transparency')).toMatchObject({ points: 5, max: 18, applicableMax: 14 });
    expect(group('progress')).toMatchObject({ points: 15, max: 20 });
    expect(group('onlineServices')).toMatchObject({ points: 7, max: 12 });
    expect(group('digitization')).toMatchObject({ points: 8, max: 22 });
    expect(group('onlinePayment')).toMatchObject({ points: 0, max: 10 });
    // 35 points of the 96 that apply (updatedOnTime's 4 do not), on the 100-point scale.
    expect(s).toMatchObject({ total: 36.46, grade: 'weak', applicable: 20, indicatorCount: 21, noData: false });
    const updated = group('transparency').indicators.find((i) => i.key === 'transparency.updatedOnTime')!;
    expect(updated).toMatchObject({ ratio: null, points: null, applies: false });
    // An indicator without a count is unavailable: 0/0, ratio null, 0 points.
    const synced = group('transparency').indicators.find((i) => i.key === 'transparency.synced')!;
    expect(synced).toMatchObject({ numerator: 0, denominator: 0, ratio: null, points: 0, available: false });
  });

  it('keeps the note of an unavailable indicator and never gives it a ratio', () => {
    const s = scoreIndex(
      DEFAULT_KPI_CONFIG,
      counts([
        ['payment.dossiersPaidOnline', { numerator: 0, denominator: 0, available: false, note: 'Chưa có dữ liệu' }],
      ]),
    );
    const ind = s.groups.find((g) => g.key === 'onlinePayment')!.indicators[0]!;
    expect(ind).toMatchObject({ note: 'Chưa có dữ liệu', ratio: null, points: 0 });
  });

  it('a period without dossiers (empty progress base) has no total and no grade, whatever else applies', () => {
    const s = scoreIndex(
      DEFAULT_KPI_CONFIG,
      counts([
        ['progress.onTime', ok(0, 0)],
        ['online.proceduresOnline', ok(8, 10)],
      ]),
    );
    expect(s).toMatchObject({ noData: true, total: null, grade: null, gradeName: null });
    expect(s.groups.find((g) => g.key === 'onlineServices')!.points).toBe(4);
  });

  it('every indicator applying and at full marks is 100, none at all is 0', () => {
    const full = counts(INDICATOR_KEYS.map((k) => [k, ok(1, 1)]));
    expect(scoreIndex(DEFAULT_KPI_CONFIG, full)).toMatchObject({ total: 100, applicable: 21, noData: false });
    const none = counts(INDICATOR_KEYS.map((k) => [k, ok(0, 1)]));
    expect(scoreIndex(DEFAULT_KPI_CONFIG, none).total).toBe(0);
  });
});
