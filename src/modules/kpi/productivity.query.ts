/**
 * Productivity of one-stop officers (năng suất công chức một cửa, DOMAIN §10, seed 002): per
 * officer holding the one_stop_officer role at a unit of the subtree (active accounts), the
 * dossiers the officer received at that unit in the period, annualised, against the productivity
 * target of the officer's unit. The target table's productivity is this table's sum over its
 * officers — one definition, wherever the figure is shown.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../kernel/db.js';
import { reportedDossiers as dossiers } from '../dossiers/dossiers.reporting.js';
import { reportedUserRoles as roles, reportedUsers as users } from '../identity/identity.reporting.js';
import { unitSubtree } from '../org/unit-subtree.sql.js';
import { reportedUnits as units } from '../org/org.reporting.js';
import { at } from './indicators.js';
import { perOfficerYear } from './insights.rules.js';
import type { Period } from './periods.rules.js';

export interface OfficerHandled extends Record<string, unknown> {
  userId: string;
  fullName: string;
  unitId: string;
  unitName: string;
  /** Dossiers the officer received at the unit in the period. */
  handled: number;
}

/** One row per (officer, unit) of the subtree, most dossiers first. */
export async function officersHandled(db: Queryable, unitId: string, period: Period): Promise<OfficerHandled[]> {
  return queryRows<OfficerHandled>(
    db,
    sql`select ${roles.userId} as "userId", ${users.fullName} as "fullName", ${roles.unitId} as "unitId", ${units.name} as "unitName",
        (select count(*) from ${dossiers} where ${dossiers.receivedBy} = ${roles.userId} and ${dossiers.receivingUnitId} = ${roles.unitId}
          and ${dossiers.receivedAt} >= ${at(period.start)} and ${dossiers.receivedAt} < ${at(period.end)})::int as handled
      from ${roles} join ${users} on ${users.id} = ${roles.userId} join ${units} on ${units.id} = ${roles.unitId}
      where ${roles.role} = 'one_stop_officer' and ${users.disabledAt} is null and ${roles.unitId} in ${unitSubtree(unitId)}
      order by handled desc, ${users.fullName}, ${units.name}`,
  );
}

/** The officers' rows with the annualised figure, the target of each officer's unit and the gap. */
export function productivityRows(
  rows: readonly OfficerHandled[],
  period: Period,
  targetOf: (unitId: string) => number,
) {
  return rows.map((r) => {
    const annualised = perOfficerYear(r.handled, 1, period)!;
    const target = targetOf(r.unitId);
    return { ...r, annualised, target, gap: annualised - target };
  });
}

/** The target table's figure: dossiers of all the officers ÷ the officers, annualised. */
export function productivityTotal(rows: readonly OfficerHandled[], period: Period) {
  const handled = rows.reduce((s, r) => s + r.handled, 0);
  const officers = new Set(rows.map((r) => r.userId)).size;
  return { handled, officers, perYear: perOfficerYear(handled, officers, period) };
}
