/**
 * Who may download a stored file. Its uploader always may; anyone else only through something
 * that links the file — a dossier's component or result, a feedback item's attachment — and
 * that they may read. The module owning that link answers, through a resolver it exports; the
 * files module imports none of them (each module's manifest offers its resolver; src/app gathers them).
 */
import type { Queryable } from '../../kernel/db.js';
import type { Actor } from '../../kernel/context.js';
import type { FileAccessResolver } from '../../kernel/module.js';
import type { StoredFile } from './files.service.js';

export async function mayReadFile(
  db: Queryable,
  resolvers: readonly FileAccessResolver[],
  actor: Actor,
  file: Pick<StoredFile, 'id' | 'uploadedBy'>,
): Promise<boolean> {
  if (file.uploadedBy === actor.userId) return true;
  for (const resolver of resolvers) {
    if (await resolver.mayRead(db, actor, file.id)) return true;
  }
  return false;
}
