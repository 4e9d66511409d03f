/**
 * What the generator builds on: the demo province's units, the procedures in force and their
 * active workflows (the one per procedure × competent unit that real intakes use), read once.
 * Everything is ordered by stable keys (official codes, national codes), so the same seed picks
 * the same things whatever the random ids the demo seed gave the rows.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../../kernel/db.js';
import type { TimeLimit } from '../../dossiers/intake.rules.js';

export type Channel = 'counter' | 'online' | 'postal';

export interface SynthUnit {
  id: string;
  code: string;
  kind: string;
}

export interface SynthWorkflow {
  workflowId: string;
  procedureId: string;
  versionId: string;
  competent: SynthUnit;
  /** Other competent units of the version with an active workflow (transfer targets). */
  alternatives: string[];
  steps: string[];
  channels: { channel: Channel; limit: TimeLimit; feeVnd: number }[];
  components: { id: string; name: string }[];
  online: boolean;
  /** Connected to the national population database: intake looks the citizen up. */
  populationDataConnected: boolean;
  resultName: string;
}

export interface SynthProvince {
  units: SynthUnit[];
  centre: SynthUnit;
  workflows: SynthWorkflow[];
}

interface Content {
  name: string;
  onlineLevel?: string;
  channels: { channel: Channel; timeLimit: TimeLimit; fees: { amountVnd: number }[] }[];
  components: { id: string; name: string; mandatory: boolean }[];
  result?: { name: string };
  populationDataConnected?: boolean;
}

export async function loadProvince(db: Queryable): Promise<SynthProvince> {
  const units = await queryRows<{ id: string; code: string; kind: string }>(
    db,
    sql`select id, official_code as code, kind from units where valid_to is null order by official_code`,
  );
  const centre = units.find((u) => u.kind === 'service_centre');
  if (!centre) throw new Error('The demo province has no service centre: run the demo seed first.');
  const rows = await queryRows<{
    workflow_id: string;
    procedure_id: string;
    version_id: string;
    unit_id: string;
    steps: { key: string }[];
    content: Content;
  }>(
    db,
    sql`select w.id as workflow_id, w.procedure_id, w.procedure_version_id as version_id, w.unit_id, w.steps, v.content
        from workflow_definitions w join procedure_versions v on v.id = w.procedure_version_id join procedures p on p.id = w.procedure_id
        join units u on u.id = w.unit_id
        where w.status = 'active' and u.valid_to is null order by p.national_code, u.official_code`,
  );
  const byUnit = new Map(units.map((u) => [u.id, u]));
  const byVersion = new Map<string, string[]>();
  for (const r of rows) byVersion.set(r.version_id, [...(byVersion.get(r.version_id) ?? []), r.unit_id]);
  const workflows = rows.map(
    (r): SynthWorkflow => ({
      workflowId: r.workflow_id,
      procedureId: r.procedure_id,
      versionId: r.version_id,
      competent: byUnit.get(r.unit_id)!,
      alternatives: byVersion.get(r.version_id)!.filter((u) => u !== r.unit_id),
      steps: r.steps.map((s) => s.key),
      channels: r.content.channels.map((c) => ({
        channel: c.channel,
        limit: c.timeLimit,
        feeVnd: c.fees.reduce((s, f) => s + f.amountVnd, 0),
      })),
      components: r.content.components
        .filter((c) => c.mandatory)
        .slice(0, 4)
        .map((c) => ({ id: c.id, name: c.name })),
      online: r.content.onlineLevel === 'full' || r.content.onlineLevel === 'partial',
      populationDataConnected: r.content.populationDataConnected === true,
      resultName: r.content.result?.name ?? r.content.name,
    }),
  );
  if (workflows.length === 0) throw new Error('No active workflow: run the demo seed first.');
  return { units, centre, workflows };
}
