import { z } from 'zod';
import { ValidationReportSchema } from '../signing/signing.schema.js';

export const StoredFileSchema = z
  .object({
    id: z.uuid(),
    sha256: z.string().describe('SHA-256 of the content, lower-case hex'),
    size: z.number().int().describe('Bytes'),
    mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']).describe('Sniffed from the content'),
    originalName: z.string().nullable().describe('The uploaded file name (a label only)'),
    signatureReport: ValidationReportSchema.nullable().describe('For a PDF: its signatures as validated on entry'),
  })
  .meta({ id: 'StoredFile' });

/**
 * The multipart form, for the OpenAPI document only: the Zod validator cannot read a multipart
 * stream, so the upload route skips body validation and reads the part itself.
 */
export const UploadForm = z
  .object({
    file: z.string().meta({ format: 'binary' }).describe('The file: PDF, JPEG or PNG (type read from the content)'),
  })
  .meta({ id: 'FileUploadForm' });
