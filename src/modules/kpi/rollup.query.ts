/**
 * The dossier indicators from the rollup: sums of kpi_daily over the scope's unit pairs and the
 * period's days. For a period that is over, that is all: "within time at its end" is a counter
 * (rollup.sql.ts keeps the days each dossier, running or finished, was within time). For a period
 * not over, "within time" is judged now: counters of the running dossiers by due day, corrected
 * raw for the few due in the current minute (runningNow). Equal to the raw count by
 * construction — rollup.sql.ts derives the counters from the same predicates — and by test
 * (test/api/kpi-rollup.test.ts).
 */
import { type SQL, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../kernel/db.js';
import { MINUTE_MS } from '../calendar/dates.js';
import { reportedProcedureVersions as procedureVersions } from '../catalog/catalog.reporting.js';
import { reportedDossiers as dossiers } from '../dossiers/dossiers.reporting.js';
import { at, INDICATORS, type KpiScope, scopeUnits, type SqlIndicator } from './indicators.js';
import { numeratorOf } from './index.query.js';
import type { IndicatorKey } from './kpi.config.js';
import type { Count } from './kpi.rules.js';

/**
 * online.servicesWithDossiers and payment.proceduresWithTransactions count procedure versions
 * (few, read raw) whose procedure had an online dossier, or a dossier with fees paid online,
 * received in the period in scope: that membership comes from kpi_daily_procedures.
 */
// Per version, probe the key (procedure, unit, day) unit by unit of the subtree and stop at the
// first day with a counted dossier: a few index probes, not a scan of the whole table (lateral
// with limit 1, so the probes go unit by unit whatever the planner estimates).
const hadInPeriod = (counter: 'online_received' | 'paid_online_received') => (s: KpiScope) =>
  sql`exists (select 1 from ${scopeUnits(s)} as sub(id) cross join lateral (select 1 from kpi_daily_procedures k
      where k.procedure_id = ${procedureVersions.procedureId} and k.unit_id = sub.id
        and k.day between ${s.from}::date and ${s.to}::date and k.${sql.identifier(counter)} > 0 limit 1) as hit)`;

export const ROLLUP_OVERRIDES: Partial<Record<IndicatorKey, SqlIndicator>> = {
  'online.servicesWithDossiers': {
    ...(INDICATORS['online.servicesWithDossiers'] as SqlIndicator),
    numerator: hadInPeriod('online_received'),
  },
  'payment.proceduresWithTransactions': {
    ...(INDICATORS['payment.proceduresWithTransactions'] as SqlIndicator),
    numerator: hadInPeriod('paid_online_received'),
  },
};

const rawNumerator = (key: IndicatorKey, s: KpiScope) => numeratorOf(INDICATORS[key] as SqlIndicator, s);

/**
 * Sums `columns` of `byPair` (a SELECT grouped by unit pair: columns c = competent, r = receiving)
 * for each of `unitIds` over its subtree: a pair counts once for a unit when either of its units
 * lies in the unit's subtree. One pass over the source whatever the number of units.
 */
async function sumByUnit(db: Queryable, unitIds: readonly string[], byPair: SQL, columns: readonly string[]) {
  const roots = sql.join(
    unitIds.map((id) => sql`(${id}::uuid)`),
    sql`, `,
  );
  const sums = sql.join(
    columns.map((c) => sql`coalesce(sum(p.${sql.identifier(c)}), 0)::int as ${sql.identifier(c)}`),
    sql`, `,
  );
  const rows = await queryRows<Record<string, number> & { unit: string }>(
    db,
    sql`with recursive tree(unit, id) as (select m.unit, m.unit from (values ${roots}) as m(unit)
          union select t.unit, u.id from units u join tree t on u.parent_id = t.id),
        pair as (${byPair}),
        belongs as (select t.unit, p.c, p.r from pair p join tree t on t.id = p.c
          union select t.unit, p.c, p.r from pair p join tree t on t.id = p.r)
      select b.unit, ${sums} from belongs b join pair p on p.c = b.c and p.r = b.r group by b.unit`,
  );
  const zero = Object.fromEntries(columns.map((c) => [c, 0]));
  const byUnit = new Map(rows.map((r) => [r.unit, r]));
  return new Map(unitIds.map((id) => [id, { ...zero, ...byUnit.get(id) } as Record<string, number>]));
}

/** The rollup's counts of each of `unitIds` (its subtree) over the scope's period: one pass over kpi_daily. */
export async function rollupCountsByUnit(
  db: Queryable,
  s: KpiScope,
  unitIds: readonly string[],
): Promise<Map<string, Map<IndicatorKey, Count>>> {
  const from = sql`${s.from}::date`;
  const sum = (column: string, when?: SQL) =>
    sql`coalesce(sum(${sql.identifier(column)})${when ? sql` filter (where ${when})` : sql``}, 0)::int`;
  const inPeriod = sql`day >= ${from}`;
  const daily = await sumByUnit(
    db,
    unitIds,
    sql`select competent_unit_id as c, receiving_unit_id as r, ${sum('received', inPeriod)} as received, ${sum('received_online', inPeriod)} as received_online, ${sum('received_online_prefilled', inPeriod)} as received_online_prefilled,
        ${sum('received_with_fees', inPeriod)} as received_with_fees, ${sum('received_paid_online', inPeriod)} as received_paid_online,
        ${sum('received_synced', inPeriod)} as received_synced, ${sum('digitized', inPeriod)} as digitized, ${sum('reused', inPeriod)} as reused,
        ${sum('received_national_store', inPeriod)} as received_national_store, ${sum('received_population_due', inPeriod)} as received_population_due,
        ${sum('received_population_used', inPeriod)} as received_population_used,
        ${sum('certification_processed', inPeriod)} as certification_processed, ${sum('certification_signed', inPeriod)} as certification_signed,
        ${sum('processed', inPeriod)} as processed, ${sum('e_result', inPeriod)} as e_result,
        ${sum('on_time', inPeriod)} as on_time, ${sum('on_time_satisfied', inPeriod)} as on_time_satisfied,
        ${sum('counted_received')} as counted_to, ${sum('counted_completed', sql`day < ${from}`)} as completed_before,
        ${sum('within_delta')} as within, ${sum('within_satisfied_delta')} as within_satisfied,
        ${sum('running_paused_within')} as paused_within, ${sum('running_paused_within_satisfied')} as paused_within_satisfied
      from kpi_daily where day <= ${s.to}::date group by 1, 2`,
    [
      ...[
        'received',
        'received_online',
        'received_online_prefilled',
        'received_with_fees',
        'received_paid_online',
        'received_synced',
        'digitized',
        'reused',
        'processed',
        'e_result',
      ],
      ...[
        'received_national_store',
        'received_population_due',
        'received_population_used',
        'certification_processed',
        'certification_signed',
      ],
      ...[
        'on_time',
        'on_time_satisfied',
        'counted_to',
        'completed_before',
        'within',
        'within_satisfied',
        'paused_within',
        'paused_within_satisfied',
      ],
    ],
  );
  // A period over: every dossier running at its end is in `within`. Otherwise (asOf = now < end)
  // "within time" is judged now: runningNow.
  const judgedAtEnd = s.asOf.getTime() >= s.end.getTime();
  const running = judgedAtEnd ? new Map<string, Record<string, number>>() : await runningNow(db, s, unitIds, daily);
  const none = { progress: 0, satisfaction: 0 };
  const count = (numerator: number, denominator: number): Count => ({ numerator, denominator, available: true });
  return new Map(
    unitIds.map((id) => {
      const [r, o] = [daily.get(id)!, running.get(id) ?? none];
      const handled = r.counted_to! - r.completed_before!;
      return [
        id,
        new Map<IndicatorKey, Count>([
          ['progress.onTime', count(r.on_time! + (judgedAtEnd ? r.within! : 0) + o.progress!, handled)],
          [
            'satisfaction.dossierSatisfaction',
            count(r.on_time_satisfied! + (judgedAtEnd ? r.within_satisfied! : 0) + o.satisfaction!, handled),
          ],
          ['online.dossiersOnline', count(r.received_online!, r.received!)],
          ['online.prefilledForms', count(r.received_online_prefilled!, r.received_online!)],
          ['digitization.digitized', count(r.digitized!, r.received!)],
          ['digitization.reuse', count(r.reused!, r.received!)],
          ['digitization.eResult', count(r.e_result!, r.processed!)],
          ['payment.dossiersPaidOnline', count(r.received_paid_online!, r.received_with_fees!)],
          ['transparency.synced', count(r.received_synced!, r.received!)],
          ['digitization.certifiedCopies', count(r.certification_signed!, r.certification_processed!)],
          ['digitization.nationalStore', count(r.received_national_store!, r.received!)],
          ['digitization.populationDossiers', count(r.received_population_used!, r.received_population_due!)],
        ]),
      ];
    }),
  );
}

/**
 * A period not over: the dossiers not finished by its end that are within time now (asOf), and
 * of them satisfied. The running ones come from counters (rollup.sql.ts): paused before their
 * due time from kpi_daily (by received day, so received before the end), not paused and due from
 * the next minute on from kpi_running. Then a correction read raw: for each dossier those
 * counters may misjudge — due in the current minute (within time until its second), received
 * after the end, paused after now (the last two only for an earlier now), and the ones finished
 * after the end (never counted as running) — the raw predicate minus what its facts put in the
 * counters. A handful of dossiers through partial indexes, not the ≈ 190 k running at 10 M. (By
 * due day instead of minute, the ≈ 22 k due today at 10 M were read raw: 0.45–0.65 s.)
 */
async function runningNow(
  db: Queryable,
  s: KpiScope,
  unitIds: readonly string[],
  pausedWithin: Map<string, Record<string, number>>,
) {
  const minute = new Date(Math.floor(s.asOf.getTime() / MINUTE_MS) * MINUTE_MS);
  const open = await sumByUnit(
    db,
    unitIds,
    sql`select competent_unit_id as c, receiving_unit_id as r, sum(open)::int as progress, sum(open_satisfied)::int as satisfaction
      from kpi_running where due_minute > ${at(minute)} group by 1, 2`,
    ['progress', 'satisfaction'],
  );
  const corrections = await sumByUnit(db, unitIds, runningCorrections(s, minute), ['progress', 'satisfaction']);
  return new Map(
    unitIds.map((id) => {
      const [o, p, c] = [open.get(id)!, pausedWithin.get(id)!, corrections.get(id)!];
      return [
        id,
        {
          progress: o.progress! + p.paused_within! + c.progress!,
          satisfaction: o.satisfaction! + p.paused_within_satisfied! + c.satisfaction!,
        },
      ];
    }),
  );
}

/**
 * By unit pair, Σ (raw − counted) of progress and satisfaction over the dossiers the running
 * counters may misjudge (see runningNow). "Counted" is read from the dossier's facts, the very
 * columns the counters sum, so the two cancel exactly; "satisfied" (no complaint) too.
 */
function runningCorrections(s: KpiScope, minute: Date) {
  const d = dossiers;
  const counted = sql`coalesce((f.running_open and f.due_minute > ${at(minute)}) or (f.running_paused_within and f.received_day <= ${s.to}::date), false)::int`;
  const misjudged = sql`select ${d.id} from ${d} where ${d.completedAt} is null and ${d.legalDueAt} >= ${at(minute)} and ${d.legalDueAt} < ${at(new Date(minute.getTime() + MINUTE_MS))}
    union select ${d.id} from ${d} where ${d.completedAt} is null and ${d.receivedAt} >= ${at(s.end)}
    union select ${d.id} from ${d} where ${d.completedAt} is null and ${d.pausedSince} >= ${at(s.asOf)}
    union select ${d.id} from ${d} where ${d.completedAt} >= ${at(s.end)} and ${d.receivedAt} < ${at(s.end)}`;
  return sql`select c, r, sum(judged - counted)::int as progress, sum((judged - counted) * satisfied)::int as satisfaction
    from (select ${d.competentUnitId} as c, ${d.receivingUnitId} as r, (${rawNumerator('progress.onTime', s)})::int as judged,
        ${counted} as counted, coalesce(f.satisfied, false)::int as satisfied
      from ${d} left join kpi_dossier_facts f on f.dossier_id = ${d.id} where ${d.id} in (${misjudged})) as x
    group by 1, 2`;
}
