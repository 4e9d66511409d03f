import { describe, expect, it } from 'vitest';
import {
  allotmentMinutes,
  describeMinutes,
  limitMinutes,
  type ChannelTimeLimit,
  type ProblemCode,
  type ValidationContext,
  validateWorkflow,
} from './workflow.rules.js';
import { WorkflowStep, type WorkflowStepInput } from './workflow.steps.js';
import { calendarDaysBetween, nthDayAfter, workflowCompliance, WORKFLOW_DEADLINES } from './compliance.rules.js';
import { splitAllotments, standardWorkflowSteps } from './standard-workflow.rules.js';

const MPD = 450; // 07:30–11:30, 13:30–17:00
const UNIT_A = '00000000-0000-4000-8000-00000000000a';
const UNIT_B = '00000000-0000-4000-8000-00000000000b';
const USER_X = '00000000-0000-4000-8000-0000000000f1';

/** A step with defaults: processing official at the competent unit, 1 working day, forward only. */
function step(key: string, next: string[] = [], over: Partial<WorkflowStepInput> = {}): WorkflowStep {
  return WorkflowStep.parse({
    key,
    name: `Bước ${key}`,
    unitId: null,
    assignee: { role: 'processing_official' },
    allotment: { value: 1, unit: 'workingDays' },
    actions: next.length > 0 ? ['forward'] : [],
    next,
    ...over,
  });
}

const days = (value: number, channel: ChannelTimeLimit['channel'] = 'counter'): ChannelTimeLimit => ({
  channel,
  value,
  unit: 'workingDays',
});
const ctx = (
  timeLimits: ChannelTimeLimit[] = [days(10)],
  extra: Partial<ValidationContext> = {},
): ValidationContext => ({
  timeLimits,
  minutesPerWorkingDay: MPD,
  ...extra,
});
const codes = (steps: WorkflowStep[], c = ctx()) => validateWorkflow(steps, c).problems.map((p) => p.code);
const errorsOf = (steps: WorkflowStep[], c = ctx()) =>
  validateWorkflow(steps, c).problems.filter((p) => p.severity === 'error');

const linear = () => [step('a', ['b']), step('b', ['c']), step('c', ['d']), step('d')];

describe('graph shape', () => {
  it('accepts a valid linear workflow and reports its longest path', () => {
    const result = validateWorkflow(linear(), ctx());
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.pathMinutes).toBe(4 * MPD);
    expect(result.longestPath).toEqual(['a', 'b', 'c', 'd']);
    expect(result.channels).toEqual([
      { channel: 'counter', value: 10, unit: 'workingDays', limitMinutes: 10 * MPD, withinLimit: true },
    ]);
  });

  it('accepts a single-step workflow (start and end at once)', () => {
    expect(validateWorkflow([step('only')], ctx()).valid).toBe(true);
  });

  it('refuses an empty workflow', () => {
    expect(codes([])).toEqual(['STEPS_EMPTY']);
  });

  it('reports duplicate keys, also between a main step and a consultation', () => {
    const steps = [
      step('a', ['b'], {
        consultations: [{ key: 'b', name: 'Xin ý kiến', unitId: UNIT_A, allotment: { value: 1, unit: 'workingDays' } }],
      }),
      step('b'),
      step('b'),
    ];
    const problems = validateWorkflow(steps, ctx()).problems.filter((p) => p.code === 'DUPLICATE_KEY');
    expect(problems.map((p) => p.path)).toEqual([
      ['steps', 1, 'key'],
      ['steps', 2, 'key'],
    ]);
  });

  it('reports a dangling next key with its path', () => {
    const problems = validateWorkflow([step('a', ['b', 'zzz']), step('b')], ctx()).problems;
    expect(problems).toEqual([
      expect.objectContaining({ code: 'NEXT_NOT_FOUND', path: ['steps', 0, 'next', 1], details: { key: 'zzz' } }),
    ]);
    expect(problems[0]!.message).toContain('không tồn tại');
  });

  it('reports two starts', () => {
    const problems = validateWorkflow([step('a', ['c']), step('b', ['c']), step('c')], ctx()).problems;
    expect(problems).toEqual([expect.objectContaining({ code: 'MULTIPLE_STARTS', details: { keys: ['a', 'b'] } })]);
  });

  it('reports a forward cycle at the edge that closes it, with no start when everything loops', () => {
    const looped = [step('a', ['b']), step('b', ['a'])];
    expect(codes(looped)).toEqual(expect.arrayContaining(['NO_START', 'FORWARD_CYCLE', 'NO_END_STEP']));
    const tail = [step('a', ['b']), step('b', ['c']), step('c', ['b', 'd']), step('d')];
    const problems = validateWorkflow(tail, ctx()).problems;
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'FORWARD_CYCLE',
        path: ['steps', 2, 'next', 0],
        details: { from: 'c', to: 'b' },
      }),
    ]);
    expect(validateWorkflow(tail, ctx()).pathMinutes).toBeNull();
  });

  it('reports a self loop as a cycle', () => {
    expect(codes([step('a', ['a', 'b']), step('b')])).toEqual(['FORWARD_CYCLE']);
  });

  it('reports steps that cannot be reached from the start', () => {
    // x ↔ y loop on their own: not starts, not reachable, and they never reach an end.
    const steps = [step('a', ['b']), step('b'), step('x', ['y']), step('y', ['x'])];
    const problems = validateWorkflow(steps, ctx()).problems;
    expect(problems.filter((p) => p.code === 'UNREACHABLE_STEP').map((p) => p.path)).toEqual([
      ['steps', 2],
      ['steps', 3],
    ]);
    expect(problems.filter((p) => p.code === 'CANNOT_REACH_END').map((p) => p.path)).toEqual([
      ['steps', 2],
      ['steps', 3],
    ]);
  });

  it('reports a branch that loops without reaching an end', () => {
    const steps = [step('a', ['b', 'x']), step('b'), step('x', ['y']), step('y', ['x'])];
    const result = validateWorkflow(steps, ctx());
    expect(result.problems.map((p) => [p.code, p.path])).toEqual(
      expect.arrayContaining([
        ['FORWARD_CYCLE', ['steps', 3, 'next', 0]],
        ['CANNOT_REACH_END', ['steps', 2]],
        ['CANNOT_REACH_END', ['steps', 3]],
      ]),
    );
    // a itself can reach the end through b: every step from which no end is reachable is listed, only those.
    expect(result.problems.some((p) => p.code === 'CANNOT_REACH_END' && p.path[1] === 0)).toBe(false);
  });

  it('accepts branches that join again (diamond) and takes the longest', () => {
    const steps = [
      step('a', ['short', 'long']),
      step('short', ['z'], { allotment: { value: 2, unit: 'workingHours' } }),
      step('long', ['z'], { allotment: { value: 3, unit: 'workingDays' } }),
      step('z'),
    ];
    const result = validateWorkflow(steps, ctx());
    expect(result.valid).toBe(true);
    expect(result.longestPath).toEqual(['a', 'long', 'z']);
    expect(result.pathMinutes).toBe(5 * MPD);
  });

  it('accepts several end steps (e.g. refusal and result)', () => {
    const steps = [step('a', ['refuse', 'grant']), step('refuse'), step('grant')];
    expect(validateWorkflow(steps, ctx()).valid).toBe(true);
  });

  it('requires the forward action on a step that has next steps', () => {
    const steps = [step('a', ['b'], { actions: [] }), step('b')];
    expect(validateWorkflow(steps, ctx()).problems).toEqual([
      expect.objectContaining({ code: 'FORWARD_NOT_ALLOWED', path: ['steps', 0, 'actions'] }),
    ]);
  });
});

describe('return to a previous step', () => {
  it('accepts returns to any earlier step, including across a branch', () => {
    const steps = [
      step('a', ['b']),
      step('b', ['c', 'd'], { actions: ['forward', 'return'], returnTo: ['a'] }),
      step('c', ['e'], { actions: ['forward', 'return'], returnTo: ['a', 'b'] }),
      step('d', ['e']),
      step('e', [], { actions: ['return'], returnTo: ['c', 'd', 'a'] }),
    ];
    expect(validateWorkflow(steps, ctx()).problems).toEqual([]);
  });

  it('refuses a return to a later step, to itself, to a parallel branch and to an unknown key', () => {
    const steps = [
      step('a', ['b', 'c'], { actions: ['forward', 'return'], returnTo: ['b', 'a'] }),
      step('b', ['d'], { actions: ['forward', 'return'], returnTo: ['c', 'nope'] }),
      step('c', ['d']),
      step('d'),
    ];
    const problems = validateWorkflow(steps, ctx()).problems.map((p) => [p.code, p.path]);
    expect(problems).toEqual([
      ['RETURN_NOT_EARLIER', ['steps', 0, 'returnTo', 0]],
      ['RETURN_NOT_EARLIER', ['steps', 0, 'returnTo', 1]],
      ['RETURN_NOT_EARLIER', ['steps', 1, 'returnTo', 0]],
      ['RETURN_TARGET_NOT_FOUND', ['steps', 1, 'returnTo', 1]],
    ]);
  });

  it('requires targets for the return action, and the action for targets', () => {
    const steps = [
      step('a', ['b']),
      step('b', ['c'], { actions: ['forward', 'return'] }),
      step('c', [], { returnTo: ['a'] }),
    ];
    expect(codes(steps)).toEqual(['RETURN_TARGETS_MISSING', 'RETURN_NOT_ALLOWED']);
  });
});

describe('assignees and units', () => {
  it('refuses a citizen as the assignee of a step or a consultation', () => {
    const steps = [
      step('a', [], {
        assignee: { role: 'citizen' },
        consultations: [
          { key: 'k', name: 'Ý kiến', unitId: UNIT_A, role: 'citizen', allotment: { value: 1, unit: 'workingDays' } },
        ],
      }),
    ];
    expect(validateWorkflow(steps, ctx()).problems.map((p) => p.path)).toEqual([
      ['steps', 0, 'assignee', 'role'],
      ['steps', 0, 'consultations', 0, 'role'],
    ]);
  });

  it('checks units and named officials against the known sets when given', () => {
    const steps = [
      step('a', ['b'], { unitId: UNIT_A, assignee: { userId: USER_X } }),
      step('b', [], {
        unitId: UNIT_B,
        consultations: [{ key: 'k', name: 'Ý kiến', unitId: UNIT_B, allotment: { value: 1, unit: 'workingDays' } }],
      }),
    ];
    expect(codes(steps)).toEqual([]);
    const known = ctx([days(10)], { knownUnitIds: new Set([UNIT_A]), knownUserIds: new Set() });
    expect(validateWorkflow(steps, known).problems.map((p) => [p.code, p.path])).toEqual([
      ['UNKNOWN_USER', ['steps', 0, 'assignee', 'userId']],
      ['UNKNOWN_UNIT', ['steps', 1, 'unitId']],
      ['UNKNOWN_UNIT', ['steps', 1, 'consultations', 0, 'unitId']],
    ]);
  });

  it('the step document refuses an assignee with both a role and an official (shape, 400)', () => {
    const parsed = WorkflowStep.safeParse({ ...step('a'), assignee: { role: 'unit_leader', userId: USER_X } });
    expect(parsed.success).toBe(false);
  });
});

describe('allotments and the legal time limit', () => {
  it('converts working days with the configured day length, not 8 hours', () => {
    expect(allotmentMinutes({ value: 1, unit: 'workingDays' }, MPD)).toBe(450);
    expect(allotmentMinutes({ value: 0.5, unit: 'workingDays' }, MPD)).toBe(225);
    expect(allotmentMinutes({ value: 7.5, unit: 'workingHours' }, MPD)).toBe(450);
    expect(limitMinutes({ value: 4, unit: 'workingHours' }, MPD)).toBe(240);
    expect(limitMinutes({ value: 3, unit: 'workingDays' }, 480)).toBe(1440);
  });

  it('fits exactly at the limit and fails one quarter hour over', () => {
    const exact = [
      step('a', ['b'], { allotment: { value: 9.5, unit: 'workingDays' } }),
      step('b', [], { allotment: { value: 3.75, unit: 'workingHours' } }),
    ];
    expect(validateWorkflow(exact, ctx()).valid).toBe(true);
    const over = [
      step('a', ['b'], { allotment: { value: 9.5, unit: 'workingDays' } }),
      step('b', [], { allotment: { value: 4, unit: 'workingHours' } }),
    ];
    const problems = validateWorkflow(over, ctx()).problems;
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'OVER_TIME_LIMIT',
        path: ['steps'],
        details: expect.objectContaining({
          channel: 'counter',
          limitMinutes: 4500,
          pathMinutes: 4515,
          longestPath: ['a', 'b'],
        }),
      }),
    ]);
    expect(problems[0]!.message).toContain('10 ngày làm việc');
  });

  it('8 working hours are more than one working day of 7.5 hours', () => {
    const steps = [step('a', [], { allotment: { value: 8, unit: 'workingHours' } })];
    expect(codes(steps, ctx([days(1)]))).toEqual(['OVER_TIME_LIMIT']);
    // …but fit a day of 8 hours (e.g. 07:00–11:00, 13:00–17:00).
    expect(codes(steps, { timeLimits: [days(1)], minutesPerWorkingDay: 480 })).toEqual([]);
  });

  it('a limit in working hours against allotments in days (4 working hours: half a day fits, one day does not)', () => {
    const hours4: ChannelTimeLimit = { channel: 'counter', value: 4, unit: 'workingHours' };
    expect(codes([step('a', [], { allotment: { value: 0.5, unit: 'workingDays' } })], ctx([hours4]))).toEqual([]);
    expect(codes([step('a', [], { allotment: { value: 1, unit: 'workingDays' } })], ctx([hours4]))).toEqual([
      'OVER_TIME_LIMIT',
    ]);
  });

  it('checks every channel and names the one exceeded (same as checking the smallest)', () => {
    const steps = [step('a', [], { allotment: { value: 5, unit: 'workingDays' } })];
    const result = validateWorkflow(steps, ctx([days(10, 'counter'), days(4, 'online'), days(7, 'postal')]));
    expect(result.problems.map((p) => p.details?.channel)).toEqual(['online']);
    expect(result.channels.map((c) => c.withinLimit)).toEqual([true, false, true]);
  });

  it('a parallel consultation counts only by how much it outlasts its main step', () => {
    const consult = (value: number) => [
      { key: 'yk', name: 'Lấy ý kiến Sở Xây dựng', unitId: UNIT_B, allotment: { value, unit: 'workingDays' as const } },
    ];
    const withShort = [
      step('a', ['b'], { allotment: { value: 3, unit: 'workingDays' }, consultations: consult(2) }),
      step('b'),
    ];
    expect(validateWorkflow(withShort, ctx()).pathMinutes).toBe(4 * MPD);
    const withLong = [
      step('a', ['b'], { allotment: { value: 3, unit: 'workingDays' }, consultations: consult(5) }),
      step('b'),
    ];
    expect(validateWorkflow(withLong, ctx()).pathMinutes).toBe(6 * MPD);
    // Two consultations beside one step run together: the longer one counts, not their sum.
    const two = [
      step('a', [], {
        allotment: { value: 1, unit: 'workingDays' },
        consultations: [
          ...consult(4),
          { key: 'yk2', name: 'Lấy ý kiến UBND xã', unitId: UNIT_A, allotment: { value: 6, unit: 'workingDays' } },
        ],
      }),
    ];
    expect(validateWorkflow(two, ctx()).pathMinutes).toBe(6 * MPD);
    expect(codes(two, ctx([days(5)]))).toEqual(['OVER_TIME_LIMIT']);
  });

  it('refuses working days that are not whole or half days, and hours that are not whole minutes', () => {
    const steps = [
      step('a', ['b'], { allotment: { value: 1.3, unit: 'workingDays' } }),
      step('b', [], { allotment: { value: 0.01, unit: 'workingHours' } }),
    ];
    expect(validateWorkflow(steps, ctx()).problems.map((p) => [p.code, p.path])).toEqual([
      ['ALLOTMENT_HALF_DAYS', ['steps', 0, 'allotment', 'value']],
      ['ALLOTMENT_WHOLE_MINUTES', ['steps', 1, 'allotment', 'value']],
    ]);
  });

  it('checks a limit in calendar days as at most that many working days, with a warning that does not block', () => {
    const days15: ChannelTimeLimit = { channel: 'counter', value: 15, unit: 'days' };
    const fits = validateWorkflow([step('a', [], { allotment: { value: 12, unit: 'workingDays' } })], ctx([days15]));
    expect(fits.valid).toBe(true);
    expect(fits.problems).toEqual([
      expect.objectContaining({
        code: 'TIME_LIMIT_CALENDAR_DAYS',
        severity: 'warning',
        path: ['timeLimits', 0],
        details: expect.objectContaining({ typicalWorkingDays: 10 }),
      }),
    ]);
    const over = validateWorkflow([step('a', [], { allotment: { value: 16, unit: 'workingDays' } })], ctx([days15]));
    expect(over.problems.map((p) => p.code)).toEqual(['OVER_TIME_LIMIT', 'TIME_LIMIT_CALENDAR_DAYS']);
    expect(over.valid).toBe(false);
  });

  it('treats months as 31 calendar days each for the upper bound', () => {
    expect(limitMinutes({ value: 1, unit: 'months' }, MPD)).toBe(31 * MPD);
    expect(
      codes(
        [step('a', [], { allotment: { value: 30, unit: 'workingDays' } })],
        ctx([{ channel: 'counter', value: 1, unit: 'months' }]),
      ),
    ).toEqual(['TIME_LIMIT_CALENDAR_DAYS']);
  });

  it('does not compute time over a cyclic graph', () => {
    const result = validateWorkflow([step('a', ['b']), step('b', ['a'])], ctx([days(1)]));
    expect(result.pathMinutes).toBeNull();
    expect(result.channels[0]!.withinLimit).toBeNull();
    expect(result.problems.some((p) => p.code === 'OVER_TIME_LIMIT')).toBe(false);
  });

  it('reports every problem at once, not the first only', () => {
    const steps = [
      step('a', ['b', 'ghost'], { allotment: { value: 20, unit: 'workingDays' } }),
      step('b', [], { actions: ['return'], returnTo: ['b'], assignee: { role: 'citizen' } }),
    ];
    expect(
      errorsOf(steps)
        .map((p) => p.code)
        .sort(),
    ).toEqual(
      (['ASSIGNEE_ROLE_INVALID', 'NEXT_NOT_FOUND', 'OVER_TIME_LIMIT', 'RETURN_NOT_EARLIER'] as ProblemCode[]).sort(),
    );
  });

  it('describes durations in Vietnamese working time', () => {
    expect(describeMinutes(450, MPD)).toBe('1 ngày làm việc');
    expect(describeMinutes(240, MPD)).toBe('4 giờ làm việc');
    expect(describeMinutes(450 + 135, MPD)).toBe('1 ngày làm việc 2 giờ 15 phút');
  });
});

describe('compliance with seed 002 (10 days to approve, 5 to activate)', () => {
  const calendarRule = { ...WORKFLOW_DEADLINES, dayKind: 'calendar' as const };
  it('defaults to calendar days (the plan says "ngày"), 10 and 5', () => {
    expect(WORKFLOW_DEADLINES).toEqual({ approvalDays: 10, activationDays: 5, dayKind: 'calendar' });
  });

  it('approved on the 10th day is on time, on the 11th late', () => {
    const base = { decisionSignedDate: '2026-03-02', activatedDate: null, today: '2026-04-01' };
    const onTime = workflowCompliance({ ...base, approvedDate: '2026-03-12' }, calendarRule, calendarDaysBetween);
    expect(onTime).toMatchObject({
      approvalDeadline: '2026-03-12',
      approvedWithinLimit: true,
      activationDeadline: '2026-03-17',
      activatedWithinLimit: false,
    });
    const late = workflowCompliance({ ...base, approvedDate: '2026-03-13' }, calendarRule, calendarDaysBetween);
    expect(late.approvedWithinLimit).toBe(false);
  });

  it('activation within 5 days of approval; not yet due is null, overdue is false', () => {
    const dates = { decisionSignedDate: '2026-03-02', approvedDate: '2026-03-05', today: '2026-03-08' };
    expect(
      workflowCompliance({ ...dates, activatedDate: '2026-03-10' }, calendarRule, calendarDaysBetween)
        .activatedWithinLimit,
    ).toBe(true);
    expect(
      workflowCompliance({ ...dates, activatedDate: '2026-03-11' }, calendarRule, calendarDaysBetween)
        .activatedWithinLimit,
    ).toBe(false);
    expect(
      workflowCompliance({ ...dates, activatedDate: null }, calendarRule, calendarDaysBetween).activatedWithinLimit,
    ).toBeNull();
    expect(
      workflowCompliance({ ...dates, activatedDate: null, today: '2026-03-11' }, calendarRule, calendarDaysBetween)
        .activatedWithinLimit,
    ).toBe(false);
  });

  it('a revision with no publication decision has no approval deadline', () => {
    const c = workflowCompliance(
      { decisionSignedDate: null, approvedDate: '2026-05-01', activatedDate: '2026-05-02', today: '2026-05-03' },
      calendarRule,
      calendarDaysBetween,
    );
    expect(c).toMatchObject({ approvalDeadline: null, approvedWithinLimit: null, activatedWithinLimit: true });
  });

  it('counts working days with the counter it is given (weekends skipped)', () => {
    // A toy counter: Monday–Friday only.
    const weekday = (d: string) => [1, 2, 3, 4, 5].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    const between = (from: string, to: string) => {
      let n = 0;
      for (let d = from; d < to; ) {
        d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        if (weekday(d)) n += 1;
      }
      return n;
    };
    const rule = { approvalDays: 10, activationDays: 5, dayKind: 'working' as const };
    // Signed Monday 2 Mar 2026: the 10th working day after it is Monday 16 Mar.
    expect(nthDayAfter('2026-03-02', 10, between)).toBe('2026-03-16');
    const c = workflowCompliance(
      {
        decisionSignedDate: '2026-03-02',
        approvedDate: '2026-03-16',
        activatedDate: '2026-03-23',
        today: '2026-03-30',
      },
      rule,
      between,
    );
    expect(c).toMatchObject({
      dayKind: 'working',
      approvedWithinLimit: true,
      activationDeadline: '2026-03-23',
      activatedWithinLimit: true,
    });
  });
});

describe('standard demo workflow', () => {
  it('splits a limit in half days when it holds at least 2 working days', () => {
    expect(splitAllotments(10 * MPD, MPD)).toEqual([
      { value: 1, unit: 'workingDays' },
      { value: 6, unit: 'workingDays' },
      { value: 2, unit: 'workingDays' },
      { value: 1, unit: 'workingDays' },
    ]);
    expect(splitAllotments(3 * MPD, MPD).map((a) => a.value)).toEqual([0.5, 1.5, 0.5, 0.5]);
  });

  it('splits a 4-working-hour limit in quarter hours', () => {
    const parts = splitAllotments(240, MPD);
    expect(parts.every((p) => p.unit === 'workingHours')).toBe(true);
    expect(parts.map((p) => p.value)).toEqual([0.25, 2.75, 0.75, 0.25]);
  });

  it.each([240, 450, 900, 1350, 3 * 450, 7 * 450, 20 * 450, 15 * 450])(
    'the standard steps fit a limit of %i minutes exactly or under',
    (minutes) => {
      const steps = standardWorkflowSteps(UNIT_A, minutes, MPD);
      const result = validateWorkflow(steps, {
        timeLimits: [{ channel: 'counter', value: minutes / 60, unit: 'workingHours' }],
        minutesPerWorkingDay: MPD,
      });
      expect(result.problems).toEqual([]);
      expect(result.pathMinutes).toBeLessThanOrEqual(minutes);
      expect(result.pathMinutes).toBeGreaterThan(minutes - 60);
    },
  );
});
