/**
 * The rollup's SQL: what a dossier contributes (its facts, from the raw rows through the very
 * predicates the raw index uses), and how facts turn into counter rows. Shared by the full
 * rebuild and the incremental refresh, so both write the same numbers.
 */
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { reportedDossiers as dossiers } from '../dossiers/dossiers.reporting.js';
import {
  fromNationalStore,
  fullyDigitized,
  hasEResult,
  hasFees,
  isCertification,
  noComplaint,
  paidOnline,
  populationCheckDue,
  populationDataUsed,
  prefilledForm,
  reusedData,
  signedEResult,
  syncedToPortal,
} from './indicators.js';

/** The Vietnam date (UTC+7, no daylight saving) of an instant: periods start at 00:00 Vietnam time. */
export const vietnamDay = (instant: SQL | AnyColumn) =>
  sql`((${instant} at time zone 'UTC') + interval '7 hours')::date`;

export const FACT_COLUMNS = sql.raw(
  'dossier_id, competent_unit_id, receiving_unit_id, procedure_id, received_day, completed_day, online, digitized, reused, counted, on_time, satisfied, processed, e_result, within_from, within_to, paused_within_from, paused_within_to, with_fees, paid_online, synced, national_store, population_due, population_used, certification, signed_e_result, running_open, running_paused_within, due_minute, prefilled_form',
);

/**
 * The facts of the dossiers satisfying `where`, as a SELECT of FACT_COLUMNS.
 *
 * "Within time at the end of day D" (progress's numerator for a period ending on D, judged at
 * that instant E = 00:00 of D + 1) for a dossier not finished by E: received by then, not
 * withdrawn, at most one supplement, and — as `onTimeOrWithin` says — if it was paused before E,
 * its legal due time not before the pause, otherwise its legal due time not before E. Those are
 * columns of the dossier as it stands (a change queues it and its facts are replaced), so the
 * days D form at most two ranges:
 *   before the pause day (or without a pause): received day ≤ D ≤ min(completed, due, pause day) − 1;
 *   from the pause day, if due ≥ pause: max(received day, pause day) ≤ D ≤ completed day − 1.
 * A running dossier has no completed day: its ranges stay open (paused_within_to null), so a
 * period that is over reads every dossier running at its end from the counters too.
 *
 * "Within time now" (a period not over) for a running dossier: paused before now, its due time not
 * before the pause (running_paused_within, whatever now); otherwise its due time not before now —
 * surely so when due from the next minute on (running_open by due_minute), read raw when due in
 * the current one (rollup.query.ts).
 */
export function factsOf(where: SQL): SQL {
  const d = dossiers;
  const received = vietnamDay(d.receivedAt);
  const completed = vietnamDay(d.completedAt);
  const counted = sql`(${d.receivedAt} is not null and ${d.status} <> 'withdrawn')`;
  const judged = sql`(${counted} and ${d.supplementCount} <= 1 and ${d.legalDueAt} is not null)`;
  const lastBeforePause = sql`least(${completed} - 1, ${vietnamDay(d.legalDueAt)} - 1, ${vietnamDay(d.pausedSince)} - 1)`;
  const firstPaused = sql`greatest(${received}, ${vietnamDay(d.pausedSince)})`;
  const before = sql`(${judged} and ${received} <= ${lastBeforePause})`;
  const paused = sql`(${judged} and ${d.pausedSince} is not null and ${d.legalDueAt} >= ${d.pausedSince} and (${d.completedAt} is null or ${firstPaused} <= ${completed} - 1))`;
  const running = sql`(${judged} and ${d.completedAt} is null)`;
  return sql`select ${d.id}, ${d.competentUnitId}, ${d.receivingUnitId}, ${d.procedureId}, ${received}, ${completed},
    ${d.channel} = 'online', coalesce(${fullyDigitized}, false), coalesce(${reusedData}, false), ${counted},
    ${counted} and coalesce(${d.outcome} in ('early', 'onTime'), false), coalesce(${noComplaint}, false),
    ${d.status} in ('processed', 'returned'), coalesce(${hasEResult}, false),
    case when ${before} then ${received} end, case when ${before} then ${lastBeforePause} end,
    case when ${paused} then ${firstPaused} end, case when ${paused} then ${completed} - 1 end,
    coalesce(${hasFees}, false), coalesce(${paidOnline}, false), coalesce(${syncedToPortal}, false),
    coalesce(${fromNationalStore}, false), ${populationCheckDue}, coalesce(${populationDataUsed}, false),
    coalesce(${isCertification}, false), coalesce(${signedEResult}, false),
    ${running} and ${d.pausedSince} is null, ${running} and ${d.pausedSince} is not null and ${d.legalDueAt} >= ${d.pausedSince},
    case when ${running} and ${d.pausedSince} is null then date_trunc('minute', ${d.legalDueAt}) end,
    coalesce(${prefilledForm}, false)
    from ${d} where ${where}`;
}

const DAILY_COUNTERS = [
  'received',
  'received_online',
  'digitized',
  'reused',
  'counted_received',
  'counted_completed',
  'on_time',
  'on_time_satisfied',
  'processed',
  'e_result',
  'within_delta',
  'within_satisfied_delta',
  'received_with_fees',
  'received_paid_online',
  'received_synced',
  'received_national_store',
  'received_population_due',
  'received_population_used',
  'certification_processed',
  'certification_signed',
  'running_paused_within',
  'running_paused_within_satisfied',
  'received_online_prefilled',
] as const;

/**
 * Adds `sign` × the contribution of the facts in relation `facts` (a CTE name) to kpi_daily,
 * kpi_running and kpi_daily_procedures: three data-modifying statements for the caller's WITH. Each fact row gives
 * up to six (day, counters) rows: its received day, its completed day, and the starts and ends
 * (+1) of its within-time ranges (a running dossier's open range has no end row: a null day).
 */
export function addContributions(facts: string, sign: 1 | -1): { daily: SQL; running: SQL; procedures: SQL } {
  const f = sql.identifier(facts);
  const s = sql.raw(String(sign));
  const cols = sql.raw(DAILY_COUNTERS.join(', '));
  const sums = sql.raw(DAILY_COUNTERS.map((c) => `${sign} * sum(v.${c})`).join(', '));
  const updates = sql.raw(DAILY_COUNTERS.map((c) => `${c} = k.${c} + excluded.${c}`).join(', '));
  const daily = sql`insert into kpi_daily as k (day, competent_unit_id, receiving_unit_id, ${cols})
    select v.day, f.competent_unit_id, f.receiving_unit_id, ${sums}
    from ${f} f cross join lateral (values
      (f.received_day, 1, f.online::int, f.digitized::int, f.reused::int, f.counted::int, 0, 0, 0, 0, 0, 0, 0, f.with_fees::int, (f.with_fees and f.paid_online)::int, f.synced::int,
        f.national_store::int, f.population_due::int, (f.population_due and f.population_used)::int, 0, 0,
        f.running_paused_within::int, (f.running_paused_within and f.satisfied)::int, (f.online and f.prefilled_form)::int),
      (f.completed_day, 0, 0, 0, 0, 0, f.counted::int, f.on_time::int, (f.on_time and f.satisfied)::int, f.processed::int, (f.processed and f.e_result)::int, 0, 0, 0, 0, 0,
        0, 0, 0, (f.processed and f.certification)::int, (f.processed and f.certification and f.signed_e_result)::int, 0, 0, 0),
      (f.within_from, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, f.satisfied::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
      (f.within_to + 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -(f.satisfied::int), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
      (f.paused_within_from, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, f.satisfied::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
      (f.paused_within_to + 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -(f.satisfied::int), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    ) as v(day, ${cols})
    where v.day is not null
    group by 1, 2, 3
    on conflict (day, competent_unit_id, receiving_unit_id) do update set ${updates}`;
  const paid = sql.raw('(f.with_fees and f.paid_online)');
  const procedures = sql`insert into kpi_daily_procedures as k (procedure_id, unit_id, day, online_received, paid_online_received)
    select f.procedure_id, u.unit_id, f.received_day, ${s} * count(*) filter (where f.online), ${s} * count(*) filter (where ${paid})
    from ${f} f cross join lateral (select f.competent_unit_id union select f.receiving_unit_id) as u(unit_id)
    where (f.online or ${paid}) and f.received_day is not null
    group by 1, 2, 3
    on conflict (procedure_id, unit_id, day) do update set online_received = k.online_received + excluded.online_received,
      paid_online_received = k.paid_online_received + excluded.paid_online_received`;
  const running = sql`insert into kpi_running as k (due_minute, competent_unit_id, receiving_unit_id, open, open_satisfied)
    select f.due_minute, f.competent_unit_id, f.receiving_unit_id, ${s} * count(*), ${s} * count(*) filter (where f.satisfied)
    from ${f} f where f.running_open
    group by 1, 2, 3
    on conflict (due_minute, competent_unit_id, receiving_unit_id) do update set open = k.open + excluded.open, open_satisfied = k.open_satisfied + excluded.open_satisfied`;
  return { daily, running, procedures };
}
