/**
 * Who may take an action on a dossier: the policy's actions applied to the dossier's units. A
 * step is worked by the role its workflow names, on the step's unit (the competent unit when the
 * step names none); the one-stop unit that received the dossier accepts it, returns the result,
 * and may also refuse or ask for a supplement; the citizen who filed it supplies and withdraws.
 */
import type { Actor } from '../../server/context.js';
import { type Action, can } from '../identity/policy.js';
import type { Role } from '../identity/roles.js';
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
}

function mayWorkStep(actor: Actor, step: WorkflowStep | null, places: DossierPlaces): boolean {
  if (!step || !places.stepPath) return false;
  if ('userId' in step.assignee) return step.assignee.userId === actor.userId;
  const action = ACTION_OF_ROLE[step.assignee.role] ?? 'dossier.process';
  return can(actor, action, { unitPath: places.stepPath });
}

export function mayPerform(actor: Actor, action: DossierAction, step: WorkflowStep | null, places: DossierPlaces): boolean {
  const oneStop = can(actor, 'dossier.receive', { unitPath: places.receivingPath });
  const owner = places.ownerUserId !== null && can(actor, 'dossier.read', { ownerUserId: places.ownerUserId });
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
  }
}
