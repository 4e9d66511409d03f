/**
 * Indicators counted from rows that need a rule in TypeScript rather than a SQL predicate:
 * publication-decision items (timeliness in working days from the calendar) and feedback items
 * (the feedback module's overdue and satisfaction rules). A family is read once per request and
 * each row classified for every indicator of the family; the index counts the classification
 * and the drill-down lists it, so the two agree by construction.
 */
import { type AnyColumn, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import {
  reportedCompetentUnits as procedureCompetentUnits,
  reportedDecisionItems as publicationDecisionItems,
  reportedDecisions as publicationDecisions,
  reportedProcedures as procedures,
  reportedProcedureVersions as procedureVersions,
} from '../catalog/catalog.reporting.js';
import type { ProcedureContent } from '../catalog/procedure.content.js';
import { workingDayCounter } from '../catalog/working-days.js';
import { vietnamDateOf } from '../calendar/dates.js';
import { reportedFeedback as feedbackItems } from '../feedback/feedback.reporting.js';
import { type FeedbackFacts, feedbackMembership } from './feedback-membership.rules.js';
import { forEachUnit, type KpiScope, type RowFamily, scopeUnits } from './indicators.js';
import type { IndicatorKey } from './kpi.config.js';
import { type Membership, transparencyMembership } from './transparency.rules.js';

export interface ClassifiedRow {
  kind: 'decisionItem' | 'feedback';
  code: string;
  name: string | null;
  membership: Partial<Record<IndicatorKey, Membership>>;
  /** The unit counting it (the scope's, or one of the units counted together). */
  unit: string;
}

interface DecisionItemRow extends Record<string, unknown> {
  unit?: string;
  decisionNumber: string;
  nationalCode: string;
  name: string;
  signedDate: string;
  legalBasisEffectiveDate: string | null;
  nationalPublishedDate: string | null;
  content: ProcedureContent | null;
}

/**
 * Items of decisions signed in the period that concern the unit: issued by it (or a unit below
 * it), or publishing a procedure for which a unit of its subtree has ever been competent.
 */
async function decisionItems(
  db: Queryable,
  env: Env,
  scope: KpiScope,
  now: Date,
  unitIds?: readonly string[],
): Promise<ClassifiedRow[]> {
  const d = publicationDecisions;
  const select = (scope: KpiScope) => sql`
    select ${d.number} as "decisionNumber", ${procedures.nationalCode} as "nationalCode", ${procedures.name} as "name",
           ${d.signedDate}::text as "signedDate", ${d.legalBasisEffectiveDate}::text as "legalBasisEffectiveDate",
           ${d.nationalPublishedDate}::text as "nationalPublishedDate", ${procedureVersions.content} as "content"
    from ${publicationDecisionItems}
    join ${d} on ${d.id} = ${publicationDecisionItems.decisionId}
    join ${procedures} on ${procedures.id} = ${publicationDecisionItems.procedureId}
    left join ${procedureVersions} on ${procedureVersions.id} = ${publicationDecisionItems.versionId}
    where ${d.signedDate} >= ${scope.from}::date and ${d.signedDate} <= ${scope.to}::date
      and (${d.issuingUnitId} in ${scopeUnits(scope)}
        or exists (select 1 from ${procedureCompetentUnits} join ${procedureVersions} on ${procedureVersions.id} = ${procedureCompetentUnits.versionId}
                   where ${procedureVersions.procedureId} = ${publicationDecisionItems.procedureId} and ${procedureCompetentUnits.unitId} in ${scopeUnits(scope)}))
    order by ${d.signedDate}, ${d.number}, ${procedures.nationalCode}`;
  const rows = await queryRows<DecisionItemRow>(db, unitIds ? forEachUnit(unitIds, scope, select) : select(scope));
  // "Not yet published" turns late once 5 working days have passed by today (not asOf): a
  // decision's window is judged when it is known, whichever period it was signed in.
  const today = vietnamDateOf(now);
  const between = await workingDayCounter(
    db,
    env,
  )([
    today,
    ...rows.flatMap((r) => [r.signedDate, r.legalBasisEffectiveDate ?? [], r.nationalPublishedDate ?? []].flat()),
  ]);
  return rows.map((r) => ({
    kind: 'decisionItem',
    code: `${r.decisionNumber} · ${r.nationalCode}`,
    name: r.name,
    membership: transparencyMembership(r, between, today),
    unit: r.unit ?? scope.unitId,
  }));
}

/**
 * Feedback items received in the period and routed to a unit of the subtree (re-complaints are
 * counted on the item they complain about, as the feedback module's own figures do).
 */
async function feedback(db: Queryable, scope: KpiScope, unitIds?: readonly string[]): Promise<ClassifiedRow[]> {
  const f = feedbackItems;
  // Instants as epoch milliseconds: a raw statement's timestamps come back as strings or Dates depending on the driver.
  const ms = (c: AnyColumn) => sql`(extract(epoch from ${c}) * 1000)::float8`;
  const select = (scope: KpiScope) => sql`
    select ${f.code} as code, ${f.title} as title, ${f.status} as status, ${ms(f.answerDueAt)} as "answerDueMs", ${ms(f.publishDueAt)} as "publishDueMs",
           ${f.outcome} as outcome, ${f.publishOutcome} as "publishOutcome", ${f.likes} as likes, ${f.dislikes} as dislikes, ${f.complaints} as complaints
    from ${f}
    where ${f.unitId} in ${scopeUnits(scope)} and ${f.receivedAt} >= ${scope.start.toISOString()}::timestamptz
      and ${f.receivedAt} < ${scope.end.toISOString()}::timestamptz and ${f.parentId} is null
    order by ${f.code}`;
  type Row = Omit<FeedbackFacts, 'answerDueAt' | 'publishDueAt'> & {
    code: string;
    title: string;
    answerDueMs: number;
    publishDueMs: number | null;
    unit?: string;
  };
  const rows = await queryRows<Row>(db, unitIds ? forEachUnit(unitIds, scope, select) : select(scope));
  return rows.map((r) => {
    const item = {
      ...r,
      answerDueAt: new Date(r.answerDueMs),
      publishDueAt: r.publishDueMs === null ? null : new Date(r.publishDueMs),
    };
    return {
      kind: 'feedback',
      code: r.code,
      name: r.title,
      membership: feedbackMembership(item, scope.asOf),
      unit: r.unit ?? scope.unitId,
    };
  });
}

/** Reads and classifies each family at most once per computation (for the scope's unit, or each of `unitIds`). */
export function rowFamilies(
  db: Queryable,
  env: Env,
  scope: KpiScope,
  now: Date,
  unitIds?: readonly string[],
): (family: RowFamily) => Promise<ClassifiedRow[]> {
  const cache = new Map<RowFamily, Promise<ClassifiedRow[]>>();
  return (family) => {
    let rows = cache.get(family);
    if (!rows) {
      rows = family === 'decisions' ? decisionItems(db, env, scope, now, unitIds) : feedback(db, scope, unitIds);
      cache.set(family, rows);
    }
    return rows;
  };
}

/** The rows of a family counted in an indicator's denominator, or its numerator. */
export function rowsOf(
  rows: readonly ClassifiedRow[],
  key: IndicatorKey,
  part: 'numerator' | 'denominator',
): ClassifiedRow[] {
  return rows.filter((r) =>
    part === 'numerator' ? r.membership[key] === 'numerator' : (r.membership[key] ?? null) !== null,
  );
}
