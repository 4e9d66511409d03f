/**
 * The catalog in force, in the national shape (JSON) or as the officials' sheet (CSV, XLSX).
 */
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { listUnits } from '../org/units.query.js';
import { todayInVietnam } from '../org/units.service.js';
import { procedureFields, procedures, procedureVersions } from './catalog.tables.js';
import { toCsv } from './csv.js';
import { type ExportUnit, toNational } from './national-mapping.rules.js';
import type { NationalProcedureInput } from './national.shape.js';
import { nationalToSheetRow, SHEET_COLUMNS } from './sheet.rules.js';
import { writeXlsx } from './xlsx.js';

export async function exportNational(db: Queryable): Promise<NationalProcedureInput[]> {
  const rows = await db
    .select({
      nationalCode: procedures.nationalCode,
      fieldName: procedureFields.name,
      content: procedureVersions.content,
    })
    .from(procedures)
    .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
    .innerJoin(procedureFields, eq(procedureFields.code, procedures.fieldCode))
    .where(eq(procedures.status, 'active'))
    .orderBy(asc(procedures.nationalCode));
  const today = todayInVietnam();
  const allUnits = await listUnits(db);
  const unitsById = new Map<string, ExportUnit>(allUnits.map((u) => [u.id, u]));
  const communeCount = allUnits.filter((u) => u.kind === 'commune' && (u.validTo === null || u.validTo > today)).length;
  return rows.map((r) => toNational(r.nationalCode, r.fieldName, r.content, unitsById, communeCount));
}

export function sheetRows(records: readonly NationalProcedureInput[]): string[][] {
  return records.map((rec) => {
    const row = nationalToSheetRow(rec);
    return SHEET_COLUMNS.map((c) => row[c]);
  });
}

export async function exportCsv(db: Queryable): Promise<string> {
  return toCsv([[...SHEET_COLUMNS], ...sheetRows(await exportNational(db))]);
}

export async function exportXlsx(db: Queryable): Promise<Buffer> {
  return writeXlsx('Danh mục TTHC', SHEET_COLUMNS, sheetRows(await exportNational(db)));
}
