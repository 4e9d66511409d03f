/**
 * Short names for the API's types the pages share. Every one is read from the generated
 * api/schema.d.ts (`npm run api:types`, from the server's OpenAPI document): none is written here.
 */
import type { ApiItem, ApiResponse, Schema } from './api/types.js';

export type Role = Schema<'Role'>;
export type UnitKind = Schema<'UnitKind'>;

// Identity and organisation.
export type Me = Schema<'Me'>;
export type UserKind = Me['kind'];
export type RoleView = Me['roles'][number];
/** GET /api/me and POST /api/auth/login. */
export type MeResponse = ApiResponse<'/api/me'>;
export type Unit = Schema<'Unit'>;
export type UnitNode = Schema<'UnitNode'>;
export type UnitDetail = Schema<'UnitDetail'>;
export type UserSummary = Schema<'UserSummary'>;
export type User = Schema<'User'>;
export type AuditRecord = Schema<'AuditRecord'>;
export type AuditVerify = ApiResponse<'/api/audit/verify'>;
export type ApiToken = Schema<'ApiToken'>;

// Catalog and dossiers.
export type ProcedureSummary = Schema<'ProcedureSummary'>;
export type ProcedureDetail = Schema<'ProcedureDetail'>;
export type ProcedureField = Schema<'ProcedureField'>;
/** A procedure version's content (ProcedureDetail.currentVersion.content). */
export type ProcedureContent = Schema<'ProcedureContent'>;
export type DossierSummary = Schema<'DossierSummary'>;
export type DossierDetail = Schema<'DossierDetail'>;
export type WorklistItem = Schema<'WorklistItem'>;
export type DossierStatus = DossierSummary['status'];
export type DossierAction = DossierDetail['allowedActions'][number];
export type PublicDossier = Schema<'PublicDossier'>;
export type StoredFile = Schema<'StoredFile'>;
/** What a dossier's `applicant` holds (the intake schema's applicant). */
export type Applicant = Schema<'Applicant'>;
/** An item of an applicant's data store (GET /api/store). */
export type StoreItem = Schema<'StoreItem'>;

// Administration (calendar, catalog, workflows).
export type CalendarYear = Schema<'CalendarYear'>;
export type CalendarDay = Schema<'CalendarDay'>;
export type Decision = Schema<'PublicationDecision'>;
export type DecisionDetail = Schema<'PublicationDecisionDetail'>;
export type CatalogImport = Schema<'CatalogImport'>;
export type WorkflowSummary = Schema<'WorkflowSummary'>;
export type WorkflowDetail = Schema<'WorkflowDetail'>;
export type WorkflowValidation = Schema<'WorkflowValidation'>;
export type WorkflowProblem = Schema<'WorkflowProblem'>;
export type WorkflowStep = Schema<'WorkflowStep'>;

// Feedback (phản ánh, kiến nghị) and satisfaction ratings.
export type FeedbackDetail = Schema<'FeedbackDetail'>;
export type FeedbackListItem = ApiItem<'/api/feedback'>;
export type FeedbackStatus = FeedbackDetail['status'];
export type FeedbackActionName = FeedbackDetail['allowedActions'][number];
export type PublicFeedback = Schema<'PublicFeedback'>;
export type SimilarFeedback = ApiItem<'/api/feedback/{id}/similar'>;
export type RatingForm = Schema<'RatingForm'>;
export type RatingResult = Schema<'Rating'>;

// Appointments: what the staff's slot and booking screens receive.
export type QueueTemplateEntry = Schema<'QueueTemplate'>['entries'][number];
export type QueueGenerateResult = ApiResponse<'/api/queue/units/{unitId}/slots', 'post'>;
export type QueueUnitDay = Schema<'QueueUnitDay'>;
export type QueueDaySlot = QueueUnitDay['slots'][number];
export type QueueBookingView = Schema<'QueueBooking'>;
