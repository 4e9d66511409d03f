/**
 * Whether a dossier is on time, as the citizen sees it: the server's timeState when it sends one,
 * else worked out from the appointment (unfinished and past it: overdue) or, once finished, from
 * the recorded outcome.
 */
import type { MessageKey } from '../../../i18n/i18n.js';
import type { DossierSummary } from '../../../types.js';

/** An unfinished dossier's time state, or a finished one's outcome. */
export type OnTime = NonNullable<DossierSummary['timeState'] | DossierSummary['outcome']>;

/** What a dossier (or its public view, which may not carry a time state) tells of its clock. */
type Timed = Pick<DossierSummary, 'appointmentAt' | 'completedAt' | 'outcome'> &
  Partial<Pick<DossierSummary, 'timeState'>>;

export function onTimeState(d: Timed, now = Date.now()): OnTime | null {
  if (d.completedAt) return d.outcome;
  if (d.timeState) return d.timeState;
  if (!d.appointmentAt) return null; // not received yet: no clock runs
  return new Date(d.appointmentAt).getTime() < now ? 'overdue' : 'withinTime';
}

export const ON_TIME: Record<OnTime, { key: MessageKey; color: string }> = {
  withinTime: { key: 'onTime.withinTime', color: 'green' },
  dueSoon: { key: 'onTime.dueSoon', color: 'gold' },
  overdue: { key: 'onTime.overdue', color: 'red' },
  early: { key: 'onTime.early', color: 'green' },
  onTime: { key: 'onTime.onTime', color: 'green' },
  late: { key: 'onTime.late', color: 'red' },
};
