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
  'requestConsultation', // xin ý kiến đơn vị khác (song song, mỗi đơn vị một thời hạn)
  'answerConsultation', // đơn vị được xin ý kiến trả lời
  'transfer', // chuyển cơ quan có thẩm quyền khác giải quyết (liên thông)
  'requestPayment', // yêu cầu thực hiện nghĩa vụ tài chính (pauses the clock)
  'confirmPayment', // xác nhận đã thực hiện nghĩa vụ tài chính (resumes the clock)
  'stop', // dừng giải quyết hồ sơ (mẫu 05)
  'apologize', // văn bản xin lỗi, hẹn lại ngày trả kết quả (mẫu 04)
  'signResult', // phê duyệt, ký số kết quả giải quyết, chuyển bước tiếp theo (or → processed at the last step)
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
  /** forward, signResult: which next step (needed when the step has several); return: which earlier step. */
  toStep?: string | undefined;
  /** transfer: the steps of the receiving unit's workflow (the dossier starts at its first step). */
  targetSteps?: readonly WorkflowStep[] | undefined;
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
  const open = working || status === 'awaitingSupplement' || status === 'awaitingPayment';
  const stay: Transition = { ok: true, toStatus: status, toStepKey: state.currentStepKey, endsStep: false };
  switch (action) {
    case 'accept':
      if (status !== 'registered') return refuse('Chỉ tiếp nhận hồ sơ mới đăng ký trực tuyến');
      return { ok: true, toStatus: 'received', toStepKey: startStep(state.steps)?.key ?? null, endsStep: false };
    case 'forward': {
      if (!working || !step) return refuse('Hồ sơ không ở bước xử lý nào');
      if (!step.actions.includes('forward') || step.next.length === 0)
        return refuse(`Bước "${step.name}" không chuyển tiếp được; hãy kết thúc xử lý`);
      return moveOn(step, params.toStep);
    }
    case 'return': {
      if (!working || !step) return refuse('Hồ sơ không ở bước xử lý nào');
      if (!step.actions.includes('return') || step.returnTo.length === 0)
        return refuse(`Bước "${step.name}" không được trả lại`);
      const to = params.toStep ?? (step.returnTo.length === 1 ? step.returnTo[0] : undefined);
      if (!to)
        return { ok: false, code: 'STEP_CHOICE_REQUIRED', message: `Chọn bước trả lại: ${step.returnTo.join(', ')}` };
      if (!step.returnTo.includes(to))
        return { ok: false, code: 'STEP_NOT_ALLOWED', message: `Bước "${step.name}" không trả lại "${to}"` };
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
      if (!open && status !== 'registered') return refuse('Hồ sơ đã kết thúc');
      return { ok: true, toStatus: 'refused', toStepKey: null, endsStep: step !== null };
    case 'withdraw':
      if (FINAL_STATUSES.includes(status) || status === 'processed') return refuse('Hồ sơ đã kết thúc');
      return { ok: true, toStatus: 'withdrawn', toStepKey: null, endsStep: step !== null };
    case 'requestConsultation':
      if (!working || !step) return refuse('Hồ sơ không ở bước xử lý nào');
      if (!step.actions.includes('consult')) return refuse(`Bước "${step.name}" không xin ý kiến đơn vị khác`);
      return stay;
    case 'answerConsultation':
      if (!open) return refuse('Hồ sơ không còn đang giải quyết');
      return stay;
    case 'transfer': {
      if (!working || !step) return refuse('Hồ sơ không ở bước xử lý nào');
      if (!step.actions.includes('transfer')) return refuse(`Bước "${step.name}" không chuyển cơ quan khác`);
      const first = params.targetSteps ? startStep(params.targetSteps) : null;
      return { ok: true, toStatus: 'processing', toStepKey: first?.key ?? null, endsStep: true };
    }
    case 'requestPayment':
      if (!working || !step) return refuse('Chỉ yêu cầu nghĩa vụ tài chính với hồ sơ đang giải quyết');
      return { ok: true, toStatus: 'awaitingPayment', toStepKey: state.currentStepKey, endsStep: false };
    case 'confirmPayment':
      if (status !== 'awaitingPayment') return refuse('Hồ sơ không chờ thực hiện nghĩa vụ tài chính');
      return { ok: true, toStatus: 'processing', toStepKey: state.currentStepKey, endsStep: false };
    case 'stop':
      if (!open) return refuse('Chỉ dừng giải quyết hồ sơ đang giải quyết');
      return { ok: true, toStatus: 'stopped', toStepKey: null, endsStep: step !== null };
    case 'apologize':
      // While the applicant is awaited the clock is stopped: nothing can be late.
      if (!working && status !== 'awaitingPayment') return refuse('Chỉ xin lỗi, hẹn lại với hồ sơ đang giải quyết');
      return stay;
    case 'signResult':
      if (!working || !step) return refuse('Chỉ ký kết quả của hồ sơ đang giải quyết');
      // Phê duyệt ends the leader's step: the dossier moves on at once, or processing ends at the last step.
      if (step.next.length === 0) return { ok: true, toStatus: 'processed', toStepKey: null, endsStep: true };
      return moveOn(step, params.toStep);
  }
}

/** Ending `step` towards the next one: the one asked for, or its only next step. */
function moveOn(step: WorkflowStep, toStep: string | undefined): Transition {
  const to = toStep ?? (step.next.length === 1 ? step.next[0] : undefined);
  if (!to) return { ok: false, code: 'STEP_CHOICE_REQUIRED', message: `Chọn bước tiếp theo: ${step.next.join(', ')}` };
  if (!step.next.includes(to))
    return { ok: false, code: 'STEP_NOT_ALLOWED', message: `Bước "${step.name}" không chuyển tới "${to}"` };
  return { ok: true, toStatus: 'processing', toStepKey: to, endsStep: true };
}

/** The actions the state allows (before asking who the caller is). */
export function possibleActions(state: MachineState): DossierAction[] {
  return DOSSIER_ACTIONS.filter((action) => {
    const result = transition(action, state);
    return result.ok || result.code === 'STEP_CHOICE_REQUIRED';
  });
}

/** What an action needs besides action and version (the schema keeps every field optional). */
export interface ActionFields {
  note?: string | undefined;
  consultations?: readonly unknown[] | undefined;
  consultationId?: string | undefined;
  toUnitId?: string | undefined;
  obligation?: unknown;
  newAppointmentDate?: string | undefined;
  result?: unknown;
}

const NEEDS_NOTE: readonly DossierAction[] = [
  'requestSupplement',
  'refuse',
  'stop',
  'requestConsultation',
  'answerConsultation',
  'transfer',
  'apologize',
];
const NEEDS: Partial<Record<DossierAction, keyof ActionFields>> = {
  requestConsultation: 'consultations',
  answerConsultation: 'consultationId',
  transfer: 'toUnitId',
  requestPayment: 'obligation',
  apologize: 'newAppointmentDate',
  signResult: 'result',
};

/** The first missing field the action needs: its note (reason, request, answer), then its data. */
export function missingField(action: DossierAction, fields: ActionFields): keyof ActionFields | null {
  if (NEEDS_NOTE.includes(action) && !fields.note) return 'note';
  const field = NEEDS[action];
  if (!field) return null;
  const value = fields[field];
  return value === undefined || (Array.isArray(value) && value.length === 0) ? field : null;
}
