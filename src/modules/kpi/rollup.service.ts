/**
 * Keeping the rollup equal to the raw rows. Triggers queue every dossier whose figures may have
 * moved (kpi_rollup_queue); `refreshRollup` takes the queue in batches and, per dossier, takes
 * back the contribution its stored facts made and adds the one its current rows make — so the
 * counters are always the sum of the current facts, whatever happened in between.
 *
 * One refresher at a time (a transaction-scoped advisory lock): two refreshers replacing the same
 * dossier's facts concurrently would both take back the same old contribution. The index waits
 * for the lock and drains the queue before it reads the counters, so it never answers from a
 * rollup older than what has committed (docs/ARCHITECTURE.md, "KPI rollup").
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../kernel/db.js';
import { reportedDossiers as dossiers } from '../dossiers/dossiers.reporting.js';
import { addContributions, FACT_COLUMNS, factsOf } from './rollup.sql.js';

/** pg_advisory_xact_lock key of the refresher ("kpi rollup"). */
const REFRESH_LOCK = 766_0001;
const BATCH = 5000;

/** The tables the facts read, restricted to a batch's dossiers (CTEs shadow the tables' names). */
const BATCH_SOURCES: [table: string, column: string][] = [
  ['dossier_components', 'dossier_id'],
  ['dossier_results', 'dossier_id'],
  ['store_items', 'source_dossier_id'],
  ['store_item_reuses', 'dossier_id'],
  ['satisfaction_ratings', 'dossier_id'],
  ['feedback_items', 'dossier_id'],
  ['payments', 'dossier_id'],
  ['national_dossier_syncs', 'dossier_id'],
  ['dossier_eforms', 'dossier_id'],
];

/** Drains the queue; returns how many dossiers were refreshed. */
export async function refreshRollup(db: Queryable): Promise<number> {
  let refreshed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
      const taken = await queryRows<{ dossier_id: string }>(
        tx,
        sql`with taken as (delete from kpi_rollup_queue where id in (select id from kpi_rollup_queue order by id limit ${BATCH}) returning dossier_id)
            select distinct dossier_id from taken`,
      );
      if (taken.length === 0) return 0;
      await tx.execute(ROOMY);
      const batch = sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(taken.map((r) => r.dossier_id))}::jsonb))`;
      await replaceFacts(tx, (column) => sql`${column} in ${batch}`);
      return taken.length;
    });
    refreshed += n;
    if (n === 0) return refreshed;
  }
}

/**
 * Which dossiers to replace: a predicate on dossiers.id, applied alike to the column naming the
 * dossier in each table the facts read (those tables are shadowed by CTEs of their rows for these
 * dossiers only, so the membership sub-selects of the predicates stay small and hashed).
 */
type Selection = (column: SQL) => SQL;

async function replaceFacts(tx: Queryable, selected: Selection) {
  const back = addContributions('old', -1);
  await tx.execute(sql`with old as (delete from kpi_dossier_facts where ${selected(sql`dossier_id`)} returning *),
    daily as (${back.daily}), running as (${back.running}) ${back.procedures}`);
  const shadows = BATCH_SOURCES.map(
    ([table, column]) =>
      sql`${sql.identifier(table)} as (select * from ${sql.identifier(table)} where ${selected(sql`${sql.identifier(column)}`)})`,
  );
  const add = addContributions('new', 1);
  await tx.execute(sql`with ${sql.join(shadows, sql`, `)},
    new as (insert into kpi_dossier_facts (${FACT_COLUMNS}) ${factsOf(selected(sql`${dossiers.id}`))} returning *),
    daily as (${add.daily}), running as (${add.running}) ${add.procedures}`);
  // The minutes no running dossier is due at any more: kpi_running keeps the running ones only.
  await tx.execute(sql`delete from kpi_running where open = 0`);
}

/** A hash of a few hundred thousand ids must not spill: a spilled NOT IN sub-select is re-scanned per row. */
const ROOMY = sql`set local work_mem = '256MB'`;

/**
 * Recomputes the whole rollup from the raw rows (after a bulk load that deferred the triggers,
 * or to repair), under the refresher's lock, in 16 slices of the dossiers by their id's first
 * hex digit (each slice's membership sets fit in memory).
 */
export async function rebuildRollup(db: Queryable): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
    await tx.execute(ROOMY);
    await tx.execute(sql`truncate kpi_rollup_queue, kpi_dossier_facts, kpi_daily, kpi_running, kpi_daily_procedures`);
    const bound = (digit: number) => `${digit.toString(16)}0000000-0000-0000-0000-000000000000`;
    for (let digit = 0; digit < 16; digit++) {
      const lower = sql`${bound(digit)}::uuid`;
      await replaceFacts(tx, (column) =>
        digit === 15
          ? sql`${column} >= ${lower}`
          : sql`(${column} >= ${lower} and ${column} < ${bound(digit + 1)}::uuid)`,
      );
    }
  });
}
