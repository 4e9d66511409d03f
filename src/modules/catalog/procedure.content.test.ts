import { describe, expect, it } from 'vitest';
import { fullyOnlineEligible, ProcedureContent } from './procedure.content.js';

const content = (onlineLevel: 'full' | 'partial' | 'none', flag?: boolean) => ({
  name: 'Thủ tục thử',
  fieldCode: 'TP',
  levels: ['province'],
  channels: [
    { channel: 'counter', timeLimit: { value: 5, unit: 'workingDays' }, fees: [] },
    { channel: 'online', timeLimit: { value: 5, unit: 'workingDays' }, fees: [] },
  ],
  components: [],
  applicantTypes: ['citizen'],
  result: { name: 'Giấy xác nhận', electronic: true, paper: false },
  legalBasis: [],
  onlineLevel,
  ...(flag === undefined ? {} : { fullyOnlineEligible: flag }),
  postal: false,
  locationIndependent: false,
  interAgency: false,
  competentUnitIds: ['7f000000-0000-4000-8000-000000000001'],
});

describe('fullyOnlineEligible (đủ điều kiện DVC trực tuyến toàn trình)', () => {
  it.each([
    ['full', undefined, true],
    ['partial', undefined, true],
    ['none', undefined, false],
    ['partial', false, false],
    ['none', true, true],
    ['full', true, true],
  ] as const)('online level %s, flag %s → %s', (level, flag, eligible) => {
    const parsed = ProcedureContent.parse(content(level, flag));
    expect(fullyOnlineEligible(parsed)).toBe(eligible);
  });

  it('a procedure offered fully online cannot be declared ineligible', () => {
    const result = ProcedureContent.safeParse(content('full', false));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['fullyOnlineEligible']);
  });
});
