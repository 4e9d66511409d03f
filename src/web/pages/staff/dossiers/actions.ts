/**
 * How each dossier action is asked for: a plain confirmation, or a dialog with the fields the API
 * wants beside {action, version}. The API decides which actions are possible (allowedActions);
 * this file only decides how they look.
 */
import { blankToNull } from '../../../components/forms.js';
import type { DossierActionFields } from './dossierApi.js';
import type { DossierActionName } from './types.js';

export type DialogKind =
  | 'confirm'
  | 'forward'
  | 'note'
  | 'optionalNote'
  | 'transfer'
  | 'consult'
  | 'answer'
  | 'apologize'
  | 'payment'
  | 'confirmPayment'
  | 'returnResult'
  | 'sign';

export const ACTION_DIALOG: Record<DossierActionName, DialogKind> = {
  accept: 'confirm',
  forward: 'forward',
  finish: 'confirm',
  return: 'optionalNote',
  supply: 'optionalNote',
  withdraw: 'optionalNote',
  requestSupplement: 'note',
  refuse: 'note',
  stop: 'note',
  transfer: 'transfer',
  requestConsultation: 'consult',
  answerConsultation: 'answer',
  apologize: 'apologize',
  requestPayment: 'payment',
  confirmPayment: 'confirmPayment',
  returnResult: 'returnResult',
  signResult: 'sign',
};

/** The order of the buttons: moving the dossier forward first, ending it last. */
export const ACTION_ORDER: DossierActionName[] = [
  'accept',
  'signResult',
  'forward',
  'finish',
  'returnResult',
  'answerConsultation',
  'confirmPayment',
  'return',
  'requestConsultation',
  'transfer',
  'requestPayment',
  'apologize',
  'requestSupplement',
  'supply',
  'stop',
  'refuse',
  'withdraw',
];

export const PRIMARY_ACTIONS = new Set<DossierActionName>([
  'accept',
  'signResult',
  'forward',
  'finish',
  'returnResult',
]);
export const DANGER_ACTIONS = new Set<DossierActionName>(['refuse', 'stop', 'withdraw']);

/** A date from antd's DatePicker (a dayjs object), as the API's YYYY-MM-DD. */
export interface PickedDate {
  format(pattern: string): string;
}
const isoDate = (d: PickedDate | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** The dialog's values, as every kind's fields name them. */
export interface ActionValues {
  note?: string;
  /** forward, sign: the step it goes to (several next steps) and who takes it. */
  toStep?: string;
  assigneeUserId?: string;
  toUnitId?: string;
  consultations?: { unitId: string; workingDays: number }[];
  consultationId?: string;
  newAppointmentDate?: PickedDate;
  description?: string;
  amountVnd?: number;
  receiptNumber?: string;
  resultChannel?: DossierActionFields['resultChannel'];
  files?: { id: string }[];
  number?: string;
  issuedOn?: PickedDate;
  issuer?: string;
  validUntil?: PickedDate | null;
  signer?: string;
  certificateSerial?: string;
  paperCopy?: boolean;
}

/** The request fields of an action (beside action and version) from its dialog's values. */
export function actionFields(kind: DialogKind, v: ActionValues): Record<string, unknown> {
  const note = blankToNull(v.note) ?? undefined;
  switch (kind) {
    case 'confirm':
      return {};
    case 'forward':
      return handing(v, note);
    case 'note':
    case 'optionalNote':
      return { note };
    case 'transfer':
      return { toUnitId: v.toUnitId, note };
    case 'consult':
      return { consultations: v.consultations, note };
    case 'answer':
      return { consultationId: v.consultationId, note };
    case 'apologize':
      return { note, newAppointmentDate: isoDate(v.newAppointmentDate) };
    case 'payment':
      return { obligation: { description: v.description?.trim(), amountVnd: v.amountVnd } };
    case 'confirmPayment':
      return { receiptNumber: blankToNull(v.receiptNumber) ?? undefined };
    case 'returnResult':
      return { resultChannel: v.resultChannel };
    case 'sign':
      return {
        result: {
          fileId: v.files?.[0]?.id,
          number: v.number?.trim(),
          issuedOn: isoDate(v.issuedOn),
          issuer: v.issuer?.trim(),
          validUntil: isoDate(v.validUntil),
          signer: v.signer?.trim(),
          certificateSerial: v.certificateSerial?.trim(),
          paperCopy: v.paperCopy ?? false,
        },
        ...handing(v, note),
      };
  }
}

/** Who takes the next step, and the comment for them (the server picks the least loaded when none). */
const handing = (v: ActionValues, note: string | undefined) => ({
  note,
  toStep: v.toStep,
  assigneeUserId: v.assigneeUserId,
});
