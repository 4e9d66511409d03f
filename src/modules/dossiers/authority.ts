/**
 * Who may take an action on a dossier: the policy's actions applied to the dossier's units. A
 * step is worked by the role its workflow names, on the step's unit (the competent unit when the
 * step names none); the one-stop unit that received the dossier accepts it, returns the result,
 * and may also refuse or ask for a supplement; the citizen who filed it supplies and withdraws.
 * A leader of the competent unit signs results, approves apology letters and may stop
 * processing; a consulted unit answers its own consultation.
 */
import type { Actor } from '../../kernel/context.js';
import { type Action, can } from '../access/policy.js';
import type { Role } from '../../kernel/context.js';
import type { WorkflowStep } from '../workflows/workflow.steps.js';
import type { DossierAction } from './actions.rules.js';

const ACTION_OF_ROLE: Partial<Record<Role, Action>> = {
  one_stop_officer: 'dossier.receive',
  postal_officer: 'dossier.receive',
  processing_official: 'dossier.process',
  unit_leader: 'dossier.approve',
};

export interface DossierPlaces {
  receivingPath: readonly string[];
  /** Path of the unit responsible for the current step (the competent unit's when the step names none). */
  stepPath: readonly string[] | null;
  ownerUserId: string | null;
  competentPath: readonly string[];
  /** Open consultations: the asked unit's path and the role that answers there (null: processing staff). */
  openConsultations: readonly { unitPath: readonly string[]; role: Role | null }[];
}

const actionOfRole = (role: Role | null): Action => (role && ACTION_OF_ROLE[role]) || 'dossier.process';

function mayWorkStep(actor: Actor, step: WorkflowStep | null, places: DossierPlaces): boolean {
  if (!step || !places.stepPath) return false;
  if ('userId' in step.assignee) return step.assignee.userId === actor.userId;
  return can(actor, actionOfRole(step.assignee.role), { unitPath: places.stepPath });
}

/** Whether the actor may answer at least one open consultation (the service picks which). */
export function mayAnswer(actor: Actor, consultation: DossierPlaces['openConsultations'][number]): boolean {
  return can(actor, actionOfRole(consultation.role), { unitPath: consultation.unitPath });
}

/**
 * Who may read a dossier, its detail and its files: staff holding dossier.read on one of the
 * units it touches (`unitPaths`: see readingPaths), or the citizen who filed it.
 */
export function mayRead(actor: Actor, unitPaths: readonly (readonly string[])[], ownerUserId: string | null): boolean {
  return (
    unitPaths.some((p) => can(actor, 'dossier.read', { unitPath: p })) || can(actor, 'dossier.read', { ownerUserId })
  );
}

export function mayPerform(
  actor: Actor,
  action: DossierAction,
  step: WorkflowStep | null,
  places: DossierPlaces,
): boolean {
  const oneStop = can(actor, 'dossier.receive', { unitPath: places.receivingPath });
  const owner = places.ownerUserId !== null && can(actor, 'dossier.read', { ownerUserId: places.ownerUserId });
  const leader = can(actor, 'dossier.approve', { unitPath: places.competentPath });
  switch (action) {
    case 'accept':
    case 'returnResult':
      return oneStop;
    case 'forward':
    case 'return':
    case 'finish':
      return mayWorkStep(actor, step, places);
    case 'requestSupplement':
    case 'refuse':
      return oneStop || mayWorkStep(actor, step, places);
    case 'supply':
    case 'withdraw':
      return owner || oneStop;
    case 'requestConsultation':
    case 'transfer':
    case 'requestPayment':
      return mayWorkStep(actor, step, places);
    case 'confirmPayment':
      return oneStop || mayWorkStep(actor, step, places);
    case 'answerConsultation':
      return places.openConsultations.some((c) => mayAnswer(actor, c));
    case 'stop':
      return leader || mayWorkStep(actor, step, places);
    case 'apologize':
    case 'signResult':
      return leader;
  }
}
