/** The API's JSON as the browser receives it (dates as ISO strings). */
import type { AuditContent } from '../modules/audit/audit.chain.js';
import type { Role } from '../kernel/context.js';
import type { UnitKind } from '../modules/org/units.table.js';

export type { Role, UnitKind };
export type UserKind = 'staff' | 'citizen' | 'service';

export interface RoleView {
  role: Role;
  unitId: string | null;
  unitName: string | null;
}

export interface Me {
  id: string;
  username: string;
  fullName: string;
  kind: UserKind;
  homeUnitId: string | null;
  mustChangePassword: boolean;
  roles: RoleView[];
}

export interface MeResponse {
  user: Me;
  csrfToken: string | null;
}

export interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  officialCode: string;
  adminUnitCode: string | null;
  address: string | null;
  validFrom: string;
  validTo: string | null;
  successorId: string | null;
  sortOrder: number;
  version: number;
}

export interface UnitNode extends Unit {
  children: UnitNode[];
}

export interface UnitDetail extends Unit {
  path: { id: string; name: string }[];
}

export interface UserSummary {
  id: string;
  username: string;
  fullName: string;
  kind: UserKind;
  homeUnitId: string | null;
  homeUnitName: string | null;
  disabled: boolean;
  roles: RoleView[];
}

export interface User extends UserSummary {
  email: string | null;
  phone: string | null;
  personalIdMasked: string | null;
  mustChangePassword: boolean;
  version: number;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** An audit record as hashed on the server (audit.chain.ts), its time as an ISO string. */
export type AuditRecord = Omit<AuditContent, 'occurredAt'> & { occurredAt: string };

export interface AuditVerify {
  ok: boolean;
  checked: number;
  firstBreak: { seq: number; reason: string } | null;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/**
 * The JSON of a server response schema as the browser receives it: dates become ISO strings.
 * Deriving the web types from the routes' Zod schemas keeps them in step with the API.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
type Out<S extends import('zod').ZodType> = Wire<import('zod').output<S>>;

export type ProcedureSummary = Out<typeof import('../modules/catalog/catalog.schema.js').ProcedureSummary>;
export type ProcedureDetail = Out<typeof import('../modules/catalog/catalog.schema.js').ProcedureDetail>;
export type ProcedureField = Out<typeof import('../modules/catalog/catalog.schema.js').Field>;
/** A procedure version's content (ProcedureDetail.currentVersion.content). */
export type ProcedureContent = Out<typeof import('../modules/catalog/procedure.content.js').ProcedureContent>;
export type DossierSummary = Out<typeof import('../modules/dossiers/dossiers.schema.js').DossierSummary>;
export type DossierDetail = Out<typeof import('../modules/dossiers/dossiers.schema.js').DossierDetail>;
export type WorklistItem = Out<typeof import('../modules/dossiers/dossiers.schema.js').WorklistItem>;
export type DossierStatus = DossierSummary['status'];
export type DossierAction = DossierDetail['allowedActions'][number];
export type PublicDossier = Out<typeof import('../modules/dossiers/public-lookup.schema.js').PublicDossier>;
export type StoredFile = Out<typeof import('../modules/files/files.schema.js').StoredFileSchema>;
/** What a dossier's `applicant` holds (the intake schema's applicant). */
export type Applicant = import('zod').output<typeof import('../modules/dossiers/applicant.schema.js').Applicant>;

/** An item of an applicant's data store (GET /api/store). */
export interface StoreItem {
  id: string;
  kind: 'document' | 'result';
  name: string;
  fileIds: string[];
  sourceDossierCode: string;
  /** Hiệu lực đến (YYYY-MM-DD), for results. */
  validUntil: string | null;
  /** Carries a digital signature (a signed result). */
  signed: boolean;
  createdAt: string;
  reuseCount: number;
}

// Administration (calendar, catalog, workflows): from the routes' schemas as well.
export type CalendarYear = Out<typeof import('../modules/calendar/calendar.schema.js').CalendarYearReply>;
export type CalendarDay = CalendarYear['days'][number];
export type Decision = Out<typeof import('../modules/catalog/catalog.schema.js').Decision>;
export type DecisionDetail = Out<typeof import('../modules/catalog/catalog.schema.js').DecisionDetail>;
export type CatalogImport = Out<typeof import('../modules/catalog/catalog.schema.js').ImportStatus>;
export type WorkflowSummary = Out<typeof import('../modules/workflows/workflows.schema.js').WorkflowSummary>;
export type WorkflowDetail = Out<typeof import('../modules/workflows/workflows.schema.js').WorkflowDetail>;
export type WorkflowValidation = Out<typeof import('../modules/workflows/workflows.schema.js').WorkflowValidation>;
export type WorkflowProblem = WorkflowValidation['problems'][number];
/** A step as the editor holds it (the input shape: returnTo and consultations always present). */
export type WorkflowStep = Out<typeof import('../modules/workflows/workflow.steps.js').WorkflowStep>;

// Feedback (phản ánh, kiến nghị) and satisfaction ratings, as their routes answer them.
type FeedbackSchema = typeof import('../modules/feedback/feedback.schema.js');
type SatisfactionSchema = typeof import('../modules/satisfaction/satisfaction.schema.js');
export type FeedbackDetail = Out<FeedbackSchema['FeedbackDetail']>;
export type FeedbackListItem = Out<FeedbackSchema['FeedbackListItem']>;
export type FeedbackStatus = FeedbackDetail['status'];
export type FeedbackActionName = FeedbackDetail['allowedActions'][number];
export type PublicFeedback = Out<FeedbackSchema['PublicFeedback']>;
export type SimilarFeedback = Out<FeedbackSchema['SimilarItem']>;
export type RatingForm = Out<SatisfactionSchema['RateForm']>;
export type RatingResult = Out<SatisfactionSchema['RatingResult']>;

// Appointments: what the staff's slot and booking screens receive.
type QueueSchema = typeof import('../modules/queue/queue.schema.js');
export type QueueTemplateEntry = Out<QueueSchema['TemplateEntry']>;
export type QueueGenerateResult = Out<QueueSchema['GenerateResult']>;
export type QueueUnitDay = Out<QueueSchema['UnitDay']>;
export type QueueDaySlot = QueueUnitDay['slots'][number];
export type QueueBookingView = Out<QueueSchema['Booking']>;
