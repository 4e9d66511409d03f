/**
 * Pure rules of internal workflows (quy trình nội bộ): validation of a steps document and the
 * time it takes along its longest path. No database, no clock.
 *
 * Decisions (documented in docs/ARCHITECTURE.md, "Workflows"):
 * - The graph is the `next` edges. The start is the one step nothing forwards to; end steps have
 *   no `next`. Forward edges must not form a cycle (going back is the `return` action, which only
 *   targets earlier steps = steps from which this one can be reached going forward).
 * - Time of a step = max(its own allotment, each of its parallel consultations): consultations
 *   start with the main step and the main step forwards only when all have answered, so they
 *   cost the path only what the longest branch exceeds the main step by.
 * - Path time = the longest start→end path in working minutes. Working days convert with the
 *   calendar's working minutes per day (450 for 07:30–11:30, 13:30–17:00 — 7.5 h, not 8 h).
 * - Legal limits are checked per channel (counter, online, postal): one workflow serves every
 *   channel, so it must fit each of them — which is the same as fitting the smallest, but the
 *   problem names the channel that is exceeded.
 * - A limit in calendar days (`days`) cannot be compared exactly with working time: how many
 *   working days N calendar days hold depends on the date (Tết). N calendar days hold at most N
 *   working days, so N days is checked as N working days — an upper bound: a workflow over it
 *   certainly cannot fit, one under it may still run late over holidays. That is said in a
 *   warning (non-blocking) with the ordinary-week estimate ⌊N × 5 / 7⌋. `months` are 31 days each
 *   for the same upper bound.
 */
import type { Channel } from '../catalog/procedure.content.js';
import type { Role } from '../../kernel/context.js';
import type { Allotment, WorkflowStep } from './workflow.steps.js';

export type LimitUnit = 'workingDays' | 'workingHours' | 'days' | 'months';

/** Thời hạn giải quyết of one channel of the procedure version. */
export interface ChannelTimeLimit {
  channel: Channel;
  value: number;
  unit: LimitUnit;
}

export const PROBLEM_CODES = [
  'STEPS_EMPTY',
  'DUPLICATE_KEY',
  'NO_START',
  'MULTIPLE_STARTS',
  'NEXT_NOT_FOUND',
  'FORWARD_CYCLE',
  'UNREACHABLE_STEP',
  'NO_END_STEP',
  'CANNOT_REACH_END',
  'FORWARD_NOT_ALLOWED',
  'RETURN_TARGETS_MISSING',
  'RETURN_NOT_ALLOWED',
  'RETURN_TARGET_NOT_FOUND',
  'RETURN_NOT_EARLIER',
  'ASSIGNEE_ROLE_INVALID',
  'UNKNOWN_UNIT',
  'UNKNOWN_USER',
  'ALLOTMENT_HALF_DAYS',
  'ALLOTMENT_WHOLE_MINUTES',
  'OVER_TIME_LIMIT',
  'TIME_LIMIT_CALENDAR_DAYS',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  code: ProblemCode;
  /** Where in the request, e.g. ['steps', 2, 'next', 0]. */
  path: (string | number)[];
  message: string;
  /** Errors block approval; warnings inform. */
  severity: 'error' | 'warning';
  details?: Record<string, unknown>;
}

export interface ValidationContext {
  timeLimits: readonly ChannelTimeLimit[];
  /** Working minutes of one working day (from the calendar's working periods). */
  minutesPerWorkingDay: number;
  /** When given, unit ids (step and consultation units) must be among them. */
  knownUnitIds?: ReadonlySet<string>;
  /** When given, named officials must be among them (active staff). */
  knownUserIds?: ReadonlySet<string>;
}

export interface ChannelCheck extends ChannelTimeLimit {
  /** The limit as working minutes (an upper bound for calendar days; see the file comment). */
  limitMinutes: number;
  withinLimit: boolean | null;
}

export interface ValidationResult {
  valid: boolean;
  problems: Problem[];
  /** Longest start→end path in working minutes; null when the graph has no single acyclic path structure. */
  pathMinutes: number | null;
  longestPath: string[];
  channels: ChannelCheck[];
}

/** Roles that can work a step: staff roles (a citizen never works inside the administration). */
const STAFF_ROLES: ReadonlySet<Role> = new Set<Role>([
  'one_stop_officer',
  'postal_officer',
  'processing_official',
  'unit_leader',
  'procedure_control_officer',
  'system_admin',
]);

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function allotmentMinutes(a: Pick<Allotment, 'value' | 'unit'>, minutesPerWorkingDay: number): number {
  return round3(a.unit === 'workingDays' ? a.value * minutesPerWorkingDay : a.value * 60);
}

/** A step occupies the path for its own allotment or its longest parallel consultation, whichever is longer. */
export function stepMinutes(
  step: Pick<WorkflowStep, 'allotment' | 'consultations'>,
  minutesPerWorkingDay: number,
): number {
  return Math.max(
    allotmentMinutes(step.allotment, minutesPerWorkingDay),
    ...step.consultations.map((c) => allotmentMinutes(c.allotment, minutesPerWorkingDay)),
  );
}

/** The legal limit as working minutes; calendar days/months as the upper bound N (31 N) working days. */
export function limitMinutes(limit: Pick<ChannelTimeLimit, 'value' | 'unit'>, minutesPerWorkingDay: number): number {
  switch (limit.unit) {
    case 'workingHours':
      return round3(limit.value * 60);
    case 'workingDays':
    case 'days':
      return round3(limit.value * minutesPerWorkingDay);
    case 'months':
      return round3(limit.value * 31 * minutesPerWorkingDay);
  }
}

/** Working days N calendar days usually hold (ordinary weeks, no holidays): ⌊N × 5 / 7⌋. */
export function typicalWorkingDays(limit: Pick<ChannelTimeLimit, 'value' | 'unit'>): number {
  if (limit.unit === 'workingDays') return limit.value;
  if (limit.unit === 'workingHours') return 0;
  const days = limit.unit === 'months' ? limit.value * 30 : limit.value;
  return Math.floor((days * 5) / 7);
}

/** "2 ngày làm việc", "4 giờ làm việc", "1 ngày làm việc 2 giờ 15 phút". */
export function describeMinutes(minutes: number, minutesPerWorkingDay: number): string {
  const days = Math.floor(minutes / minutesPerWorkingDay + 1e-9);
  const rest = Math.round(minutes - days * minutesPerWorkingDay);
  const hours = Math.floor(rest / 60);
  const mins = rest % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} ngày`);
  if (hours > 0) parts.push(`${hours} giờ`);
  if (mins > 0) parts.push(`${mins} phút`);
  if (parts.length === 0) return '0 giờ làm việc';
  return days > 0
    ? `${parts[0]} làm việc${parts.length > 1 ? ` ${parts.slice(1).join(' ')}` : ''}`
    : `${parts.join(' ')} làm việc`;
}

const LIMIT_UNIT_LABEL: Record<LimitUnit, string> = {
  workingDays: 'ngày làm việc',
  workingHours: 'giờ làm việc',
  days: 'ngày',
  months: 'tháng',
};
const CHANNEL_LABEL: Record<Channel, string> = { counter: 'trực tiếp', online: 'trực tuyến', postal: 'bưu chính' };

/** Validates a steps document; returns every problem found, each with its path. */
export function validateWorkflow(steps: readonly WorkflowStep[], ctx: ValidationContext): ValidationResult {
  const problems: Problem[] = [];
  const error = (code: ProblemCode, path: Problem['path'], message: string, details?: Record<string, unknown>) =>
    problems.push({ code, path, message, severity: 'error', ...(details ? { details } : {}) });

  if (steps.length === 0) {
    error('STEPS_EMPTY', ['steps'], 'Quy trình phải có ít nhất một bước.');
    return { valid: false, problems, pathMinutes: null, longestPath: [], channels: [] };
  }

  // Keys: unique across main steps and consultations (a dossier's history names steps by key).
  const index = new Map<string, number>();
  const allKeys = new Set<string>();
  steps.forEach((step, i) => {
    if (allKeys.has(step.key)) {
      error('DUPLICATE_KEY', ['steps', i, 'key'], `Mã bước "${step.key}" bị trùng.`, { key: step.key });
    } else {
      allKeys.add(step.key);
      index.set(step.key, i);
    }
    step.consultations.forEach((c, j) => {
      if (allKeys.has(c.key)) {
        error('DUPLICATE_KEY', ['steps', i, 'consultations', j, 'key'], `Mã bước "${c.key}" bị trùng.`, { key: c.key });
      } else allKeys.add(c.key);
    });
  });

  // Forward edges among the first occurrence of each key.
  const n = steps.length;
  const edges: number[][] = steps.map(() => []);
  const isFirst = (i: number) => index.get(steps[i]!.key) === i;
  steps.forEach((step, i) => {
    step.next.forEach((key, j) => {
      const target = index.get(key);
      if (target === undefined) {
        error(
          'NEXT_NOT_FOUND',
          ['steps', i, 'next', j],
          `Bước "${step.name}" chuyển tới bước "${key}" không tồn tại.`,
          { key },
        );
      } else if (isFirst(i) && !edges[i]!.includes(target)) edges[i]!.push(target);
    });
  });
  const inDegree = new Array<number>(n).fill(0);
  // A self loop is reported as a cycle; it does not also make the step "not a start".
  edges.forEach((targets, from) => {
    for (const t of targets) if (t !== from) inDegree[t]! += 1;
  });

  const starts = [...Array(n).keys()].filter((i) => isFirst(i) && inDegree[i] === 0);
  if (starts.length === 0) {
    error('NO_START', ['steps'], 'Quy trình không có bước bắt đầu (mọi bước đều có bước khác chuyển tới).');
  } else if (starts.length > 1) {
    error(
      'MULTIPLE_STARTS',
      ['steps'],
      `Quy trình chỉ được có một bước bắt đầu; đang có ${starts.length}: ${starts.map((i) => steps[i]!.key).join(', ')}.`,
      { keys: starts.map((i) => steps[i]!.key) },
    );
  }

  const cyclic = findBackEdges(edges);
  for (const [from, to] of cyclic) {
    const j = steps[from]!.next.indexOf(steps[to]!.key);
    error(
      'FORWARD_CYCLE',
      ['steps', from, 'next', j],
      `Bước "${steps[from]!.name}" chuyển tiếp về bước "${steps[to]!.name}" tạo thành vòng lặp; dùng thao tác "trả lại" để quay về bước trước.`,
      { from: steps[from]!.key, to: steps[to]!.key },
    );
  }

  if (starts.length === 1) {
    const reached = reach(edges, [starts[0]!]);
    steps.forEach((step, i) => {
      if (isFirst(i) && !reached.has(i)) {
        error('UNREACHABLE_STEP', ['steps', i], `Bước "${step.name}" không thể đến được từ bước bắt đầu.`, {
          key: step.key,
        });
      }
    });
  }

  const ends = [...Array(n).keys()].filter((i) => isFirst(i) && steps[i]!.next.length === 0);
  if (ends.length === 0) error('NO_END_STEP', ['steps'], 'Quy trình không có bước kết thúc (bước không chuyển tiếp).');
  const reverse: number[][] = steps.map(() => []);
  edges.forEach((targets, from) => {
    for (const t of targets) reverse[t]!.push(from);
  });
  const reachesEnd = reach(reverse, ends);
  steps.forEach((step, i) => {
    if (isFirst(i) && ends.length > 0 && !reachesEnd.has(i)) {
      error('CANNOT_REACH_END', ['steps', i], `Từ bước "${step.name}" không có đường đến bước kết thúc.`, {
        key: step.key,
      });
    }
  });

  // Actions and return targets.
  steps.forEach((step, i) => {
    if (step.next.length > 0 && !step.actions.includes('forward')) {
      error(
        'FORWARD_NOT_ALLOWED',
        ['steps', i, 'actions'],
        `Bước "${step.name}" có bước tiếp theo nên phải cho phép thao tác "chuyển tiếp".`,
      );
    }
    const allowsReturn = step.actions.includes('return');
    if (allowsReturn && step.returnTo.length === 0) {
      error(
        'RETURN_TARGETS_MISSING',
        ['steps', i, 'returnTo'],
        `Bước "${step.name}" cho phép "trả lại" nhưng chưa chọn bước được trả về.`,
      );
    }
    if (!allowsReturn && step.returnTo.length > 0) {
      error(
        'RETURN_NOT_ALLOWED',
        ['steps', i, 'returnTo'],
        `Bước "${step.name}" có bước trả về nhưng không cho phép thao tác "trả lại".`,
      );
    }
    if (step.returnTo.length === 0) return;
    const earlier = isFirst(i) ? reach(reverse, [i]) : new Set<number>();
    earlier.delete(i);
    step.returnTo.forEach((key, j) => {
      const target = index.get(key);
      if (target === undefined) {
        error('RETURN_TARGET_NOT_FOUND', ['steps', i, 'returnTo', j], `Bước trả về "${key}" không tồn tại.`, { key });
      } else if (!earlier.has(target)) {
        error(
          'RETURN_NOT_EARLIER',
          ['steps', i, 'returnTo', j],
          `Bước "${step.name}" chỉ được trả lại bước trước nó; "${steps[target]!.name}" không phải bước trước.`,
          { key },
        );
      }
    });
  });

  // Assignees, units, allotments.
  steps.forEach((step, i) => {
    if ('role' in step.assignee && !STAFF_ROLES.has(step.assignee.role)) {
      error(
        'ASSIGNEE_ROLE_INVALID',
        ['steps', i, 'assignee', 'role'],
        'Bước phải do cán bộ, công chức thực hiện, không thể giao cho công dân.',
      );
    }
    if ('userId' in step.assignee && ctx.knownUserIds && !ctx.knownUserIds.has(step.assignee.userId)) {
      error(
        'UNKNOWN_USER',
        ['steps', i, 'assignee', 'userId'],
        'Không tìm thấy cán bộ được phân công (hoặc tài khoản đã bị khóa).',
        { userId: step.assignee.userId },
      );
    }
    if (step.unitId && ctx.knownUnitIds && !ctx.knownUnitIds.has(step.unitId)) {
      error(
        'UNKNOWN_UNIT',
        ['steps', i, 'unitId'],
        'Không tìm thấy đơn vị thực hiện bước (hoặc đơn vị đã hết hiệu lực).',
        { unitId: step.unitId },
      );
    }
    checkAllotment(step.allotment, ['steps', i, 'allotment'], error);
    step.consultations.forEach((c, j) => {
      const path = ['steps', i, 'consultations', j];
      if (c.role && !STAFF_ROLES.has(c.role)) {
        error('ASSIGNEE_ROLE_INVALID', [...path, 'role'], 'Bước xin ý kiến phải do cán bộ, công chức thực hiện.');
      }
      if (ctx.knownUnitIds && !ctx.knownUnitIds.has(c.unitId)) {
        error(
          'UNKNOWN_UNIT',
          [...path, 'unitId'],
          'Không tìm thấy đơn vị được xin ý kiến (hoặc đơn vị đã hết hiệu lực).',
          { unitId: c.unitId },
        );
      }
      checkAllotment(c.allotment, [...path, 'allotment'], error);
    });
  });

  // Time along the longest path, against each channel's legal limit.
  const mpd = ctx.minutesPerWorkingDay;
  let pathMinutes: number | null = null;
  let longestPath: string[] = [];
  if (starts.length === 1 && cyclic.length === 0) {
    const longest = longestPathFrom(starts[0]!, edges, (i) => stepMinutes(steps[i]!, mpd));
    pathMinutes = round3(longest.minutes);
    longestPath = longest.path.map((i) => steps[i]!.key);
  }
  const channels: ChannelCheck[] = ctx.timeLimits.map((limit, c) => {
    const minutes = limitMinutes(limit, mpd);
    const within = pathMinutes === null ? null : pathMinutes <= minutes + 1e-6;
    const label = `${limit.value} ${LIMIT_UNIT_LABEL[limit.unit]}`;
    const channel = CHANNEL_LABEL[limit.channel];
    if (within === false) {
      error(
        'OVER_TIME_LIMIT',
        ['steps'],
        `Tổng thời gian các bước trên nhánh dài nhất (${describeMinutes(pathMinutes!, mpd)}) vượt thời hạn giải quyết ${label} của cách thức ${channel}.`,
        {
          channel: limit.channel,
          limit: { value: limit.value, unit: limit.unit },
          limitMinutes: minutes,
          pathMinutes,
          longestPath,
        },
      );
    }
    if (limit.unit === 'days' || limit.unit === 'months') {
      problems.push({
        code: 'TIME_LIMIT_CALENDAR_DAYS',
        path: ['timeLimits', c],
        severity: 'warning',
        message: `Thời hạn ${label} (cách thức ${channel}) tính theo ngày lịch: đã kiểm tra với tối đa ${describeMinutes(minutes, mpd)}; thực tế thường chỉ có khoảng ${typicalWorkingDays(limit)} ngày làm việc, ít hơn nếu có ngày nghỉ lễ.`,
        details: { channel: limit.channel, upperBoundMinutes: minutes, typicalWorkingDays: typicalWorkingDays(limit) },
      });
    }
    return { ...limit, limitMinutes: minutes, withinLimit: within };
  });

  return { valid: !problems.some((p) => p.severity === 'error'), problems, pathMinutes, longestPath, channels };
}

function checkAllotment(
  a: Allotment,
  path: Problem['path'],
  error: (code: ProblemCode, path: Problem['path'], message: string, details?: Record<string, unknown>) => void,
) {
  // The calendar counts working days in halves (0.5 day = half the day's working minutes).
  if (a.unit === 'workingDays' && !Number.isInteger(a.value * 2)) {
    error(
      'ALLOTMENT_HALF_DAYS',
      [...path, 'value'],
      'Thời gian theo ngày làm việc chỉ nhận bội số của 0,5 ngày; dùng giờ làm việc cho mức nhỏ hơn.',
      { value: a.value },
    );
  }
  if (a.unit === 'workingHours' && Math.abs(a.value * 60 - Math.round(a.value * 60)) > 1e-6) {
    error('ALLOTMENT_WHOLE_MINUTES', [...path, 'value'], 'Thời gian theo giờ làm việc phải tròn phút.', {
      value: a.value,
    });
  }
}

/** Nodes reachable from `from` (included) along `edges`. */
function reach(edges: readonly number[][], from: readonly number[]): Set<number> {
  const seen = new Set<number>(from);
  const stack = [...from];
  while (stack.length > 0) {
    for (const t of edges[stack.pop()!]!) {
      if (!seen.has(t)) {
        seen.add(t);
        stack.push(t);
      }
    }
  }
  return seen;
}

/** Edges [from, to] that close a cycle (back edges of a depth-first search over every node). */
function findBackEdges(edges: readonly number[][]): [number, number][] {
  const state = new Array<0 | 1 | 2>(edges.length).fill(0); // unvisited / on the stack / done
  const back: [number, number][] = [];
  for (let root = 0; root < edges.length; root += 1) {
    if (state[root] !== 0) continue;
    // Iterative DFS: [node, next edge position].
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [node, pos] = top;
      if (pos < edges[node]!.length) {
        top[1] += 1;
        const t = edges[node]![pos]!;
        if (state[t] === 1) back.push([node, t]);
        else if (state[t] === 0) {
          state[t] = 1;
          stack.push([t, 0]);
        }
      } else {
        state[node] = 2;
        stack.pop();
      }
    }
  }
  return back;
}

/** Longest path from `start` in an acyclic graph, weighting nodes. */
function longestPathFrom(
  start: number,
  edges: readonly number[][],
  weight: (i: number) => number,
): { minutes: number; path: number[] } {
  const memo = new Map<number, { minutes: number; path: number[] }>();
  const visit = (i: number): { minutes: number; path: number[] } => {
    const known = memo.get(i);
    if (known) return known;
    let best: { minutes: number; path: number[] } = { minutes: 0, path: [] };
    for (const t of edges[i]!) {
      const sub = visit(t);
      if (sub.minutes > best.minutes || best.path.length === 0) best = sub;
    }
    const result = { minutes: weight(i) + best.minutes, path: [i, ...best.path] };
    memo.set(i, result);
    return result;
  };
  return visit(start);
}
