/**
 * What each Decision-766 indicator counts, as SQL predicates over a source of rows (dossiers, or
 * the procedure versions in force). The index query counts `denominator` and
 * `denominator AND numerator` with these predicates; the drill-down lists the rows that satisfy
 * the very same ones — so a figure and its list cannot disagree, and a later rollup (counters by
 * unit × day × procedure) has one definition to reproduce. Transparency (publication decisions,
 * with the calendar) and feedback handling (with the feedback module's rules) are classified row
 * by row in TypeScript (row-families.ts). Indicators whose data MotCua does not hold yet are
 * `unavailable`, with the reason.
 *
 * Columns are referenced through Drizzle (rendered "table"."column"), so the same fragment serves
 * the raw counting query and the query builder of the drill-down.
 */
import { type SQL, sql } from 'drizzle-orm';
import {
  reportedCompetentUnits as procedureCompetentUnits,
  reportedProcedures as procedures,
  reportedProcedureVersions as procedureVersions,
} from '../catalog/catalog.reporting.js';
import {
  reportedReuses as storeItemReuses,
  reportedStoreItems as storeItems,
} from '../datastore/datastore.reporting.js';
import {
  reportedComponents as dossierComponents,
  reportedDossiers as dossiers,
  reportedResults as dossierResults,
} from '../dossiers/dossiers.reporting.js';
import { reportedFilledForms as dossierEforms } from '../eforms/eforms.reporting.js';
import { reportedFeedback as feedbackItems } from '../feedback/feedback.reporting.js';
import { reportedSyncs as nationalDossierSyncs } from '../national-portal/national-portal.reporting.js';
import { reportedPayments as payments } from '../payments/payments.reporting.js';
import { reportedRatings as satisfactionRatings } from '../satisfaction/satisfaction.reporting.js';
import { unitSubtree } from '../org/unit-subtree.sql.js';
import { CERTIFICATION_FIELD_CODES, type IndicatorKey } from './kpi.config.js';

/** The unit and period an index is computed for. */
export interface KpiScope {
  unitId: string;
  /** Vietnam dates, both included. */
  from: string;
  to: string;
  /** [start, end) instants of the period. */
  start: Date;
  end: Date;
  /**
   * When "still within time" is judged: the period's end, or now for a period not over yet.
   * A parameter (not now()) so a figure is reproducible and a rollup can use the same instant.
   */
  asOf: Date;
  /**
   * Counting many units in one statement (rankings, forEachUnit): the unit is this column of the
   * outer query, not `unitId`; each unit's subtree is then computed once per unit.
   */
  unitColumn?: SQL;
}

export type SourceKey = 'dossiers' | 'procedures';

/** An instant as a timestamptz parameter. */
export const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const day = (d: string) => sql`${d}::date`;

/** The units of the scope: its unit's subtree. */
export const scopeUnits = (s: KpiScope) => unitSubtree(s.unitColumn ?? s.unitId);

/**
 * `select(scope)` (a query over one unit) for each of `unitIds`, with the unit as column "unit":
 * many units counted in one statement through the very predicates of one. Lateral, so each
 * unit's subtree is a constant of its sub-query (hashed once, not probed per row).
 */
export const forEachUnit = (unitIds: readonly string[], s: KpiScope, select: (s: KpiScope) => SQL) =>
  sql`select m.unit, x.* from (values ${sql.join(
    unitIds.map((id) => sql`(${id}::uuid)`),
    sql`, `,
  )}) as m(unit) cross join lateral (${select({ ...s, unitColumn: sql`m.unit` })}) as x`;

/**
 * A dossier belongs to a unit when the unit (or one below it) is competent for it — after a
 * transfer, the unit it was transferred to — or received it at its one-stop counter.
 */
export const dossierInScope = (s: KpiScope) =>
  sql`(${dossiers.competentUnitId} in ${scopeUnits(s)} or ${dossiers.receivingUnitId} in ${scopeUnits(s)})`;

/**
 * Procedure versions in force on the period's last day with a competent unit in the subtree:
 * the key (version, unit) probed unit by unit (lateral), not every competent unit of the version
 * scanned — a province-wide procedure has one per commune.
 */
export const procedureInScope = (s: KpiScope) => sql`(${procedureVersions.effectiveFrom} <= ${day(s.to)}
  and (${procedureVersions.effectiveTo} is null or ${procedureVersions.effectiveTo} > ${day(s.to)})
  and exists (select 1 from ${scopeUnits(s)} as sub(id) cross join lateral (select 1 from ${procedureCompetentUnits}
    where ${procedureCompetentUnits.versionId} = ${procedureVersions.id} and ${procedureCompetentUnits.unitId} = sub.id) as competent))`;

export const SOURCES: Record<SourceKey, { from: SQL; inScope: (s: KpiScope) => SQL }> = {
  dossiers: { from: sql`${dossiers}`, inScope: dossierInScope },
  procedures: {
    from: sql`${procedureVersions} join ${procedures} on ${procedures.id} = ${procedureVersions.procedureId}`,
    inScope: procedureInScope,
  },
};

// --- Dossier predicates ------------------------------------------------------------------------

/** Received (the legal clock started) in the period. Online filings not yet accepted are not. */
export const receivedIn = (s: KpiScope) =>
  sql`(${dossiers.receivedAt} >= ${at(s.start)} and ${dossiers.receivedAt} < ${at(s.end)})`;

/**
 * Received or processed in the period: received before its end and not finished before its start
 * (new, carried over, finished in it). Withdrawn dossiers are left out: the applicant ended them,
 * the unit neither met nor missed a deadline.
 */
export const handledIn = (s: KpiScope) => sql`(${dossiers.receivedAt} < ${at(s.end)}
  and (${dossiers.completedAt} is null or ${dossiers.completedAt} >= ${at(s.start)})
  and ${dossiers.status} <> 'withdrawn')`;

/**
 * Finished on time in the period (outcome early/onTime against the legal due time: an apology
 * letter does not rescue it, a second supplement request made it late), or not finished by
 * `asOf` and still within time then. A paused dossier (awaiting supplement or payment since
 * before `asOf`) is within time when it paused before its due time: the applicant's wait is not
 * the unit's. A second supplement request is late already, before it ends.
 */
export const onTimeOrWithin = (
  s: KpiScope,
) => sql`((${dossiers.completedAt} < ${at(s.end)} and ${dossiers.outcome} in ('early', 'onTime'))
  or ((${dossiers.completedAt} is null or ${dossiers.completedAt} >= ${at(s.end)}) and ${dossiers.supplementCount} <= 1
    and case when ${dossiers.pausedSince} < ${at(s.asOf)} then ${dossiers.legalDueAt} >= ${dossiers.pausedSince}
             else ${dossiers.legalDueAt} >= ${at(s.asOf)} end))`;

/** Processing ended with a result in the period (processed, then maybe returned). */
export const processedIn = (s: KpiScope) => sql`(${dossiers.status} in ('processed', 'returned')
  and ${dossiers.completedAt} >= ${at(s.start)} and ${dossiers.completedAt} < ${at(s.end)})`;

// Membership tests are written `id in (uncorrelated sub-select)` rather than correlated EXISTS:
// inside `count(*) filter (…)` PostgreSQL cannot turn them into joins, but it runs an
// uncorrelated sub-select once and probes a hash, where EXISTS would run per dossier (and
// store_items / feedback_items have no index on the dossier column). The columns are NOT NULL
// or filtered, so NOT IN has no NULL trap.
export const hasEResult = sql`${dossiers.id} in (select ${dossierResults.dossierId} from ${dossierResults})`;
export const isOnline = sql`${dossiers.channel} = 'online'`;
/**
 * Hồ sơ DVCTT được điền sẵn thông tin (seed 003): the dossier was filed with an e-form of which at
 * least one field the system filled in from data (profile, population database, data store,
 * previous dossier) and the filer kept — eforms' dossier_eforms.fields_prefilled, counted at intake.
 */
export const prefilledForm = sql`${dossiers.id} in (select ${dossierEforms.dossierId} from ${dossierEforms} where ${dossierEforms.fieldsPrefilled} > 0)`;
export const reusedData = sql`${dossiers.id} in (select ${storeItemReuses.dossierId} from ${storeItemReuses})`;

/** Every filed component is in the applicant's store: digitized from this dossier, or reused. */
export const fullyDigitized = sql`(${dossiers.id} in (select ${dossierComponents.dossierId} from ${dossierComponents})
  and ${dossiers.id} not in (select ${dossierComponents.dossierId} from ${dossierComponents}
    where not exists (select 1 from ${storeItems} where ${storeItems.sourceDossierId} = ${dossierComponents.dossierId} and ${storeItems.sourceComponentId} = ${dossierComponents.componentId})
      and not exists (select 1 from ${storeItemReuses} where ${storeItemReuses.dossierId} = ${dossierComponents.dossierId} and ${storeItemReuses.componentId} = ${dossierComponents.componentId})))`;

/**
 * Satisfied with the dossier: handled on time (as progress counts it), no unsatisfied rating and
 * no feedback item (complaint) about it. §9 says 100 % − (late rate + complaint rate); with one
 * base (the progress denominator) that is this set, except that a dossier both late and
 * complained about is subtracted once, not twice.
 */
const satisfiedWith = (s: KpiScope) => sql`(${onTimeOrWithin(s)} and ${noComplaint})`;

/** No unsatisfied rating and no feedback item about the dossier (the rollup keeps it per dossier). */
export const noComplaint = sql`(${dossiers.id} not in (select ${satisfactionRatings.dossierId} from ${satisfactionRatings} where not ${satisfactionRatings.satisfied})
  and ${dossiers.id} not in (select ${feedbackItems.dossierId} from ${feedbackItems} where ${feedbackItems.dossierId} is not null))`;

/** Charged fee lines (phí, lệ phí) with a positive total, as copied from the procedure's channel. */
export const hasFees = sql`(select coalesce(sum((f.value->>'amountVnd')::bigint), 0) from jsonb_array_elements(${dossiers.fees}) f) > 0`;

/** A payment of the dossier through the online payment platform succeeded. */
export const paidOnline = sql`${dossiers.id} in (select ${payments.dossierId} from ${payments} where ${payments.channel} = 'online' and ${payments.status} = 'paid')`;

/**
 * Đã đồng bộ lên Cổng DVCQG: the national portal accepted the dossier at least once as received
 * (a DongBoHoSoMC record with NgayTiepNhan and a status past "registered online"). A later change
 * waiting to be pushed, or a push that failed, does not take it back: the portal holds the dossier.
 */
export const syncedToPortal = sql`${dossiers.id} in (select ${nationalDossierSyncs.dossierId} from ${nationalDossierSyncs} where ${nationalDossierSyncs.receivedSyncedAt} is not null)`;

/**
 * A certification dossier (chứng thực): its procedure belongs to one of CERTIFICATION_FIELD_CODES.
 * A dossier keeps its procedure, so this is fixed for the dossier's life.
 */
export const isCertification = sql`${dossiers.procedureId} in (select ${procedures.id} from ${procedures}
  where ${procedures.fieldCode} in (${sql.join(
    CERTIFICATION_FIELD_CODES.map((code) => sql`${code}`),
    sql`, `,
  )}))`;

/**
 * Bản sao điện tử có chứng thực: the result is an electronic document carrying a digital signature
 * that was not found bad — verified valid, or signed but not checkable against our trust list
 * (unverifiable). An unsigned file or a signature that failed verification is no certified copy.
 */
export const signedEResult = sql`${dossiers.id} in (select ${dossierResults.dossierId} from ${dossierResults}
  where ${dossierResults.verification} in ('valid', 'unverifiable'))`;

/** A component was taken from the national data store (DuocLayTuKhoDMQG). */
export const fromNationalStore = sql`${dossiers.id} in (select ${dossierComponents.dossierId} from ${dossierComponents}
  where ${dossierComponents.nationalDocumentId} is not null)`;

/**
 * Population data was due: intake looked the applicant up (a citizen of a procedure version
 * connected to the population database), whatever the answer — recorded on the dossier then, so
 * a later change of the catalog flag does not rewrite the past.
 */
export const populationCheckDue = sql`${dossiers.populationCheck} is not null`;

/** Population data was used: the database found the citizen and the declared identity matched. */
export const populationDataUsed = sql`${dossiers.populationCheck} = 'verified'`;

// --- Procedure predicates -----------------------------------------------------------------------

/** Offered online, fully (toàn trình) or partly (một phần): both are online public services. */
const offeredOnline = sql`(${procedureVersions.content}->>'onlineLevel') in ('full', 'partial')`;

/** An online dossier of this procedure was received in the period at the unit. */
const hadOnlineDossier = (
  s: KpiScope,
) => sql`${procedureVersions.procedureId} in (select ${dossiers.procedureId} from ${dossiers}
  where ${isOnline} and ${receivedIn(s)} and ${dossierInScope(s)})`;

const channelsOf = sql`jsonb_array_elements(${procedureVersions.content}->'channels')`;

/** A channel of the version charges a fee. */
const chargesFees = sql`exists (select 1 from ${channelsOf} ch, jsonb_array_elements(ch.value->'fees') f where (f.value->>'amountVnd')::bigint > 0)`;

/** A channel of the version is integrated with the online payment platform (ChannelOffer.onlinePayment). */
const paysOnline = sql`exists (select 1 from ${channelsOf} ch where coalesce((ch.value->>'onlinePayment')::boolean, false))`;

/**
 * A dossier of this procedure with fees, received in the period at the unit, was paid online.
 * Periods are attributed by the dossier's received day, as for every dossier indicator, so the
 * rollup keeps it per dossier (kpi_daily_procedures.paid_online_received).
 */
const hadOnlinePayment = (
  s: KpiScope,
) => sql`${procedureVersions.procedureId} in (select ${dossiers.procedureId} from ${dossiers}
  where ${hasFees} and ${paidOnline} and ${receivedIn(s)} and ${dossierInScope(s)})`;

/** Citizens may apply (an organisation-only procedure has nobody to look up in the population database). */
const forCitizens = sql`(${procedureVersions.content}->'applicantTypes') ? 'citizen'`;

/** Connected to the national population database (ProcedureContent.populationDataConnected). */
const populationConnected = sql`coalesce((${procedureVersions.content}->>'populationDataConnected')::boolean, false)`;

// --- The indicators ------------------------------------------------------------------------------

export interface SqlIndicator {
  kind: 'sql';
  source: SourceKey;
  denominator: (s: KpiScope) => SQL;
  /** Applied together with the denominator: the numerator is always a subset. */
  numerator: (s: KpiScope) => SQL;
}
/** Rows read once per family and classified in TypeScript (row-families.ts). */
export type RowFamily = 'decisions' | 'feedback';
export interface RowsIndicator {
  kind: 'rows';
  family: RowFamily;
}
export interface UnavailableIndicator {
  kind: 'unavailable';
  note: string;
}
export type IndicatorDefinition = SqlIndicator | RowsIndicator | UnavailableIndicator;

const always = () => sql`true`;

export const INDICATORS: Record<IndicatorKey, IndicatorDefinition> = {
  'transparency.publishedOnTime': { kind: 'rows', family: 'decisions' },
  'transparency.updatedOnTime': { kind: 'rows', family: 'decisions' },
  'transparency.completeParts': { kind: 'rows', family: 'decisions' },
  'transparency.synced': { kind: 'sql', source: 'dossiers', denominator: receivedIn, numerator: () => syncedToPortal },
  'progress.onTime': { kind: 'sql', source: 'dossiers', denominator: handledIn, numerator: onTimeOrWithin },
  'online.proceduresOnline': { kind: 'sql', source: 'procedures', denominator: always, numerator: () => offeredOnline },
  'online.servicesWithDossiers': {
    kind: 'sql',
    source: 'procedures',
    denominator: () => offeredOnline,
    numerator: hadOnlineDossier,
  },
  'online.dossiersOnline': { kind: 'sql', source: 'dossiers', denominator: receivedIn, numerator: () => isOnline },
  'online.prefilledForms': {
    kind: 'sql',
    source: 'dossiers',
    denominator: (s) => sql`(${receivedIn(s)} and ${isOnline})`,
    numerator: () => prefilledForm,
  },
  'payment.dossiersPaidOnline': {
    kind: 'sql',
    source: 'dossiers',
    denominator: (s) => sql`(${receivedIn(s)} and ${hasFees})`,
    numerator: () => paidOnline,
  },
  'payment.proceduresIntegrated': {
    kind: 'sql',
    source: 'procedures',
    denominator: () => chargesFees,
    numerator: () => paysOnline,
  },
  'payment.proceduresWithTransactions': {
    kind: 'sql',
    source: 'procedures',
    denominator: () => sql`(${chargesFees} and ${paysOnline})`,
    numerator: hadOnlinePayment,
  },
  'digitization.eResult': { kind: 'sql', source: 'dossiers', denominator: processedIn, numerator: () => hasEResult },
  'digitization.digitized': {
    kind: 'sql',
    source: 'dossiers',
    denominator: receivedIn,
    numerator: () => fullyDigitized,
  },
  'digitization.certifiedCopies': {
    kind: 'sql',
    source: 'dossiers',
    denominator: (s) => sql`(${processedIn(s)} and ${isCertification})`,
    numerator: () => signedEResult,
  },
  'digitization.reuse': { kind: 'sql', source: 'dossiers', denominator: receivedIn, numerator: () => reusedData },
  'digitization.nationalStore': {
    kind: 'sql',
    source: 'dossiers',
    denominator: receivedIn,
    numerator: () => fromNationalStore,
  },
  'digitization.populationProcedures': {
    kind: 'sql',
    source: 'procedures',
    denominator: () => forCitizens,
    numerator: () => populationConnected,
  },
  'digitization.populationDossiers': {
    kind: 'sql',
    source: 'dossiers',
    denominator: (s) => sql`(${receivedIn(s)} and ${populationCheckDue})`,
    numerator: () => populationDataUsed,
  },
  'satisfaction.feedbackOnTime': { kind: 'rows', family: 'feedback' },
  'satisfaction.feedbackSatisfaction': { kind: 'rows', family: 'feedback' },
  'satisfaction.dossierSatisfaction': {
    kind: 'sql',
    source: 'dossiers',
    denominator: handledIn,
    numerator: satisfiedWith,
  },
};
