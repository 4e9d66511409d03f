/**
 * Blank form files (mẫu đơn, tờ khai) of procedure components: attach (replace) one, read one,
 * list a version's. The bytes go to the files module's storage under their SHA-256 before the
 * row is written (as files.service's storeFile): a failure in between leaves an unreferenced
 * object, never a row without content.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../../kernel/context.js';
import type { Database, Queryable } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { cleanOriginalName } from '../files/download.rules.js';
import type { FileStorage } from '../files/storage.js';
import { procedureFormFiles, procedureVersions } from './catalog.tables.js';
import { FORM_FILE_TYPES, formFileType } from './form-file.rules.js';

export type FormFile = typeof procedureFormFiles.$inferSelect;

export interface FormFileInput {
  versionId: string;
  componentId: string;
  data: Buffer;
  fileName: string | null | undefined;
}

/** The component of a version that a form file is for: 404 for an unknown one, 422 if it names no form. */
async function formComponent(db: Queryable, versionId: string, componentId: string) {
  const [version] = await db
    .select({ procedureId: procedureVersions.procedureId, content: procedureVersions.content })
    .from(procedureVersions)
    .where(eq(procedureVersions.id, versionId));
  if (!version) throw new AppError('PROCEDURE_NOT_FOUND', { versionId });
  const component = version.content.components.find((c) => c.id === componentId);
  if (!component) throw new AppError('COMPONENT_NOT_FOUND', { versionId, componentId });
  if (!component.formTemplate) throw new AppError('COMPONENT_HAS_NO_FORM', { versionId, componentId });
  return { procedureId: version.procedureId, component };
}

export async function attachFormFile(
  db: Database,
  storage: FileStorage,
  ctx: RequestContext,
  input: FormFileInput,
  now: Date,
): Promise<FormFile> {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const { procedureId, component } = await formComponent(db, input.versionId, input.componentId);
  const mediaType = formFileType(input.data);
  if (!mediaType) throw new AppError('FORM_FILE_TYPE_NOT_ALLOWED', { allowed: Object.keys(FORM_FILE_TYPES) });
  const sha256 = createHash('sha256').update(input.data).digest('hex');
  if (!(await storage.exists(sha256))) await storage.put(sha256, input.data, mediaType);
  const row: FormFile = {
    versionId: input.versionId,
    componentId: input.componentId,
    sha256,
    size: input.data.length,
    mediaType,
    fileName: cleanOriginalName(input.fileName) ?? `${component.formTemplate}.${FORM_FILE_TYPES[mediaType]}`,
    uploadedBy: ctx.actor.userId,
    uploadedAt: now,
  };
  const actor = ctx.actor;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ sha256: procedureFormFiles.sha256 })
      .from(procedureFormFiles)
      .where(formFileKey(input.versionId, input.componentId))
      .for('update');
    await tx
      .insert(procedureFormFiles)
      .values(row)
      .onConflictDoUpdate({
        target: [procedureFormFiles.versionId, procedureFormFiles.componentId],
        set: { sha256, size: row.size, mediaType, fileName: row.fileName, uploadedBy: actor.userId, uploadedAt: now },
      });
    const summary = { componentId: row.componentId, sha256, size: row.size, mediaType, fileName: row.fileName };
    await recordChange(tx, ctx, {
      action: 'catalog.form_file_put',
      targetType: 'procedure_version',
      targetId: input.versionId,
      before: before ? { sha256: before.sha256 } : null,
      after: summary,
      event: { procedureId, versionId: input.versionId, ...summary },
    });
    return row;
  });
}

const formFileKey = (versionId: string, componentId: string) =>
  and(eq(procedureFormFiles.versionId, versionId), eq(procedureFormFiles.componentId, componentId));

export async function getFormFile(db: Queryable, versionId: string, componentId: string): Promise<FormFile> {
  const [row] = await db.select().from(procedureFormFiles).where(formFileKey(versionId, componentId));
  if (!row) throw new AppError('FORM_FILE_NOT_FOUND', { versionId, componentId });
  return row;
}

/** A version's form files, for the procedure page (components without one are left out). */
export function formFilesOf(db: Queryable, versionId: string): Promise<FormFile[]> {
  return db.select().from(procedureFormFiles).where(eq(procedureFormFiles.versionId, versionId));
}
