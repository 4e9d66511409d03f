/**
 * Counting one chunk of a report. The unit's subtree is split into chunks of competent units
 * (plus one for dossiers received in the subtree for a competent unit outside it), so every
 * dossier of the scope falls in exactly one chunk and the chunks' rows add up to the whole
 * report — which lets a big report run chunk by chunk with progress, and resume after a crash.
 * The columns are those of report.rules.ts; "within time" is the index's own predicate.
 */
import { type SQL, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../kernel/db.js';
import {
  reportedProcedureFields as procedureFields,
  reportedProcedures as procedures,
} from '../catalog/catalog.reporting.js';
import { reportedDossiers as dossiers } from '../dossiers/dossiers.reporting.js';
import { reportedUnits as units } from '../org/org.reporting.js';
import { at, type KpiScope, onTimeOrWithin } from './indicators.js';
import {
  CHANNEL_LABELS,
  REPORT_COLUMNS,
  type ReportCounts,
  type ReportDimension,
  type ReportRow,
} from './report.rules.js';

/** Competent units per chunk: small enough for steady progress, large enough to stay few. */
export const UNITS_PER_CHUNK = 25;

/** A chunk: dossiers competent at these units, or (outside) received in the subtree for others. */
export type ReportChunk = { competentUnitIds: string[] } | { outside: string[] };

/** The chunks of a subtree (its unit ids, in a stable order so a resumed job continues where it was). */
export function chunksOf(subtree: readonly string[]): ReportChunk[] {
  const sorted = [...subtree].sort();
  const chunks: ReportChunk[] = [];
  for (let i = 0; i < sorted.length; i += UNITS_PER_CHUNK)
    chunks.push({ competentUnitIds: sorted.slice(i, i + UNITS_PER_CHUNK) });
  chunks.push({ outside: sorted });
  return chunks;
}

const ids = (list: readonly string[]) =>
  sql`(${sql.join(
    list.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

const KEYS: Record<ReportDimension, { key: SQL; label: SQL }> = {
  unit: { key: sql`${dossiers.competentUnitId}::text`, label: sql`${units.name}` },
  procedure: {
    key: sql`${procedures.id}::text`,
    label: sql`${procedures.nationalCode} || ' - ' || ${procedures.name}`,
  },
  field: {
    key: sql`coalesce(${procedures.fieldCode}, '')`,
    label: sql`coalesce(${procedureFields.name}, 'Chưa phân lĩnh vực')`,
  },
  channel: { key: sql`${dossiers.channel}`, label: sql`${dossiers.channel}` },
};

export async function countChunk(
  db: Queryable,
  scope: KpiScope,
  groupBy: ReportDimension,
  chunk: ReportChunk,
): Promise<ReportRow[]> {
  const { start, end } = scope;
  const inChunk =
    'competentUnitIds' in chunk
      ? sql`${dossiers.competentUnitId} in ${ids(chunk.competentUnitIds)}`
      : sql`${dossiers.competentUnitId} not in ${ids(chunk.outside)} and ${dossiers.receivingUnitId} in ${ids(chunk.outside)}`;
  // Received for handling: received before the end, not ended before the start.
  const handled = sql`(${dossiers.receivedAt} < ${at(end)} and (${dossiers.completedAt} is null or ${dossiers.completedAt} >= ${at(start)}))`;
  const ended = sql`(${handled} and ${dossiers.completedAt} < ${at(end)})`;
  const running = sql`(${handled} and (${dossiers.completedAt} is null or ${dossiers.completedAt} >= ${at(end)}))`;
  const processed = sql`(${ended} and ${dossiers.status} in ('processed', 'returned'))`;
  const within = sql`coalesce(${onTimeOrWithin(scope)}, false)`;
  const filters: Record<keyof ReportCounts, SQL> = {
    carriedOver: sql`${handled} and ${dossiers.receivedAt} < ${at(start)}`,
    new: sql`${handled} and ${dossiers.receivedAt} >= ${at(start)}`,
    early: sql`${processed} and ${dossiers.outcome} = 'early'`,
    onTime: sql`${processed} and coalesce(${dossiers.outcome}, 'onTime') = 'onTime'`,
    late: sql`${processed} and ${dossiers.outcome} = 'late'`,
    refused: sql`${ended} and ${dossiers.status} = 'refused'`,
    withdrawn: sql`${ended} and ${dossiers.status} = 'withdrawn'`,
    stopped: sql`${ended} and ${dossiers.status} = 'stopped'`,
    withinTime: sql`${running} and ${within}`,
    overdue: sql`${running} and not ${within}`,
    returned: sql`${dossiers.returnedAt} >= ${at(start)} and ${dossiers.returnedAt} < ${at(end)}`,
  };
  const { key, label } = KEYS[groupBy];
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select ${key} as key, ${label} as label,
           ${sql.join(
             REPORT_COLUMNS.map((c) => sql`(count(*) filter (where ${filters[c]}))::int as ${sql.identifier(c)}`),
             sql`, `,
           )}
    from ${dossiers}
    join ${procedures} on ${procedures.id} = ${dossiers.procedureId}
    left join ${procedureFields} on ${procedureFields.code} = ${procedures.fieldCode}
    join ${units} on ${units.id} = ${dossiers.competentUnitId}
    where ${inChunk} and (${handled} or (${dossiers.returnedAt} >= ${at(start)} and ${dossiers.returnedAt} < ${at(end)}))
    group by 1, 2`,
  );
  return rows.map((r) => ({
    key: String(r.key),
    label: groupBy === 'channel' ? (CHANNEL_LABELS[String(r.label)] ?? String(r.label)) : String(r.label),
    counts: Object.fromEntries(REPORT_COLUMNS.map((c) => [c, Number(r[c])])) as ReportCounts,
  }));
}
