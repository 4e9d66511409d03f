/**
 * Importing the national catalog (JSON in the national shape, or the officials' CSV/XLSX sheet).
 * Every row is checked on its own: bad rows are reported with their reasons and the rest are
 * imported as items of one publication decision — new codes as new procedures, known codes as
 * amended versions. Rows are applied in batches, each its own transaction, and the import row
 * counts progress so a large file can be watched.
 *
 * The batches run in the API process that received the file (after the response). If that
 * process stops mid-import, the rows done so far stay committed and the import stays `running`;
 * moving imports onto the job queue (pg-boss) is the planned fix — see docs/ARCHITECTURE.md.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database, Queryable, Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import type { Clock } from '../../kernel/clock.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { listUnits } from '../org/units.query.js';
import { todayInVietnam } from '../org/units.service.js';
import { catalogImports, type ImportRejection, procedureFields } from './catalog.tables.js';
import {
  applyDecisionItems,
  createDecision,
  type DecisionHeader,
  type DecisionItemInput,
  existingProcedures,
} from './decisions.service.js';
import { fromNational, type UnitDirectory } from './national-mapping.rules.js';
import type { ProcedureContent } from './procedure.content.js';

export const IMPORT_BATCH_SIZE = 100;
export const MAX_IMPORT_ROWS = 20_000;

interface ValidRow {
  row: number;
  nationalCode: string;
  fieldName: string;
  content: ProcedureContent;
}

/** Units a national record may name: valid units by official code, and every commune. */
export async function unitDirectory(db: Queryable, on: string): Promise<UnitDirectory> {
  const rows = await listUnits(db, on);
  return {
    idByOfficialCode: new Map(rows.map((u) => [u.officialCode, u.id])),
    communeIds: rows.filter((u) => u.kind === 'commune').map((u) => u.id),
  };
}

/** Row numbers are 1-based positions in the file (for a sheet, the header is row 1). */
export function checkRows(records: readonly unknown[], directory: UnitDirectory, firstRowNumber: number) {
  const valid: ValidRow[] = [];
  const rejected: ImportRejection[] = [];
  const seen = new Set<string>();
  records.forEach((record, i) => {
    const row = i + firstRowNumber;
    const parsed = fromNational(record, directory);
    if (!parsed.ok) {
      rejected.push({ row, nationalCode: parsed.nationalCode, problems: parsed.problems });
    } else if (seen.has(parsed.nationalCode)) {
      rejected.push({
        row,
        nationalCode: parsed.nationalCode,
        problems: [{ field: 'MATTHC', message: 'Mã thủ tục lặp lại trong tệp' }],
      });
    } else {
      seen.add(parsed.nationalCode);
      valid.push({ row, nationalCode: parsed.nationalCode, fieldName: parsed.fieldName, content: parsed.content });
    }
  });
  return { valid, rejected };
}

export interface StartImportInput {
  format: 'json' | 'csv' | 'xlsx';
  fileName: string | null;
  decision: DecisionHeader;
  records: readonly unknown[];
  firstRowNumber: number;
}

/**
 * Checks every row, records the import (and its decision, when any row is good) and returns the
 * import id with a `run` function that applies the good rows in batches. The run outlives the
 * request: it reads `clock` when each batch and the import end.
 */
export async function startImport(db: Database, ctx: RequestContext, input: StartImportInput, clock: Clock) {
  const now = clock.now();
  if (input.records.length > MAX_IMPORT_ROWS) {
    throw new AppError('IMPORT_TOO_LARGE', { rows: input.records.length, max: MAX_IMPORT_ROWS });
  }
  const { valid, rejected } = checkRows(
    input.records,
    await unitDirectory(db, todayInVietnam(now)),
    input.firstRowNumber,
  );
  const started = await db.transaction(async (tx) => {
    const decision = valid.length > 0 ? await createDecision(tx, ctx, input.decision) : null;
    const [created] = await tx
      .insert(catalogImports)
      .values({
        status: valid.length > 0 ? 'running' : 'done',
        format: input.format,
        fileName: input.fileName,
        decisionId: decision?.id ?? null,
        totalRows: input.records.length,
        processedRows: rejected.length,
        rejected,
        createdBy: ctx.actor?.userId ?? null,
        finishedAt: valid.length > 0 ? null : now,
      })
      .returning();
    await recordChange(tx, ctx, {
      action: 'catalog.import_start',
      targetType: 'catalog_import',
      targetId: created!.id,
      unitId: input.decision.issuingUnitId,
      after: {
        format: input.format,
        fileName: input.fileName,
        totalRows: input.records.length,
        rejectedRows: rejected.length,
        decisionNumber: input.decision.number,
      },
    });
    return created!;
  });
  return {
    importId: started.id,
    run: () =>
      started.decisionId
        ? runImport(db, ctx, clock, started.id, started.decisionId, input.decision, valid)
        : Promise.resolve(),
  };
}

async function runImport(
  db: Database,
  ctx: RequestContext,
  clock: Clock,
  importId: string,
  decisionId: string,
  header: DecisionHeader,
  rows: ValidRow[],
) {
  try {
    for (let i = 0; i < rows.length; i += IMPORT_BATCH_SIZE) {
      await db.transaction((tx) =>
        applyBatch(tx, importId, decisionId, header.effectiveDate, rows.slice(i, i + IMPORT_BATCH_SIZE), clock.now()),
      );
    }
    // A bulk load leaves the planner's statistics behind until autovacuum notices (issue 17: plans
    // chosen on stale counts); the catalog search and intake read these tables on every request.
    await db.execute(
      sql`analyze procedures, procedure_versions, procedure_competent_units, publication_decision_items, procedure_fields`,
    );
    await db.transaction(async (tx) => {
      const [done] = await tx
        .update(catalogImports)
        .set({ status: 'done', finishedAt: clock.now() })
        .where(eq(catalogImports.id, importId))
        .returning();
      await recordChange(tx, ctx, {
        action: 'catalog.import_finish',
        targetType: 'catalog_import',
        targetId: importId,
        unitId: header.issuingUnitId,
        after: { importedRows: done!.importedRows, rejectedRows: done!.rejected.length, decisionId },
        event: { importId, decisionId, importedRows: done!.importedRows },
      });
    });
  } catch (error) {
    await db
      .update(catalogImports)
      .set({ status: 'failed', error: error instanceof Error ? error.message : String(error), finishedAt: clock.now() })
      .where(eq(catalogImports.id, importId));
  }
}

/** One batch: fields first (the import is how fields arrive), then new or amended versions. */
async function applyBatch(
  tx: Tx,
  importId: string,
  decisionId: string,
  effectiveDate: string,
  batch: ValidRow[],
  now: Date,
) {
  const fields = new Map(batch.map((r) => [r.content.fieldCode, r.fieldName]));
  await tx
    .insert(procedureFields)
    .values([...fields].map(([code, name]) => ({ code, name })))
    .onConflictDoNothing();
  const existing = await existingProcedures(
    tx,
    batch.map((r) => r.nationalCode),
  );
  const items: DecisionItemInput[] = [];
  const rejected: ImportRejection[] = [];
  for (const r of batch) {
    const current = existing.get(r.nationalCode);
    if (current?.status === 'abolished') {
      rejected.push({
        row: r.row,
        nationalCode: r.nationalCode,
        problems: [{ field: 'MATTHC', message: 'Thủ tục đã bị bãi bỏ; cần quyết định công bố thủ tục mới' }],
      });
    } else {
      items.push({ changeKind: current ? 'amended' : 'new', nationalCode: r.nationalCode, content: r.content });
    }
  }
  await applyDecisionItems(tx, decisionId, effectiveDate, items, existing, now);
  await tx
    .update(catalogImports)
    .set({
      processedRows: sql`${catalogImports.processedRows} + ${batch.length}`,
      importedRows: sql`${catalogImports.importedRows} + ${items.length}`,
      rejected: sql`${catalogImports.rejected} || ${JSON.stringify(rejected)}::jsonb`,
    })
    .where(eq(catalogImports.id, importId));
}

export async function getImport(db: Queryable, id: string) {
  const [row] = await db.select().from(catalogImports).where(eq(catalogImports.id, id));
  if (!row) throw new AppError('IMPORT_NOT_FOUND', { id });
  return row;
}
