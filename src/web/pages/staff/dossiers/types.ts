/** Dossiers as the staff screens use them: the API's types (src/web/types.ts, from the generated schema). */
import type { Schema } from '../../../api/types.js';
import type {
  Applicant,
  DossierDetail as ApiDetail,
  DossierStatus,
  ProcedureDetail,
  WorklistItem,
} from '../../../types.js';

export type { Applicant, DossierStatus, ProcedureDetail, WorklistItem };
export type Channel = WorklistItem['channel'];
export type DossierActionName = ApiDetail['allowedActions'][number];
export type TimeState = NonNullable<WorklistItem['timeState']>;

/** The applicant is stored as filed (the detail schema leaves it open); the intake schema says what that is. */
export type DossierDetail = Omit<ApiDetail, 'applicant'> & { applicant: Applicant };

export const DOSSIER_STATUSES = [
  'registered',
  'received',
  'processing',
  'awaitingSupplement',
  'awaitingPayment',
  'processed',
  'returned',
  'refused',
  'withdrawn',
  'stopped',
] as const satisfies readonly DossierStatus[];

export const TIME_STATES = ['withinTime', 'dueSoon', 'overdue'] as const satisfies readonly TimeState[];

/** What POST /api/identifiers/chip-qr reads from a card. */
export type ChipCard = Schema<'ChipQrApplicant'>;
