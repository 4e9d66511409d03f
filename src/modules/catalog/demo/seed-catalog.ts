/**
 * The demo catalog: real procedures (procedures.vi.json, researched from the national database)
 * published by one decision of the provincial People's Committee, through the same service the
 * API uses, so versions, competent units and audit records are all real.
 */
import { readFileSync } from 'node:fs';
import type { Tx } from '../../../kernel/db.js';
import type { RequestContext } from '../../../kernel/context.js';
import { issueDecision } from '../decisions.service.js';
import { upsertField } from '../fields.service.js';
import { ProcedureContent, type ProcedureContentInput } from '../procedure.content.js';

/** "*commune" stands for every commune of the province. */
export interface DemoProcedure {
  nationalCode: string;
  competentUnits: string[];
  content: Omit<ProcedureContentInput, 'competentUnitIds'>;
}

// Read from src/ whether running from src/ (tsx) or dist/ (same depth): tsc does not copy JSON.
const DATA_DIR = new URL('../../../../src/modules/catalog/demo/', import.meta.url);
const readJson = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, DATA_DIR), 'utf8')) as T;

export function demoFields(): { code: string; name: string }[] {
  return readJson('fields.vi.json');
}

export function demoProcedures(): DemoProcedure[] {
  return readJson('procedures.vi.json');
}

export const DEMO_DECISION = {
  number: '1520/QĐ-UBND',
  signer: 'Chủ tịch UBND tỉnh An Giang',
  signedDate: '2025-06-20',
  effectiveDate: '2025-07-01',
  legalBasisEffectiveDate: '2025-07-01',
  nationalPublishedDate: '2025-06-25',
};

export async function seedDemoCatalog(
  tx: Tx,
  ctx: RequestContext,
  unitId: (key: string) => string,
  communeIds: readonly string[],
  now: Date,
): Promise<void> {
  for (const field of demoFields()) await upsertField(tx, ctx, field.code, field.name);
  await issueDecision(
    tx,
    ctx,
    {
      ...DEMO_DECISION,
      issuingUnitId: unitId('ubnd-tinh'),
      items: demoProcedures().map((p) => ({
        changeKind: 'new' as const,
        nationalCode: p.nationalCode,
        content: ProcedureContent.parse({
          ...p.content,
          competentUnitIds: p.competentUnits.flatMap((key) => (key === '*commune' ? [...communeIds] : [unitId(key)])),
        }),
      })),
    },
    now,
  );
}
