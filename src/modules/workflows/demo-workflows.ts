/**
 * Demo internal workflows: for every active procedure, an approved and active standard workflow
 * (standard-workflow.rules.ts) at each of its competent units. Called by the demo seed.
 *
 * Fast by design (thousands of rows: 15–50 procedures × ~100 communes): one query for the
 * procedures, one for the units, one for the existing pairs, and ONE insert of every row
 * through jsonb_to_recordset — a plain multi-row insert would exceed PostgreSQL's 65,535
 * parameters. One audit record covers the whole seed (a record per row would serialise
 * thousands of appends on the audit chain for demo data).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import { recordChange } from '../audit/record-change.js';
import { activeProceduresWithVersion } from '../catalog/procedures.query.js';
import { DEFAULT_WORKING_PERIODS, parseWorkingPeriods } from '../../kernel/working-periods.js';
import { listUnits } from '../org/units.query.js';
import { limitMinutes, typicalWorkingDays } from './workflow.rules.js';
import { standardWorkflowSteps } from './standard-workflow.rules.js';
import { workflowDefinitions } from './workflows.tables.js';

const DEFAULT_MINUTES_PER_DAY = (() => {
  const parsed = parseWorkingPeriods(DEFAULT_WORKING_PERIODS);
  return 'periods' in parsed ? parsed.periods.reduce((s, p) => s + p.end - p.start, 0) : 450;
})();

type UnitRow = { id: string; parentId: string | null; kind: string; validTo: string | null };

/**
 * Where dossiers of a competent unit are received (Bộ phận Một cửa): its own one-stop section
 * (a commune_centre or service_centre child) if it has one; for a department or division, the
 * provincial service centre (a service_centre beside an ancestor); otherwise the unit itself
 * (null: a commune's one-stop section is the commune, a vertical agency receives itself).
 */
export function oneStopUnitFor(unitId: string, all: readonly UnitRow[]): string | null {
  const open = all.filter((u) => u.validTo === null);
  const centreUnder = (parentId: string) =>
    open.find((u) => u.parentId === parentId && (u.kind === 'commune_centre' || u.kind === 'service_centre'));
  const own = centreUnder(unitId);
  if (own) return own.id;
  const byId = new Map(all.map((u) => [u.id, u]));
  const unit = byId.get(unitId);
  if (!unit || !['department', 'division', 'provincial_office'].includes(unit.kind)) return null;
  for (let parent = unit.parentId; parent; parent = byId.get(parent)?.parentId ?? null) {
    const centre = centreUnder(parent);
    if (centre) return centre.id;
  }
  return null;
}

/**
 * The legal limit the demo fits into: the smallest channel limit, with calendar days taken at
 * their ordinary-week estimate (⌊N × 5 / 7⌋ working days), not the validation's upper bound, so
 * demo dossiers are not late over a normal week.
 */
function demoLimitMinutes(
  channels: { timeLimit: { value: number; unit: 'workingDays' | 'workingHours' | 'days' | 'months' } }[],
  mpd: number,
) {
  return Math.min(
    ...channels.map(({ timeLimit }) =>
      timeLimit.unit === 'days' || timeLimit.unit === 'months'
        ? typicalWorkingDays(timeLimit) * mpd
        : limitMinutes(timeLimit, mpd),
    ),
  );
}

/** Creates and activates the standard workflow for every active procedure at each competent unit; returns how many. */
export async function seedDemoWorkflows(
  tx: Tx,
  ctx: RequestContext,
  now: Date,
  minutesPerWorkingDay = DEFAULT_MINUTES_PER_DAY,
): Promise<number> {
  const current = await activeProceduresWithVersion(tx);
  if (current.length === 0) return 0;
  const allUnits = await listUnits(tx);
  const existing = await tx
    .select({ procedureId: workflowDefinitions.procedureId, unitId: workflowDefinitions.unitId })
    .from(workflowDefinitions);
  const taken = new Set(existing.map((e) => `${e.procedureId}:${e.unitId}`));

  // Rows share a handful of step documents (one per limit and one-stop unit): send each once.
  const oneStop = new Map<string, string | null>();
  const documents: unknown[] = [];
  const documentIndex = new Map<string, number>();
  const rows: Record<string, unknown>[] = [];
  for (const p of current) {
    const minutes = demoLimitMinutes(p.content.channels, minutesPerWorkingDay);
    for (const unitId of new Set(p.content.competentUnitIds)) {
      if (taken.has(`${p.procedureId}:${unitId}`)) continue;
      if (!oneStop.has(unitId)) oneStop.set(unitId, oneStopUnitFor(unitId, allUnits));
      const receiving = oneStop.get(unitId)!;
      const documentKey = `${receiving}:${minutes}`;
      let steps = documentIndex.get(documentKey);
      if (steps === undefined) {
        // push returns the new length: the 1-based position `with ordinality` numbers it by.
        steps = documents.push(standardWorkflowSteps(receiving, minutes, minutesPerWorkingDay));
        documentIndex.set(documentKey, steps);
      }
      rows.push({
        p: p.procedureId,
        u: unitId,
        v: p.versionId,
        d: p.decisionId,
        n: `Quy trình nội bộ: ${p.content.name}`,
        s: steps,
      });
    }
  }
  if (rows.length === 0) return 0;
  const at = now.toISOString();
  await tx.execute(sql`
    insert into ${workflowDefinitions}
      (procedure_id, unit_id, version_no, status, procedure_version_id, decision_id, name, steps,
       created_at, updated_at, approved_at, activated_at)
    select r.p, r.u, 1, 'active', r.v, r.d, r.n, doc.steps,
           ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(p uuid, u uuid, v uuid, d uuid, n text, s int)
    join jsonb_array_elements(${JSON.stringify(documents)}::jsonb) with ordinality as doc(steps, i) on doc.i = r.s`);
  await recordChange(tx, ctx, {
    action: 'workflow.demo_seed',
    targetType: 'workflow_definition',
    targetId: 'demo',
    after: { created: rows.length, procedures: current.length },
    note: 'Quy trình nội bộ mẫu (dữ liệu demo), đã phê duyệt và áp dụng.',
  });
  return rows.length;
}
