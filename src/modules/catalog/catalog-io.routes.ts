import { z } from 'zod';
import { AppError } from '../../kernel/errors.js';
import { requireActor } from '../../kernel/http.js';
import { errorResponses, IdParams } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { authorize } from '../access/policy.js';
import { unitPath } from '../org/units.service.js';
import { ImportQuery, ImportStatus } from './catalog.schema.js';
import { parseCsv } from './csv.js';
import { exportCsv, exportNational, exportXlsx } from './exports.service.js';
import { getImport, startImport, type StartImportInput } from './imports.service.js';
import { rowsToSheet, sheetRowToNational } from './sheet.rules.js';
import { readXlsx } from './xlsx.js';

const tags = ['Nhập / xuất danh mục (catalog import/export)'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Import and export of the catalog: national-shape JSON, and the officials' CSV/XLSX sheet. */
export function catalogIoRoutes(app: App, { db, clock }: Deps): void {
  // The sheet arrives as the raw file body; JSON goes through Fastify's own parser.
  app.addContentTypeParser(
    ['text/csv', XLSX_TYPE],
    { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/catalog/export.json',
    {
      config: { access: { public: 'the published catalog' } },
      schema: {
        tags,
        summary: 'The catalog in force in the national shape (public)',
        response: { 200: z.array(z.unknown()) },
      },
    },
    async (_request, reply) => {
      reply.header('content-disposition', 'attachment; filename="danh-muc-tthc.json"');
      return exportNational(db);
    },
  );

  app.get(
    '/api/catalog/export.csv',
    {
      config: { access: { public: 'the published catalog' } },
      schema: { tags, summary: 'The catalog in force as the officials’ sheet, CSV (UTF-8 with BOM; public)' },
    },
    async (_request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="danh-muc-tthc.csv"')
        .send(await exportCsv(db)),
  );

  app.get(
    '/api/catalog/export.xlsx',
    {
      config: { access: { public: 'the published catalog' } },
      schema: { tags, summary: 'The catalog in force as the officials’ sheet, XLSX (public)' },
    },
    async (_request, reply) =>
      reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="danh-muc-tthc.xlsx"')
        .send(await exportXlsx(db)),
  );

  app.post(
    '/api/catalog/imports',
    {
      config: { access: { action: 'catalog.manage', scope: 'unit' } },
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags,
        summary: 'Import procedures from a file (body: JSON array in the national shape, text/csv or XLSX sheet)',
        description:
          'The publication decision that brings the procedures in is given in the query. Every row is checked; bad rows are ' +
          'reported with their reasons and the rest are imported (new codes as new procedures, known codes as amended). ' +
          'Answers 202 at once; poll GET /api/catalog/imports/{id} for progress.',
        querystring: ImportQuery,
        response: { 202: ImportStatus, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { fileName, ...decision } = request.query;
      authorize(actor, 'catalog.manage', { unitPath: await unitPath(db, decision.issuingUnitId) });
      const file = await readImportFile(request.headers['content-type'] ?? '', request.body);
      const started = await startImport(db, request.ctx, { ...file, fileName: fileName ?? null, decision }, clock);
      // Applied after the reply; progress and the outcome are on the import record.
      void started
        .run()
        .catch((error: unknown) =>
          request.log.error({ err: error, importId: started.importId }, 'catalog import failed'),
        );
      return reply.status(202).send(await getImport(db, started.importId));
    },
  );

  app.get(
    '/api/catalog/imports/:id',
    {
      config: { access: { action: 'catalog.manage', scope: 'anywhere' } },
      schema: {
        tags,
        summary: 'Progress and outcome of an import, with every rejected row and its reasons',
        params: IdParams,
        response: { 200: ImportStatus, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'catalog.manage');
      return getImport(db, request.params.id);
    },
  );
}

async function readImportFile(
  contentType: string,
  body: unknown,
): Promise<Omit<StartImportInput, 'fileName' | 'decision'>> {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    const records = Array.isArray(body) ? body : (body as { records?: unknown } | null)?.records;
    if (!Array.isArray(records)) {
      throw new AppError('IMPORT_FILE_INVALID', {
        reason: 'Tệp JSON phải là một mảng thủ tục theo cấu trúc CSDL quốc gia',
      });
    }
    return { format: 'json', records, firstRowNumber: 1 };
  }
  if (type === 'text/csv' || type === XLSX_TYPE) {
    const data = body as Buffer;
    const cells = type === 'text/csv' ? parseSheetCsv(data) : await parseSheetXlsx(data);
    const sheet = rowsToSheet(cells);
    if (sheet.missingColumns.length > 0) {
      throw new AppError('IMPORT_FILE_INVALID', { reason: `Thiếu cột bắt buộc: ${sheet.missingColumns.join(', ')}` });
    }
    // Row 1 is the header, so the first procedure is row 2 as the official sees it.
    return {
      format: type === 'text/csv' ? 'csv' : 'xlsx',
      records: sheet.rows.map(sheetRowToNational),
      firstRowNumber: 2,
    };
  }
  throw new AppError('IMPORT_FORMAT_UNSUPPORTED', { contentType: type });
}

function parseSheetCsv(data: Buffer): string[][] {
  try {
    return parseCsv(data.toString('utf8'));
  } catch (error) {
    throw new AppError('IMPORT_FILE_INVALID', { reason: (error as Error).message });
  }
}

async function parseSheetXlsx(data: Buffer): Promise<string[][]> {
  try {
    return await readXlsx(data);
  } catch {
    throw new AppError('IMPORT_FILE_INVALID', { reason: 'Tệp không phải bảng tính XLSX hợp lệ' });
  }
}
