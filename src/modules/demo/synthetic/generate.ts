/**
 * The synthetic province (`npm run generate`): a year of dossiers on top of the demo catalog,
 * deterministic for a seed, written in multi-row batches (`jsonb_to_recordset`, one statement per
 * table per batch) in one transaction, as a bulk load (bulk-load.ts), rather than through the services.
 *
 * ON PURPOSE this bypasses the services, the audit chain and the outbox: a million intakes through
 * `POST /api/dossiers` would take hours (BENCHMARKS.md: ~50–120 per second), the audit chain
 * serialises every writer, and nobody must be notified of synthetic events. The rows are shaped
 * like the services' (same statuses, codes, outcome rule, calendar), but the audit log does not
 * vouch for them — never run this against a production database.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../../kernel/db.js';
import type { Env } from '../../../kernel/env.js';
import { isWorkingDay } from '../../calendar/calendar.rules.js';
import { loadWorkingCalendar } from '../../calendar/calendar.service.js';
import { addDays, dayIndex, weekdayOfIndex } from '../../calendar/dates.js';
import { bulkLoad } from './bulk-load.js';
import { emptyPlan, type Officials, type PlanContext, type Planned, PLANNED_TABLES, planDossier } from './plan.js';
import { loadProvince, type SynthProvince } from './province.js';
import { createRng, type Rng } from './prng.js';

export interface GenerateOptions {
  dossiers: number;
  seed: number;
  /** First Vietnam date of the generated year (default 2025-07-01, when the demo catalog took effect). */
  from?: string;
  days?: number;
  batchSize?: number;
  /** Progress lines (rows/s); silent when absent. */
  log?: (line: string) => void;
}

export interface GenerateReport {
  rows: Record<string, number>;
  /** Seconds spent inserting into each table (the rest is planning in Node). */
  insertSeconds: Record<string, number>;
  /** Seconds spent rebuilding the indexes and checking the foreign keys set aside for the load. */
  restoreSeconds: number;
  totalRows: number;
  seconds: number;
  rowsPerSecond: number;
  from: string;
  to: string;
}

/** Username prefix of the generated officials; their presence means the province was generated. */
export const SYNTHETIC_USER_PREFIX = 'syn.';

/** Inserts `rows` into `table` in one statement; column types are read from the catalog. */
async function insertRows(db: Queryable, types: Map<string, string>, table: string, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const names = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const defs = sql.raw(columns.map((c) => `"${c}" ${types.get(`${table}.${c}`) ?? 'text'}`).join(', '));
  await db.execute(
    sql`insert into ${sql.identifier(table)} (${names}) select ${names} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${defs})`,
  );
}

async function columnTypes(db: Queryable): Promise<Map<string, string>> {
  const tables = [...PLANNED_TABLES, 'users', 'user_roles', 'stored_files', 'dossier_code_sequences'];
  const rows = await queryRows<{ t: string; c: string; type: string }>(
    db,
    sql`select c.relname as t, a.attname as c, format_type(a.atttypid, a.atttypmod) as type
        from pg_attribute a join pg_class c on c.oid = a.attrelid
        where c.oid in (${sql.join(
          tables.map((t) => sql`to_regclass(${t})`),
          sql`, `,
        )}) and a.attnum > 0 and not a.attisdropped`,
  );
  return new Map(rows.map((r) => [`${r.t}.${r.c}`, r.type]));
}

/** Three officials per one-stop or competent unit: a one-stop officer, a processing official, a leader. */
async function createOfficials(db: Queryable, types: Map<string, string>, rng: Rng, province: SynthProvince) {
  const officials = new Map<string, Officials>();
  const users: Record<string, unknown>[] = [];
  const roles: Record<string, unknown>[] = [];
  const kinds = new Set(['commune', 'department', 'service_centre', 'vertical_agency']);
  for (const unit of province.units.filter((u) => kinds.has(u.kind))) {
    const o = { officer: rng.uuid(), official: rng.uuid(), leader: rng.uuid() };
    officials.set(unit.id, o);
    for (const [key, role] of [
      ['officer', 'one_stop_officer'],
      ['official', 'processing_official'],
      ['leader', 'unit_leader'],
    ] as const) {
      users.push({
        id: o[key],
        username: `${SYNTHETIC_USER_PREFIX}${unit.code.toLowerCase()}.${key}`,
        full_name: `Cán bộ ${key} ${unit.code}`,
        kind: 'staff',
        home_unit_id: unit.id,
      });
      roles.push({ id: rng.uuid(), user_id: o[key], role, unit_id: unit.id });
    }
  }
  await insertRows(db, types, 'users', users);
  await insertRows(db, types, 'user_roles', roles);
  return officials;
}

/** Generates the province; the database must hold the demo catalog and no synthetic data yet. */
export async function generateProvince(db: Queryable, env: Env, options: GenerateOptions): Promise<GenerateReport> {
  const started = performance.now();
  // One transaction: a failed run leaves nothing behind, and the bulk load's DDL (bulk-load.ts)
  // is never visible half-done.
  return db.transaction(async (tx) => {
    const [existing] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from users where username like ${`${SYNTHETIC_USER_PREFIX}%`}`,
    );
    if (existing!.n > 0)
      throw new Error('This database already holds a generated province; generate into a fresh one.');
    const rng = createRng(options.seed);
    const types = await columnTypes(tx);
    const ctx = await planContext(tx, env, types, rng, options);
    const { result: rows, restoreSeconds } = await bulkLoad(tx, PLANNED_TABLES, () =>
      insertDossiers(tx, types, ctx, rng, options, started),
    );
    await saveCodeSequences(tx, ctx.sequences);
    const seconds = (performance.now() - started) / 1000;
    const totalRows = Object.values(rows.count).reduce((a, b) => a + b, 0);
    return {
      rows: rows.count,
      insertSeconds: rows.seconds,
      restoreSeconds,
      totalRows,
      seconds,
      rowsPerSecond: totalRows / seconds,
      from: ctx.days[0]!,
      to: ctx.days.at(-1)!,
    };
  });
}

/** The officials, the result file and the weights every planned dossier draws from. */
async function planContext(
  tx: Queryable,
  env: Env,
  types: Map<string, string>,
  rng: Rng,
  options: GenerateOptions,
): Promise<PlanContext> {
  const from = options.from ?? '2025-07-01';
  const dayCount = options.days ?? 365;
  const to = addDays(from, dayCount - 1);
  const province = await loadProvince(tx);
  const calendar = await loadWorkingCalendar(tx, env, {
    from: Number(from.slice(0, 4)),
    to: Number(to.slice(0, 4)) + 1,
  });
  const officials = await createOfficials(tx, types, rng, province);
  const someone = officials.values().next().value!.officer;
  const resultFileId = rng.uuid();
  await insertRows(tx, types, 'stored_files', [
    {
      id: resultFileId,
      sha256: createHash('sha256').update('synthetic result').digest('hex'),
      size: 1024,
      media_type: 'application/pdf',
      original_name: 'ket-qua.pdf',
      storage_key: 'synthetic/ket-qua.pdf',
      uploaded_by: someone,
    },
  ]);
  const days = Array.from({ length: dayCount }, (_, i) => addDays(from, i));
  // Working days carry the load; a few Saturday mornings; hardly anything on holidays.
  let cum = 0;
  const dayWeights = days.map(
    (d) => (cum += isWorkingDay(calendar, d) ? 1 : weekdayOfIndex(dayIndex(d)) === 6 ? 0.05 : 0.01),
  );
  // A commune's procedure is one workflow per commune; a department's serves the whole province.
  cum = 0;
  const workflowWeights = province.workflows.map((w) => (cum += w.competent.kind === 'commune' ? 1 : 50));
  return {
    province,
    calendar,
    days,
    dayWeights,
    workflowWeights,
    workflowOf: new Map(province.workflows.map((w) => [`${w.versionId}/${w.competent.id}`, w.workflowId])),
    officials,
    resultFileId,
    end: new Date(`${addDays(to, 1)}T00:00:00+07:00`),
    sequences: new Map(),
    storeOf: new Map(),
    feedbackSeq: { n: 0 },
  };
}

/** Plans and inserts the dossiers batch by batch; rows and seconds per table. */
async function insertDossiers(
  tx: Queryable,
  types: Map<string, string>,
  ctx: PlanContext,
  rng: Rng,
  options: GenerateOptions,
  started: number,
) {
  const count: Record<string, number> = Object.fromEntries(PLANNED_TABLES.map((t) => [t, 0]));
  const seconds: Record<string, number> = Object.fromEntries(PLANNED_TABLES.map((t) => [t, 0]));
  const batchSize = options.batchSize ?? 2000;
  let lastLog = started;
  const flush = async (plan: Planned) => {
    for (const table of PLANNED_TABLES) {
      const t0 = performance.now();
      await insertRows(tx, types, table, plan[table]);
      seconds[table]! += (performance.now() - t0) / 1000;
      count[table]! += plan[table].length;
    }
  };
  // Planning the next batch (Node) overlaps inserting the last one (the database server); the
  // order of batches, hence the data, does not depend on the overlap.
  let inserting: Promise<void> = Promise.resolve();
  for (let done = 0; done < options.dossiers; ) {
    const plan = emptyPlan();
    const n = Math.min(batchSize, options.dossiers - done);
    for (let i = 0; i < n; i++) {
      planDossier(ctx, rng, plan);
      // Let the event loop send the last batch's next statement as soon as the previous one
      // returns: without this the inserts wait for the whole batch to be planned, and Node and
      // the database take turns instead of working at once.
      if (i % 50 === 49) await new Promise(setImmediate);
    }
    await inserting;
    inserting = flush(plan);
    done += n;
    const now = performance.now();
    if (options.log && (now - lastLog > 5000 || done === options.dossiers)) {
      lastLog = now;
      const total = Object.values(count).reduce((a, b) => a + b, 0);
      options.log(
        `${done.toLocaleString('en')} dossiers, ${total.toLocaleString('en')} rows, ${Math.round(total / ((now - started) / 1000)).toLocaleString('en')} rows/s`,
      );
    }
  }
  await inserting;
  return { count, seconds };
}

/** The last code number used per unit and day, so that later intakes continue the sequence. */
async function saveCodeSequences(tx: Queryable, sequences: Map<string, number>) {
  const rows = [...sequences].map(([key, last]) => {
    const [unit_id, day] = key.split('/');
    return { unit_id, day, last_value: last };
  });
  for (let i = 0; i < rows.length; i += 5000) {
    const part = rows.slice(i, i + 5000);
    await tx.execute(sql`insert into dossier_code_sequences (unit_id, day, last_value)
      select unit_id, day, last_value from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as x(unit_id uuid, day date, last_value int)
      on conflict (unit_id, day) do update set last_value = greatest(dossier_code_sequences.last_value, excluded.last_value)`);
  }
}
