/**
 * Tra cứu hồ sơ (public lookup, no login): what of a dossier anyone holding its code may see.
 * Pure functions of plain data. The rule is an allow-list: the shape below is built field by
 * field, and of the applicant only the name leaves, masked (maskPersonName) — no identifier,
 * phone, email, address or representative. Internal notes and officers' names stay inside.
 */
import { maskPersonName } from '../../kernel/personal-data.js';
import { type Applicant, applicantName } from './applicant.schema.js';
import type { DossierFee } from './dossiers.tables.js';
import { type DossierStatus, nationalStatusCode } from './status.rules.js';

/** Vietnamese status labels as the national portal words them (TrangThaiHoSo). */
export const STATUS_LABELS: Record<DossierStatus, string> = {
  registered: 'Mới đăng ký',
  received: 'Đã tiếp nhận',
  refused: 'Không được tiếp nhận',
  processing: 'Đang xử lý',
  awaitingSupplement: 'Chờ bổ sung',
  awaitingPayment: 'Chờ thực hiện nghĩa vụ tài chính',
  withdrawn: 'Công dân yêu cầu rút hồ sơ',
  stopped: 'Dừng xử lý',
  processed: 'Đã xử lý xong',
  returned: 'Đã trả kết quả',
};

/** Labels of the actions the history shows; an action without one is shown by its name. */
export const ACTION_LABELS: Readonly<Record<string, string>> = {
  register: 'Nộp hồ sơ trực tuyến',
  receive: 'Tiếp nhận hồ sơ',
  accept: 'Tiếp nhận hồ sơ',
  forward: 'Chuyển bước tiếp theo',
  return: 'Trả lại bước trước',
  finish: 'Hoàn thành xử lý',
  returnResult: 'Trả kết quả',
  requestSupplement: 'Yêu cầu bổ sung hồ sơ',
  supply: 'Đã bổ sung hồ sơ',
  refuse: 'Từ chối giải quyết',
  withdraw: 'Rút hồ sơ',
};

/** How a step ended against its allotment. */
export type StepResult = 'early' | 'onTime' | 'late';

/**
 * The outcome of a step that has ended. The event that ends a step (forward, finish, …) records
 * it in dossier_events.step_due_at / step_outcome, measured by actions.service.ts in working
 * time; the event's stepKey is the step that ended. Intake events start a step and never end
 * one, so their outcome is null, as is that of any event that did not end a step.
 */
export interface StepOutcome {
  dueAt: Date | null;
  result: StepResult;
  onTime: boolean;
}

/** One row of dossier_events, as far as the public may know it. */
export interface LookupEvent {
  action: string;
  stepKey: string | null;
  occurredAt: Date;
  /** Set on an event that ends a step (see StepOutcome); absent on events that do not. */
  stepDueAt?: Date | null;
  stepOutcome?: StepResult | null;
}

export interface PublicStep {
  action: string;
  label: string;
  stepKey: string | null;
  /** The step's name in the dossier's own workflow version (null: no step, or a key it lacks). */
  stepName: string | null;
  at: Date;
  outcome: StepOutcome | null;
}

/**
 * Step names by key from a workflow definition's steps document, consultation steps included.
 * Read leniently: the document was validated when the workflow was approved, and an entry
 * that does not look like a step is skipped rather than failing a public page.
 */
export function stepNamesOf(steps: unknown): Map<string, string> {
  const names = new Map<string, string>();
  const add = (s: unknown) => {
    if (
      s &&
      typeof s === 'object' &&
      typeof (s as { key?: unknown }).key === 'string' &&
      typeof (s as { name?: unknown }).name === 'string'
    ) {
      names.set((s as { key: string }).key, (s as { name: string }).name);
    }
  };
  for (const step of Array.isArray(steps) ? steps : []) {
    add(step);
    const consultations = (step as { consultations?: unknown } | null)?.consultations;
    if (Array.isArray(consultations)) consultations.forEach(add);
  }
  return names;
}

export function publicSteps(events: readonly LookupEvent[], stepNames: ReadonlyMap<string, string>): PublicStep[] {
  return [...events]
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
    .map((e) => ({
      action: e.action,
      label: ACTION_LABELS[e.action] ?? e.action,
      stepKey: e.stepKey,
      stepName: e.stepKey ? (stepNames.get(e.stepKey) ?? null) : null,
      at: e.occurredAt,
      outcome: e.stepOutcome
        ? { dueAt: e.stepDueAt ?? null, result: e.stepOutcome, onTime: e.stepOutcome !== 'late' }
        : null,
    }));
}

export interface LookupRecord {
  code: string;
  status: DossierStatus;
  channel: 'counter' | 'online' | 'postal';
  applicant: Applicant;
  fees: readonly DossierFee[];
  submittedAt: Date;
  receivedAt: Date | null;
  appointmentAt: Date | null;
  procedure: { nationalCode: string; name: string };
  receivingUnitName: string;
  competentUnitName: string;
  workflowSteps: unknown;
  events: readonly LookupEvent[];
  /** Whether a result (kết quả giải quyết) has been issued; see the query. */
  resultAvailable: boolean;
}

/** The public view of a dossier: built field by field, nothing copied wholesale. */
export function publicView(r: LookupRecord) {
  return {
    code: r.code,
    status: { name: r.status, nationalCode: nationalStatusCode(r.status), label: STATUS_LABELS[r.status] },
    channel: r.channel,
    procedure: { nationalCode: r.procedure.nationalCode, name: r.procedure.name },
    receivingUnit: { name: r.receivingUnitName },
    competentUnit: { name: r.competentUnitName },
    submittedAt: r.submittedAt,
    receivedAt: r.receivedAt,
    appointmentAt: r.appointmentAt,
    applicant: { maskedName: maskPersonName(applicantName(r.applicant)) ?? '' },
    // Fees are the procedure's published charges, not personal data: the total is shown.
    totalFeeVnd: r.fees.reduce((sum, f) => sum + f.amountVnd, 0),
    steps: publicSteps(r.events, stepNamesOf(r.workflowSteps)),
    result: { available: r.resultAvailable },
  };
}

export type PublicDossierView = ReturnType<typeof publicView>;
