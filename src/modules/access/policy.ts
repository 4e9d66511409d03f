/**
 * Authorization policy: who may do what on which unit's data. The one place these rules live;
 * routes and services call `authorize`, tests walk the whole matrix (policy.authz.test.ts).
 *
 * A role is held over a unit and covers that unit's whole subtree. Citizens act only on what
 * they own. The system administrator configures the system but does not read dossiers
 * (separation of duties).
 */
import { AppError } from '../../kernel/errors.js';
import type { Actor } from '../../kernel/context.js';
import type { Role } from '../../kernel/context.js';

export const ACTIONS = [
  'unit.manage', // create, edit, close units
  'user.read', // see staff accounts of a unit
  'user.manage', // create/edit/disable accounts, reset passwords, issue service tokens
  'role.assign', // grant and withdraw roles
  'audit.read', // read and verify the audit log
  'calendar.manage', // edit the working-day calendar
  'catalog.manage', // procedures, publication decisions, workflow drafts
  'workflow.approve', // approve and activate a unit's internal workflow (quy trình nội bộ)
  'dossier.read', // see dossiers received by or assigned to a unit
  'dossier.receive', // intake at the one-stop counter / by post
  'dossier.process', // work a workflow step
  'dossier.approve', // approve and sign results
  'kpi.read', // indicators, reports, late lists
  'feedback.receive', // enter feedback received at the counter, by phone or by mail
  'feedback.route', // classify, route and transfer feedback; publish answers (provincial office)
  'feedback.handle', // handle feedback routed to a unit: supplement requests, refusal, answer
  'satisfaction.record', // take a dossier's rating at the counter tablet (officer session or kiosk token)
  'satisfaction.configure', // edit the rating criteria
  'kpi.configure', // replace a year's Decision-766 configuration (weights, thresholds, grades)
  'queue.manage', // a unit's appointment template and booking slots
  'queue.serve', // work a counter of the queue: call next, recall, skip, finish
  'queue.book', // book an appointment for a caller who phones or walks in (đặt lịch hộ)
  'payment.reconcile', // run the daily reconciliation (đối soát) of the payment platform's statement
  'payment.exempt', // record that a dossier's fee or obligation need not be paid (miễn nộp), with its ground
  'payment.refund', // refund (hoàn trả) a paid fee, in full or in part
  'jobs.manage', // see the periodic tasks (công việc định kỳ) and pause or resume one
  'plan.read', // see a unit's plans (kế hoạch), their tasks, progress and reports
  'plan.manage', // import and save a unit's plan (the unit that issues it and follows it up)
  'plan.report', // report progress on the plan tasks a unit leads (trạng thái, %, minh chứng)
  'review.manage', // review procedures (rà soát, đánh giá TTHC): compliance cost, simplification
  'report.read', // see a unit's statutory reports (báo cáo định kỳ), their files and submission log
  'report.prepare', // prepare a statutory report's draft for a closed period (người lập biểu)
  'report.sign', // sign and submit a statutory report prepared by someone else (người ký báo cáo)
  'notification.manage', // edit message templates, see the delivery log (failures and bounces)
  'seal.manage', // list the agency seal certificates (chứng thư số con dấu) and replace one (rotation)
] as const;
export type Action = (typeof ACTIONS)[number];

/** Actions a role grants over its unit's subtree. */
const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  citizen: ['dossier.read'],
  one_stop_officer: [
    'dossier.read',
    'dossier.receive',
    'feedback.receive',
    'satisfaction.record',
    'queue.manage',
    'queue.serve',
    'queue.book',
  ],
  postal_officer: ['dossier.read', 'dossier.receive'],
  processing_official: ['dossier.read', 'dossier.process', 'feedback.handle', 'plan.read', 'plan.report'],
  unit_leader: [
    'dossier.read',
    'dossier.approve',
    'workflow.approve',
    'user.read',
    'kpi.read',
    'feedback.handle',
    'queue.manage',
    'payment.reconcile',
    // Miễn nộp and hoàn trả are decisions of the collecting unit's head, not of the officer who
    // collects (separation of duties): the categories exempted are set by law (Law on Fees and
    // Charges 2015 art. 10; Decree 120/2016/NĐ-CP), the unit's leader applies them to a dossier.
    'payment.exempt',
    'payment.refund',
    // A unit's leader issues the unit's plans and reports on the tasks the unit leads.
    'plan.read',
    'plan.manage',
    'plan.report',
    // The head of the reporting body signs its reports (Decree 09/2019/NĐ-CP Art. 5).
    'report.read',
    'report.sign',
  ],
  procedure_control_officer: [
    'dossier.read',
    'catalog.manage',
    'kpi.read',
    'kpi.configure',
    'audit.read',
    'feedback.receive',
    'feedback.route',
    'satisfaction.configure',
    // The procedure-control office follows the reform plans and reviews procedures (seed 003 IV.2:
    // "theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch"; Decree 63/2010/NĐ-CP art. 28: rà soát, đánh giá TTHC).
    'plan.read',
    'plan.manage',
    'plan.report',
    'review.manage',
    // The procedure-control office draws up the reports on procedure control and the one-stop
    // mechanism and, as the authorised officer, signs them (Circular 01/2020/TT-VPCP; issue 21.3).
    'report.read',
    'report.prepare',
    'report.sign',
  ],
  system_admin: [
    'unit.manage',
    'user.read',
    'user.manage',
    'role.assign',
    'audit.read',
    'calendar.manage',
    'jobs.manage',
    'payment.reconcile',
    'notification.manage',
    // The seal keys are system configuration held by the server (key store), not a unit's
    // decision: the administrator replaces a certificate (Decree 23/2025 on keeping signing keys).
    'seal.manage',
  ],
};

/**
 * What an action is done on. `unitPath` lists the unit's id and its ancestors' ids (any order);
 * `ownerUserId` is the citizen who owns the record, where there is one. An action with neither
 * (e.g. editing the calendar) needs the role on any unit.
 */
export interface Target {
  unitPath?: readonly string[];
  ownerUserId?: string | null;
}

export function can(actor: Actor | null, action: Action, target: Target = {}): boolean {
  if (!actor) return false;
  if (actor.tokenScopes && !tokenAllows(actor.tokenScopes, action)) return false;
  return actor.grants.some((grant) => {
    if (!ROLE_ACTIONS[grant.role].includes(action)) return false;
    if (grant.role === 'citizen') return !!target.ownerUserId && target.ownerUserId === actor.userId;
    if (!target.unitPath) return target.ownerUserId === undefined;
    return grant.unitId !== null && target.unitPath.includes(grant.unitId);
  });
}

/** Throws the error the HTTP layer turns into 401 or 403. */
export function authorize(actor: Actor | null, action: Action, target: Target = {}): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.tokenScopes && !tokenAllows(actor.tokenScopes, action)) throw new AppError('TOKEN_SCOPE', { action });
  if (!can(actor, action, target)) throw new AppError('FORBIDDEN', { action });
}

/** Scopes are action names, or `area.*` for every action of an area. */
export function tokenAllows(scopes: readonly string[], action: Action): boolean {
  const area = action.split('.')[0];
  return scopes.includes(action) || scopes.includes(`${area}.*`);
}

/** The actions an actor holds somewhere: what it may delegate to an API token. */
export function grantableScopes(actor: Actor): Action[] {
  return ACTIONS.filter((action) => holdsAnywhere(actor, action));
}

/** Whether an actor holds an action on at least one unit (for showing menus, listing scopes). */
export function holdsAnywhere(actor: Actor, action: Action): boolean {
  return actor.grants.some((g) => ROLE_ACTIONS[g.role].includes(action));
}

/** The roles that grant an action (e.g. who, on a unit, is told of its feedback nearing its deadline). */
export function rolesWith(action: Action): Role[] {
  return (Object.keys(ROLE_ACTIONS) as Role[]).filter(
    (role) => role !== 'citizen' && ROLE_ACTIONS[role].includes(action),
  );
}

/** The units over which the actor holds an action (roots of the subtrees it may act on). */
export function unitsWhere(actor: Actor, action: Action): string[] {
  return actor.grants
    .filter((g) => g.unitId !== null && ROLE_ACTIONS[g.role].includes(action))
    .map((g) => g.unitId as string);
}
