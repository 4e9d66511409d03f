/**
 * Satisfaction figures for a set of units over a period, for the KPI module and the plan-target
 * table. A rating belongs to the units when its dossier's competent or receiving unit is among
 * them (the service centre receives for every department; its counters are rated too).
 */
import { and, gte, inArray, lt, or } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { dossierRates, type Rate, rateOf, ratesBy } from './satisfaction.rules.js';
import { satisfactionRatings } from './satisfaction.tables.js';

export interface FiguresQuery {
  unitIds: string[];
  /** [from, to): instants (UTC). */
  from: Date;
  to: Date;
}

export interface SatisfactionFigures extends Rate {
  /** numerator/denominator above are dossiers (satisfied when every rating of it is). */
  ratings: Rate;
  byUnit: ({ unitId: string } & Rate)[];
  byOfficer: ({ userId: string } & Rate)[];
  byProcedure: ({ procedureId: string } & Rate)[];
  /** Drill-down: the dossiers with an unsatisfied rating. */
  unsatisfiedDossierIds: string[];
}

const list = <K extends string>(map: Map<string, Rate>, key: K) =>
  [...map]
    .map(([id, rate]) => ({ [key]: id, ...rate }) as { [P in K]: string } & Rate)
    .sort((a, b) => b.denominator - a.denominator);

export async function satisfactionFigures(db: Queryable, q: FiguresQuery): Promise<SatisfactionFigures> {
  const rows = q.unitIds.length
    ? await db
        .select({
          dossierId: satisfactionRatings.dossierId,
          satisfied: satisfactionRatings.satisfied,
          competentUnitId: satisfactionRatings.competentUnitId,
          procedureId: satisfactionRatings.procedureId,
          receivedBy: satisfactionRatings.receivedBy,
          returnedBy: satisfactionRatings.returnedBy,
        })
        .from(satisfactionRatings)
        .where(
          and(
            or(
              inArray(satisfactionRatings.competentUnitId, q.unitIds),
              inArray(satisfactionRatings.receivingUnitId, q.unitIds),
            ),
            gte(satisfactionRatings.ratedAt, q.from),
            lt(satisfactionRatings.ratedAt, q.to),
          ),
        )
    : [];
  return {
    ...dossierRates(rows),
    ratings: rateOf(rows),
    byUnit: list(
      ratesBy(rows, (r) => [r.competentUnitId]),
      'unitId',
    ),
    byOfficer: list(
      ratesBy(rows, (r) => [r.receivedBy, r.returnedBy]),
      'userId',
    ),
    byProcedure: list(
      ratesBy(rows, (r) => [r.procedureId]),
      'procedureId',
    ),
    unsatisfiedDossierIds: [...new Set(rows.filter((r) => !r.satisfied).map((r) => r.dossierId))],
  };
}
