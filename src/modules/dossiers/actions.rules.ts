/**
 * What can happen to a dossier next: the state machine of processing, as pure data. Who may do
 * it (role and unit) is decided by the service with the policy; this file says what each action
 * does to the status and the current step, and when it is possible at all.
 */
import type { WorkflowStep } from '../workflows/workflow.steps.js';
import type { DossierStatus } from './status.rules.js';

export const DOSSIER_ACTIONS = [
  'accept', // tiếp nhận hồ sơ nộp trực tuyến (registered → received)
  'forward', // hoàn thành bước, chuyển bước tiếp theo
  'return', // trả lại bước trước
  'finish', // kết thúc xử lý ở bước cuối (→ processed)
  'returnResult', // trả kết quả cho người nộp (→ returned)
  'requestSupplement', // yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02; pauses the clock)
  'supply', // người nộp đã bổ sung (resumes the clock)
  'refuse', // từ chối giải quyết (mẫu 03)
  'withdraw', // người nộp rút hồ sơ
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

/** Statuses after which nothing but returning a result can happen. */
export const FINAL_STATUSES: readonly DossierStatus[] = ['refused', 'withdrawn', 'stopped', 'returned'];

export interface MachineState {
  status: DossierStatus;
  currentStepKey: string | null;
  steps: readonly WorkflowStep[];
}

export interface ActionParams {
  /** forward: which next step (needed when the step has several); return: which earlier step. */
  toStep?: string | undefined;
}

export type Transition =
  | { ok: true; toStatus: DossierStatus; toStepKey: string | null; endsStep: boolean }
  | { ok: false; code: 'ACTION_NOT_ALLOWED' | 'STEP_CHOICE_REQUIRED' | 'STEP_NOT_ALLOWED'; message: string };

const refuse = (message: string): Transition => ({ ok: false, code: 'ACTION_NOT_ALLOWED', message });

/** The first step: the one no other step forwards to (the workflow module validated there is one). */
export function startStep(steps: readonly WorkflowStep[]): WorkflowStep | null {
  const targets = new Set(steps.flatMap((s) => s.next));
  return steps.find((s) => !targets.has(s.key)) ?? null;
}

export function currentStep(state: MachineState): WorkflowStep | null {
  return state.steps.find((s) => s.key === state.currentStepKey) ?? null;
}

export function transition(action: DossierAction, state: MachineState, params: ActionParams = {}): Transition {
  const { status } = state;
  const step = currentStep(state);
  const working = status === 'received' || status === 'processing';
  switch (action) {
    case 'accept':
      if (status !== 'registered') return refuse('Chỉ tiếp nhận hồ sơ mới đăng ký trực tuyến');
      return { ok: true, toStatus: 'received', toStepKey: startStep(state.steps)?.key ?? null, endsStep: false };
    case 'forward': {
      if (!working || !step) return refuse('Hồ sơ không ở bước xử lý nào');
      if (!step.actions.includes('forward') || step.next.length === 0) return refuse(`Bước "${step.name}" không chuyển tiếp được; hãy kết thúc xử lý`);
      const to = params.toStep ?? (step.next.length === 1 ? step.next[0] : undefined);
      if (!to) return { ok: false, code: 'STEP_CHOICE_REQUIRED', message: `Chọn bước tiếp theo: ${step.next.join(', ')}` };
      if (!step.next.includes(to)) return { ok: false, code: 'STEP_NOT_ALLOWED', message: `Bước "${step.name}" không chuyển tới "${to}"` };
      return { ok: true, toStatus: 'processing', toStepKey: to, endsStep: true };
    }
    case 'return': {
      if (!working || !step) return refuse('Hồ sơ không ở bước xử lý nào');
      if (!step.actions.includes('return') || step.returnTo.length === 0) return refuse(`Bước "${step.name}" không được trả lại`);
      const to = params.toStep ?? (step.returnTo.length === 1 ? step.returnTo[0] : undefined);
      if (!to) return { ok: false, code: 'STEP_CHOICE_REQUIRED', message: `Chọn bước trả lại: ${step.returnTo.join(', ')}` };
      if (!step.returnTo.includes(to)) return { ok: false, code: 'STEP_NOT_ALLOWED', message: `Bước "${step.name}" không trả lại "${to}"` };
      return { ok: true, toStatus: 'processing', toStepKey: to, endsStep: true };
    }
    case 'finish':
      if (!working || !step) return refuse('Hồ sơ không ở bước xử lý nào');
      if (step.next.length > 0) return refuse(`Bước "${step.name}" chưa phải bước cuối`);
      return { ok: true, toStatus: 'processed', toStepKey: null, endsStep: true };
    case 'returnResult':
      if (status !== 'processed') return refuse('Chỉ trả kết quả khi hồ sơ đã xử lý xong');
      return { ok: true, toStatus: 'returned', toStepKey: null, endsStep: false };
    case 'requestSupplement':
      if (!working) return refuse('Chỉ yêu cầu bổ sung hồ sơ đang giải quyết');
      return { ok: true, toStatus: 'awaitingSupplement', toStepKey: state.currentStepKey, endsStep: false };
    case 'supply':
      if (status !== 'awaitingSupplement') return refuse('Hồ sơ không chờ bổ sung');
      return { ok: true, toStatus: 'processing', toStepKey: state.currentStepKey, endsStep: false };
    case 'refuse':
      if (!working && status !== 'registered' && status !== 'awaitingSupplement') return refuse('Hồ sơ đã kết thúc');
      return { ok: true, toStatus: 'refused', toStepKey: null, endsStep: step !== null };
    case 'withdraw':
      if (FINAL_STATUSES.includes(status) || status === 'processed') return refuse('Hồ sơ đã kết thúc');
      return { ok: true, toStatus: 'withdrawn', toStepKey: null, endsStep: step !== null };
  }
}

/** The actions the state allows (before asking who the caller is). */
export function possibleActions(state: MachineState): DossierAction[] {
  return DOSSIER_ACTIONS.filter((action) => {
    const result = transition(action, state);
    return result.ok || result.code === 'STEP_CHOICE_REQUIRED';
  });
}

/** early / onTime / late: finished before the due day, on it (up to the due instant), or after. */
export function timeliness(finishedAt: Date, dueAt: Date, dueDayStart: Date): 'early' | 'onTime' | 'late' {
  if (finishedAt.getTime() > dueAt.getTime()) return 'late';
  return finishedAt.getTime() < dueDayStart.getTime() ? 'early' : 'onTime';
}
