/**
 * The standard four-step workflow (quy trình mẫu) the demo gives every procedure at every
 * competent unit: Tiếp nhận (one-stop unit) → Thụ lý (processing official) → Phê duyệt (leader)
 * → Trả kết quả (one-stop unit), with allotments fitted inside the legal limit. Pure.
 */
import type { WorkflowStep } from './workflow.steps.js';

/** Shares of the limit: reception and return are short, processing gets the bulk. */
const SHARES = [0.1, 0.6, 0.2, 0.1] as const;
const PROCESSING = 1;

/**
 * Splits `limitMinutes` among the four steps in proportion to SHARES, in half working days when
 * the limit holds at least 4 of them (2 working days: one half day per step at least), else in
 * quarter hours (a 4-working-hour limit: 0.25 h, 2.75 h, 0.75 h, 0.25 h). Every step gets at
 * least one tick; rounding leftovers go to processing, so the sum never exceeds the limit.
 */
export function splitAllotments(limitMinutes: number, minutesPerWorkingDay: number): WorkflowStep['allotment'][] {
  const halfDay = minutesPerWorkingDay / 2;
  const inDays = Math.floor(limitMinutes / halfDay + 1e-9) >= 4;
  const tick = inDays ? halfDay : 15;
  const total = Math.floor(limitMinutes / tick + 1e-9);
  if (total < SHARES.length)
    throw new Error(`limit of ${limitMinutes} minutes is too short for ${SHARES.length} steps`);
  const ticks = SHARES.map((s) => Math.max(1, Math.floor(s * total)));
  let sum = ticks.reduce((a, b) => a + b, 0);
  while (sum > total) {
    const largest = ticks.indexOf(Math.max(...ticks));
    ticks[largest]! -= 1;
    sum -= 1;
  }
  ticks[PROCESSING]! += total - sum;
  return ticks.map((t) =>
    inDays ? { value: t / 2, unit: 'workingDays' as const } : { value: t / 4, unit: 'workingHours' as const },
  );
}

/**
 * The steps. `oneStopUnitId` null = reception happens at the competent unit itself (a commune's
 * one-stop section); processing and approval are at the competent unit (unitId null).
 */
export function standardWorkflowSteps(
  oneStopUnitId: string | null,
  limitMinutes: number,
  minutesPerWorkingDay: number,
): WorkflowStep[] {
  const [reception, processing, approval, delivery] = splitAllotments(limitMinutes, minutesPerWorkingDay);
  return [
    {
      key: 'tiep-nhan',
      name: 'Tiếp nhận hồ sơ',
      unitId: oneStopUnitId,
      assignee: { role: 'one_stop_officer' },
      allotment: reception!,
      actions: ['forward'],
      next: ['thu-ly'],
      returnTo: [],
      consultations: [],
    },
    {
      key: 'thu-ly',
      name: 'Thụ lý, thẩm định hồ sơ',
      unitId: null,
      assignee: { role: 'processing_official' },
      allotment: processing!,
      actions: ['forward', 'return', 'consult', 'transfer'],
      next: ['phe-duyet'],
      returnTo: ['tiep-nhan'],
      consultations: [],
    },
    {
      key: 'phe-duyet',
      name: 'Phê duyệt, ký kết quả',
      unitId: null,
      assignee: { role: 'unit_leader' },
      allotment: approval!,
      actions: ['forward', 'return'],
      next: ['tra-ket-qua'],
      returnTo: ['thu-ly'],
      consultations: [],
    },
    {
      key: 'tra-ket-qua',
      name: 'Trả kết quả',
      unitId: oneStopUnitId,
      assignee: { role: 'one_stop_officer' },
      allotment: delivery!,
      actions: [],
      next: [],
      returnTo: [],
      consultations: [],
    },
  ];
}
