/**
 * Waiting and service times for the KPI module and the plan-target table (seed 001: average
 * waiting ≤ 30 minutes). Tickets checked in during [from, to) at the given units; waiting =
 * called − checked in (tickets never called are counted but not averaged), service = finished −
 * called for tickets served to the end (skipped ones have no service time).
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../kernel/db.js';
import { averageMinutes } from './queue.rules.js';

export const WAITING_TARGET_MINUTES = 30;

interface Row extends Record<string, unknown> {
  unit_id: string;
  day: string;
  tickets: number;
  called: number;
  waiting_seconds: number | null;
  within_target: number;
  served: number;
  service_seconds: number | null;
}

export async function queueFigures(db: Queryable, input: { unitIds: readonly string[]; from: Date; to: Date }) {
  if (input.unitIds.length === 0) return summarise([]);
  const ids = sql.join(
    input.unitIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<Row>(
    db,
    sql`select unit_id, day::text as day, count(*)::int as tickets,
               count(called_at)::int as called,
               sum(extract(epoch from called_at - checked_in_at))::float8 as waiting_seconds,
               count(*) filter (where called_at - checked_in_at <= make_interval(mins => ${WAITING_TARGET_MINUTES}))::int as within_target,
               count(*) filter (where status = 'done')::int as served,
               sum(extract(epoch from finished_at - called_at)) filter (where status = 'done')::float8 as service_seconds
          from queue_tickets
         where unit_id in (${ids}) and checked_in_at >= ${input.from.toISOString()} and checked_in_at < ${input.to.toISOString()}
         group by unit_id, day order by day, unit_id`,
  );
  return summarise(rows);
}

function summarise(rows: Row[]) {
  const total = (key: 'tickets' | 'called' | 'within_target' | 'served' | 'waiting_seconds' | 'service_seconds') =>
    rows.reduce((s, r) => s + Number(r[key] ?? 0), 0);
  return {
    tickets: total('tickets'),
    called: total('called'),
    calledWithinTarget: total('within_target'),
    served: total('served'),
    averageWaitingMinutes: averageMinutes(total('waiting_seconds'), total('called')),
    averageServiceMinutes: averageMinutes(total('service_seconds'), total('served')),
    byUnitDay: rows.map((r) => ({
      unitId: r.unit_id,
      day: r.day,
      tickets: Number(r.tickets),
      called: Number(r.called),
      averageWaitingMinutes: averageMinutes(Number(r.waiting_seconds ?? 0), Number(r.called)),
      averageServiceMinutes: averageMinutes(Number(r.service_seconds ?? 0), Number(r.served)),
    })),
  };
}
