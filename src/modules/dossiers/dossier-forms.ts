/**
 * The forms of a dossier (Circular 03/2025), filled from what the dossier records: 01 receipt and
 * appointment, 02 supplement request (from the request's note), 03 refusal (from its reason),
 * 04 apology and new appointment (from the latest letter), 05 notice of stopping (from the stop
 * action), 06 processing-control slip (from the step history). 01–03 speak for the receiving
 * one-stop unit; 04 and 05 for the competent unit, whose leader signs them.
 */
import type { Env } from '../../kernel/env.js';
import { AppError } from '../../kernel/errors.js';
import {
  renderForm01,
  renderForm02,
  renderForm03,
  renderForm04,
  renderForm05,
  renderForm06,
} from '../documents/forms.js';
import type { FormBase } from '../documents/forms/common.js';
import type { ControlStep } from '../documents/forms/form06-control.js';
import type { WorkflowStep } from '../workflows/workflow.steps.js';
import type { ComponentKind } from '../documents/forms/form01-receipt.js';
import type { ProcedureContent } from '../catalog/procedure.content.js';
import { applicantName } from './applicant.schema.js';
import type { DossierView } from './dossiers.query.js';

const KIND: Record<ProcedureContent['components'][number]['kind'], ComponentKind> = {
  original: 'original',
  copy: 'copy',
  certifiedCopy: 'certified_copy',
  originalOrCopy: 'copy',
};

const LIMIT_UNIT = {
  workingDays: 'ngày làm việc',
  workingHours: 'giờ làm việc',
  days: 'ngày',
  months: 'tháng',
} as const;

export function publicLookupUrl(env: Env, code: string): string {
  const base = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  return `${base.replace(/\/$/, '')}/tra-cuu?ma=${encodeURIComponent(code)}`;
}

export const DOSSIER_FORMS = ['01', '02', '03', '04', '05', '06'] as const;
export type DossierForm = (typeof DOSSIER_FORMS)[number];

export interface FormContext {
  env: Env;
  view: DossierView;
  receivingParentName: string | undefined;
  competentParentName: string | undefined;
  steps: readonly WorkflowStep[];
  unitNames: ReadonlyMap<string, string>;
}

export function dossierFormPdf(form: DossierForm, c: FormContext): Promise<Buffer> {
  switch (form) {
    case '01':
      return receiptPdf(c);
    case '02':
      return supplementPdf(c);
    case '03':
      return refusalPdf(c);
    case '04':
      return apologyPdf(c);
    case '05':
      return stopPdf(c);
    case '06':
      return controlSlipPdf(c);
  }
}

function base({ env, view, receivingParentName }: FormContext): FormBase {
  const { dossier } = view;
  const applicant = dossier.applicant;
  return {
    unit: { parentBody: receivingParentName, name: view.receivingUnit.name, place: 'An Giang' },
    dossierCode: dossier.code,
    applicant: {
      name: applicantName(applicant),
      address: applicant.address,
      phone: applicant.phone,
      email: applicant.email,
    },
    procedureName: view.procedureName,
    publicLookupUrl: publicLookupUrl(env, dossier.code),
  };
}

/** The same, issued by the competent unit. */
function competentBase(c: FormContext): FormBase {
  return {
    ...base(c),
    unit: { parentBody: c.competentParentName, name: c.view.competentUnit.name, place: 'An Giang' },
  };
}

/** The latest event of a kind: the one a form reports. */
function lastEvent(
  view: DossierView,
  action: string,
  missing: 'DOSSIER_NO_SUPPLEMENT_REQUEST' | 'DOSSIER_NOT_REFUSED' | 'DOSSIER_NOT_STOPPED',
) {
  const event = view.events.filter((e) => e.action === action).at(-1);
  if (!event) throw new AppError(missing, { code: view.dossier.code });
  return event;
}

function supplementPdf(c: FormContext): Promise<Buffer> {
  const event = lastEvent(c.view, 'requestSupplement', 'DOSSIER_NO_SUPPLEMENT_REQUEST');
  return renderForm02({
    ...base(c),
    issuedAt: event.occurredAt,
    receivedAt: c.view.dossier.receivedAt ?? undefined,
    items: [{ content: event.note ?? '', reason: 'Theo quy định của thủ tục hành chính' }],
    officerName: event.actorName ?? '',
    now: event.occurredAt,
  });
}

function refusalPdf(c: FormContext): Promise<Buffer> {
  const event = lastEvent(c.view, 'refuse', 'DOSSIER_NOT_REFUSED');
  return renderForm03({
    ...base(c),
    issuedAt: event.occurredAt,
    receivedAt: c.view.dossier.receivedAt ?? undefined,
    reason: event.note ?? '',
    officerName: event.actorName ?? '',
    now: event.occurredAt,
  });
}

function apologyPdf(c: FormContext): Promise<Buffer> {
  const letter = c.view.extensions.at(-1);
  const { view } = c;
  const { dossier } = view;
  if (!letter || !dossier.receivedAt) throw new AppError('DOSSIER_NO_EXTENSION', { code: dossier.code });
  return renderForm04({
    ...competentBase(c),
    issuedAt: letter.createdAt,
    receivedAt: dossier.receivedAt,
    oldAppointmentAt: letter.previousAppointmentAt,
    newAppointmentAt: letter.newAppointmentAt,
    reason: letter.reason,
    signer: { title: 'Thủ trưởng đơn vị', name: letter.approvedByName },
    now: letter.createdAt,
  });
}

function stopPdf(c: FormContext): Promise<Buffer> {
  const event = lastEvent(c.view, 'stop', 'DOSSIER_NOT_STOPPED');
  return renderForm05({
    ...competentBase(c),
    issuedAt: event.occurredAt,
    receivedAt: c.view.dossier.receivedAt ?? undefined,
    reason: event.note ?? '',
    returnOfPapers: `Hồ sơ giấy (nếu có) được trả lại tại ${c.view.receivingUnit.name}.`,
    signer: { title: 'Người có thẩm quyền', name: event.actorName ?? '' },
    now: event.occurredAt,
  });
}

const RESULT = { early: 'early', onTime: 'on_time', late: 'late' } as const;

/**
 * One row per step the dossier went through: handed over by whoever moved it there (at that
 * time), taken by whoever acted on it, with the step's deadline and how it ended.
 */
export function controlSteps(
  view: DossierView,
  steps: readonly WorkflowStep[],
  unitNames: ReadonlyMap<string, string>,
): ControlStep[] {
  const rows: ControlStep[] = [];
  let handover = view.events[0];
  for (const event of view.events) {
    if (event.stepOutcome && handover && event.stepKey) {
      const step = steps.find((s) => s.key === event.stepKey);
      rows.push({
        unit: `${step?.name ?? event.stepKey}${event.unitId ? ` — ${unitNames.get(event.unitId) ?? ''}` : ''}`,
        handedOverBy: handover.actorName ?? '',
        handedOverAt: handover.occurredAt,
        receivedBy: event.actorName ?? undefined,
        receivedAt: handover.occurredAt,
        deadline: event.stepDueAt ?? undefined,
        result: RESULT[event.stepOutcome],
        note: event.note ?? undefined,
      });
    }
    if (event.toStepKey || event.action === 'receive' || event.action === 'accept') handover = event;
  }
  // Consultations run beside their step: one row each for the unit asked, in time order.
  const consulted: ControlStep[] = view.consultations.map((c) => ({
    unit: `Xin ý kiến — ${c.unitName}`,
    handedOverBy: c.requestedByName ?? '',
    handedOverAt: c.requestedAt,
    receivedBy: c.answeredByName ?? undefined,
    receivedAt: c.answeredAt ?? undefined,
    deadline: c.dueAt,
    result: c.outcome ? RESULT[c.outcome] : undefined,
    note: c.answer ?? undefined,
  }));
  return [...rows, ...consulted].sort((a, b) => a.handedOverAt.getTime() - b.handedOverAt.getTime());
}

function controlSlipPdf(c: FormContext): Promise<Buffer> {
  const { view } = c;
  const { dossier } = view;
  if (!dossier.receivedAt || !dossier.appointmentAt) throw new AppError('DOSSIER_NOT_RECEIVED', { code: dossier.code });
  return renderForm06({
    ...base(c),
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
    leadUnit: c.view.competentUnit.name,
    steps: controlSteps(c.view, c.steps, c.unitNames),
    now: dossier.updatedAt,
  });
}

function receiptPdf(c: FormContext): Promise<Buffer> {
  const { view } = c;
  const { dossier } = view;
  if (!dossier.receivedAt || !dossier.appointmentAt) throw new AppError('DOSSIER_NOT_RECEIVED', { code: dossier.code });
  const content = view.versionContent;
  const offer = content.channels.find((c) => c.channel === dossier.channel)!;
  const componentById = new Map(content.components.map((component) => [component.id, component]));
  return renderForm01({
    ...base(c),
    components: view.components.map((filed) => {
      const spec = componentById.get(filed.componentId);
      return { name: filed.name, kind: spec ? KIND[spec.kind] : 'copy', count: spec?.count ?? filed.fileIds.length };
    }),
    setCount: 1,
    legalTimeLimit: `${offer.timeLimit.value} ${LIMIT_UNIT[offer.timeLimit.unit]}`,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
    collectAt: view.receivingUnit.name,
    fees: dossier.fees,
    trackingBook: { volume: dossier.code.slice(-11, -5), number: Number(dossier.code.split('-').pop()) },
    officerName: view.events.find((e) => e.action === 'receive' || e.action === 'accept')?.actorName ?? '',
    now: dossier.receivedAt,
  });
}
