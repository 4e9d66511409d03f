/**
 * Uploaded files: the bytes go to the FileStorage under their SHA-256 (stored once however often
 * they are uploaded), and every upload gets its own stored_files row and audit record.
 *
 * For other modules (dossiers, data store, results):
 * - `storeFile(db, storage, ctx, {data, originalName, uploadedAt})` keeps a file produced on the server (a
 *   rendered form, a signed result) exactly as an upload would;
 * - `filesForUse(db, actor, ids)` loads files a request refers to (e.g. a dossier component's
 *   `fileIds`) and checks that the caller uploaded each of them;
 * - `getFile` / `readFileContent` for metadata and bytes.
 *
 * Who may download a file is decided with the modules that link files: see file-access.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import type { Actor, RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { cleanOriginalName } from './download.rules.js';
import { type AllowedMediaType, sniffFileType } from './file-type.rules.js';
import { storedFiles } from './files.table.js';
import type { FileStorage } from './storage.js';
import type { ValidationReport } from '../signing/verify.js';

export interface StoredFile {
  id: string;
  sha256: string;
  size: number;
  mediaType: AllowedMediaType;
  originalName: string | null;
  storageKey: string;
  uploadedBy: string;
  uploadedAt: Date;
  signatureReport: ValidationReport | null;
}

const fileColumns = {
  id: storedFiles.id,
  sha256: storedFiles.sha256,
  size: storedFiles.size,
  mediaType: storedFiles.mediaType,
  originalName: storedFiles.originalName,
  storageKey: storedFiles.storageKey,
  uploadedBy: storedFiles.uploadedBy,
  uploadedAt: storedFiles.uploadedAt,
  signatureReport: storedFiles.signatureReport,
};

/** The bytes of an upload, hashed while they arrive. */
export interface ReadUpload {
  data: Buffer;
  sha256: string;
  size: number;
}

/**
 * Reads a stream to the end, computing SHA-256 chunk by chunk. Stops counting at `maxBytes`:
 * more than that → FILE_TOO_LARGE (the caller's stream may also enforce its own limit).
 */
export async function readUpload(stream: Readable & { truncated?: boolean }, maxBytes: number): Promise<ReadUpload> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy();
      throw tooLarge(maxBytes);
    }
    hash.update(chunk);
    chunks.push(chunk);
  }
  if (stream.truncated) throw tooLarge(maxBytes);
  return { data: Buffer.concat(chunks, size), sha256: hash.digest('hex'), size };
}

export function tooLarge(maxBytes: number): AppError {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new AppError('FILE_TOO_LARGE', { maxBytes }, `Tệp vượt quá dung lượng cho phép (tối đa ${mb} MB).`);
}

/** The accepted type of these bytes, or FILE_TYPE_NOT_ALLOWED naming what they are. */
export function acceptedMediaType(data: Uint8Array): AllowedMediaType {
  const sniffed = sniffFileType(data);
  if (sniffed.allowed) return sniffed.mediaType;
  throw new AppError(
    'FILE_TYPE_NOT_ALLOWED',
    {
      detected: sniffed.mediaType,
      description: sniffed.label,
      allowed: ['application/pdf', 'image/jpeg', 'image/png'],
    },
    `Chỉ chấp nhận tệp PDF, JPEG hoặc PNG; tệp gửi lên là: ${sniffed.label}.`,
  );
}

export interface StoreFileInput {
  data: Buffer;
  /** When the caller already hashed the bytes while reading them. */
  sha256?: string | undefined;
  originalName?: string | null | undefined;
  /** What the signature validation found (signing/incoming.ts), for a PDF that entered from outside. */
  signatureReport?: ValidationReport | null | undefined;
  uploadedAt: Date;
}

/**
 * Sniffs, stores the content once (skipped when the storage already has that hash) and records
 * the upload in one statement, or in `db`'s transaction when the caller passes one (a file that
 * belongs to a change, e.g. a certified copy with its register number). The object is written
 * before the row: a failure in between leaves an unreferenced object (harmless,
 * content-addressed), never a row without content.
 */
export async function storeFile(
  db: Queryable,
  storage: FileStorage,
  ctx: RequestContext,
  input: StoreFileInput,
): Promise<StoredFile> {
  const mediaType = acceptedMediaType(input.data);
  const sha256 = input.sha256 ?? createHash('sha256').update(input.data).digest('hex');
  const storageKey = sha256;
  if (!(await storage.exists(storageKey))) await storage.put(storageKey, input.data, mediaType);
  // The row and its audit record are one statement: atomic without a transaction of their own.
  return recordUpload(db, ctx, {
    sha256,
    size: input.data.length,
    mediaType,
    originalName: cleanOriginalName(input.originalName),
    storageKey,
    signatureReport: input.signatureReport ?? null,
    uploadedAt: input.uploadedAt,
  });
}

export interface RecordUploadInput {
  sha256: string;
  size: number;
  mediaType: AllowedMediaType;
  originalName: string | null;
  storageKey: string;
  signatureReport?: ValidationReport | null;
  uploadedAt: Date;
}

/** The row and the audit record of one upload whose content is already in storage. */
export async function recordUpload(tx: Queryable, ctx: RequestContext, input: RecordUploadInput): Promise<StoredFile> {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const row: StoredFile = {
    id: randomUUID(),
    ...input,
    signatureReport: input.signatureReport ?? null,
    uploadedBy: ctx.actor.userId,
  };
  // No content and no file name in the audit: the name may carry personal data.
  const change = {
    action: 'file.upload',
    targetType: 'file',
    targetId: row.id,
    after: {
      sha256: input.sha256,
      size: input.size,
      mediaType: input.mediaType,
      ...(input.signatureReport ? { signatures: input.signatureReport.status } : {}),
    },
  };
  await recordChange(tx, ctx, change, [tx.insert(storedFiles).values(row)]);
  return row;
}

export async function getFile(db: Queryable, id: string): Promise<StoredFile> {
  const [row] = await db.select(fileColumns).from(storedFiles).where(eq(storedFiles.id, id));
  if (!row) throw new AppError('FILE_NOT_FOUND', { id });
  return row;
}

export function readFileContent(storage: FileStorage, file: Pick<StoredFile, 'storageKey'>): Promise<Buffer> {
  return storage.get(file.storageKey);
}

/**
 * Files a request refers to (e.g. a dossier component's fileIds), in the order asked: each must
 * exist (FILE_NOT_FOUND lists the unknown ids) and have been uploaded by the actor (FORBIDDEN
 * lists the others), so nobody attaches someone else's upload by guessing its id.
 */
export async function filesForUse(db: Queryable, actor: Actor, ids: readonly string[]): Promise<StoredFile[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db.select(fileColumns).from(storedFiles).where(inArray(storedFiles.id, unique));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = unique.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new AppError('FILE_NOT_FOUND', { ids: missing });
  const foreign = rows.filter((r) => r.uploadedBy !== actor.userId).map((r) => r.id);
  if (foreign.length > 0) throw new AppError('FORBIDDEN', { fileIds: foreign });
  return ids.map((id) => byId.get(id)!);
}
