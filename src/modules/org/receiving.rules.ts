/** Which unit may receive dossiers for which (tiếp nhận hồ sơ): used by intake and by the data store. */

export interface UnitPlace {
  id: string;
  kind: string;
  /** The unit's id and its ancestors' ids. */
  path: readonly string[];
}

/**
 * Whether a one-stop unit may receive for a competent unit (docs/domain/DOMAIN.md §1, §3): any one-stop unit when
 * the procedure is location-independent; otherwise the competent unit itself, a unit above or
 * below it (its own one-stop section), or a public-administration service centre.
 */
export function mayReceiveFor(receiving: UnitPlace, competent: UnitPlace, locationIndependent: boolean): boolean {
  if (locationIndependent) return true;
  if (receiving.kind === 'service_centre') return true;
  return competent.path.includes(receiving.id) || receiving.path.includes(competent.id);
}
