/**
 * The Decision-766 rollup (docs/ARCHITECTURE.md, "KPI rollup"): what the index needs from
 * millions of dossiers, kept as counters by day × competent unit × receiving unit, plus the
 * procedures that had online dossiers by day × unit. Derived data: rebuilt from the raw rows at
 * any time (`rebuildRollup`), maintained from a queue the triggers of the source tables fill
 * (`refreshRollup`). No foreign keys: it must never stop a dossier from changing.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Dossiers whose rows (or their results, components, store items, ratings, feedback) changed since the last refresh. */
export const kpiRollupQueue = pgTable('kpi_rollup_queue', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  dossierId: uuid('dossier_id').notNull(),
});

/**
 * What one dossier contributed to the counters when it was last refreshed, so a change can take
 * that contribution back exactly before adding the new one. Days are Vietnam dates.
 */
export const kpiDossierFacts = pgTable('kpi_dossier_facts', {
  dossierId: uuid('dossier_id').primaryKey(),
  competentUnitId: uuid('competent_unit_id').notNull(),
  receivingUnitId: uuid('receiving_unit_id').notNull(),
  procedureId: uuid('procedure_id').notNull(),
  receivedDay: date('received_day'),
  completedDay: date('completed_day'),
  online: boolean('online').notNull(),
  digitized: boolean('digitized').notNull(),
  reused: boolean('reused').notNull(),
  /** Received and not withdrawn: in progress's denominator while it runs. */
  counted: boolean('counted').notNull(),
  /** Counted, finished early or on time. */
  onTime: boolean('on_time').notNull(),
  /** No unsatisfied rating, no feedback item about it. */
  satisfied: boolean('satisfied').notNull(),
  /** Processed or returned (digitization.eResult's denominator), and whether with an e-result. */
  processed: boolean('processed').notNull(),
  eResult: boolean('e_result').notNull(),
  /** Charged fee lines (phí, lệ phí), and whether a payment of it was made online (payment group). */
  withFees: boolean('with_fees').notNull().default(false),
  paidOnline: boolean('paid_online').notNull().default(false),
  /** The national portal accepted it as received (transparency.synced). */
  synced: boolean('synced').notNull().default(false),
  /** A component taken from the national data store (digitization.nationalStore). */
  nationalStore: boolean('national_store').notNull().default(false),
  /** Population data was due at intake, and used (verified) (digitization.populationDossiers). */
  populationDue: boolean('population_due').notNull().default(false),
  populationUsed: boolean('population_used').notNull().default(false),
  /** A certification dossier (CERTIFICATION_FIELD_CODES), and whether its result is a signed e-copy (digitization.certifiedCopies). */
  certification: boolean('certification').notNull().default(false),
  signedEResult: boolean('signed_e_result').notNull().default(false),
  /**
   * The days D at whose end this finished dossier was still running and within time (progress's
   * numerator for a period ending on D): at most two ranges, both ends included.
   */
  withinFrom: date('within_from'),
  withinTo: date('within_to'),
  pausedWithinFrom: date('paused_within_from'),
  pausedWithinTo: date('paused_within_to'),
  /**
   * A running dossier (received, not finished, not withdrawn, at most one supplement, with a due
   * time) as a period not over judges it "within time now": not paused, by its due minute
   * (kpi_running); paused, within time when it paused before its due time, whatever now.
   */
  runningOpen: boolean('running_open').notNull().default(false),
  runningPausedWithin: boolean('running_paused_within').notNull().default(false),
  /** Running and not paused: its legal due time (hạn giải quyết) to the minute (kpi_running's key). */
  dueMinute: timestamp('due_minute', { withTimezone: true }),
  /** Filed with an e-form some of whose fields were prefilled from data (online.prefilledForms). */
  prefilledForm: boolean('prefilled_form').notNull().default(false),
});

const counter = (name: string) => integer(name).notNull().default(0);

/** Counters by Vietnam day × competent unit × receiving unit (each dossier's unit pair). */
export const kpiDaily = pgTable(
  'kpi_daily',
  {
    day: date('day').notNull(),
    competentUnitId: uuid('competent_unit_id').notNull(),
    receivingUnitId: uuid('receiving_unit_id').notNull(),
    /** By received day. */
    received: counter('received'),
    receivedOnline: counter('received_online'),
    digitized: counter('digitized'),
    reused: counter('reused'),
    countedReceived: counter('counted_received'),
    /** By completed day. */
    countedCompleted: counter('counted_completed'),
    onTime: counter('on_time'),
    onTimeSatisfied: counter('on_time_satisfied'),
    processed: counter('processed'),
    eResult: counter('e_result'),
    /** By received day: dossiers with fees, and those of them paid online. */
    receivedWithFees: counter('received_with_fees'),
    receivedPaidOnline: counter('received_paid_online'),
    /** By received day: dossiers the national portal holds as received (transparency.synced). */
    receivedSynced: counter('received_synced'),
    /** By received day: with a component from the national data store; population data due, and used. */
    receivedNationalStore: counter('received_national_store'),
    receivedPopulationDue: counter('received_population_due'),
    receivedPopulationUsed: counter('received_population_used'),
    /** By completed day: certification dossiers processed, and those with a signed electronic result. */
    certificationProcessed: counter('certification_processed'),
    certificationSigned: counter('certification_signed'),
    /** Deltas: their sum over days ≤ D counts finished dossiers running and within time at D's end. */
    withinDelta: counter('within_delta'),
    withinSatisfiedDelta: counter('within_satisfied_delta'),
    /** By received day: running dossiers paused before their due time (within time now, whatever now), and of them satisfied. */
    runningPausedWithin: counter('running_paused_within'),
    runningPausedWithinSatisfied: counter('running_paused_within_satisfied'),
    /** By received day: online dossiers filed with an e-form some of whose fields were prefilled (online.prefilledForms). */
    receivedOnlinePrefilled: counter('received_online_prefilled'),
  },
  (t) => [primaryKey({ columns: [t.day, t.competentUnitId, t.receivingUnitId] })],
);

/** Online dossiers, and dossiers paid online, received by procedure × unit (competent, and receiving when another) × day. */
export const kpiDailyProcedures = pgTable(
  'kpi_daily_procedures',
  {
    procedureId: uuid('procedure_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    day: date('day').notNull(),
    onlineReceived: counter('online_received'),
    /** Received dossiers with fees paid online (procedures with online payment transactions). */
    paidOnlineReceived: counter('paid_online_received'),
  },
  (t) => [primaryKey({ columns: [t.procedureId, t.unitId, t.day] }), index('kpi_daily_procedures_day_idx').on(t.day)],
);

/**
 * Running dossiers not paused by due minute × competent unit × receiving unit: those due from
 * the next minute on are within time now (rollup.query.ts reads the current minute's raw). The
 * due minute leads the key, so "within time now" is one range; a row whose dossiers all finished
 * is deleted by the refresh (kpi_running_zero_idx finds them), so the table holds the running
 * dossiers' minutes only — at 10 M dossiers a year ≈ 140 k rows, not one per dossier ever.
 */
export const kpiRunning = pgTable(
  'kpi_running',
  {
    dueMinute: timestamp('due_minute', { withTimezone: true }).notNull(),
    competentUnitId: uuid('competent_unit_id').notNull(),
    receivingUnitId: uuid('receiving_unit_id').notNull(),
    open: counter('open'),
    openSatisfied: counter('open_satisfied'),
  },
  (t) => [
    primaryKey({ columns: [t.dueMinute, t.competentUnitId, t.receivingUnitId] }),
    index('kpi_running_zero_idx').on(t.dueMinute).where(sql`open = 0`),
  ],
);
