/**
 * Reading one uploaded file from a multipart/form-data request (field "file"), for every module
 * that takes uploads: the parser registered in an encapsulated scope with our own size cap, the
 * body left to the handler (Zod validates params and query only), and the file read and hashed
 * within the cap (413 FILE_TOO_LARGE), a non-multipart body refused (415).
 */
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { AppError } from '../../kernel/errors.js';
import type { App } from '../../kernel/http.js';
import { readUpload, tooLarge } from './files.service.js';

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** Zod for params and query; the multipart body is read by the handler, not validated here. */
export const skipBodyValidation: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route as never);

/** Multipart parsing for the routes of `scope` (call inside an `app.register` scope). */
export async function registerMultipart(scope: App, maxBytes: number): Promise<void> {
  await scope.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 20, parts: 21, fieldSize: 64 * 1024 },
  });
}

/** The first file part, which must be the field "file", read and hashed within the size cap. */
export async function readMultipartFile(request: FastifyRequest, maxBytes: number) {
  if (!request.isMultipart()) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      { expected: 'multipart/form-data' },
      'Hãy gửi tệp dưới dạng multipart/form-data, trường "file".',
    );
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD) throw tooLarge(maxBytes);
  let part: MultipartFile | undefined;
  try {
    part = await request.file({ throwFileSizeLimit: false });
  } catch (error) {
    throw malformed(error);
  }
  if (part?.fieldname !== 'file') {
    part?.file.resume();
    throw new AppError('FILE_MISSING', part ? { field: part.fieldname } : undefined);
  }
  try {
    const read = await readUpload(part.file, maxBytes);
    return { ...read, filename: part.filename };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw malformed(error);
  }
}

function malformed(error: unknown): AppError {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new AppError('PAYLOAD_TOO_LARGE', { reason: code });
  }
  return new AppError(
    'VALIDATION_FAILED',
    { reason: (error as Error).message },
    'Biểu mẫu multipart/form-data không hợp lệ.',
  );
}
