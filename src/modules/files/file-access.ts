/**
 * Who may download a stored file. Its uploader always may; anyone else only through something
 * that links the file — a dossier's component or result, a feedback item's attachment — and
 * that they may read. The module owning that link answers, through a resolver it exports; the
 * files module imports none of them (src/server/file-access.ts lists the resolvers).
 */
import type { Queryable } from '../../server/db/client.js';
import type { Actor } from '../../server/context.js';
import type { StoredFile } from './files.service.js';

export interface FileAccessResolver {
  /** `<module>.<what links files>`, for reading and debugging. */
  name: string;
  /**
   * Whether something this module owns links the file and the actor may read it, by the same
   * rule as reading that thing itself (one indexed lookup for the links).
   */
  mayRead(db: Queryable, actor: Actor, fileId: string): Promise<boolean>;
}

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
