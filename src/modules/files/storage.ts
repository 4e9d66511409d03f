/**
 * Where file bytes live. The database keeps the metadata (stored_files); a FileStorage keeps the
 * content under a key. MotCua uses content addressing: the key is the SHA-256 (hex) of the
 * content, so identical uploads share one object and an object is never overwritten with
 * different bytes.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export interface FileStorage {
  /** Stores `data` under `key` (replacing what is there: callers use content keys). */
  put(key: string, data: Buffer, mediaType: string): Promise<void>;
  /** The content under `key`; throws StoredObjectMissing when there is none. */
  get(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
}

/** The metadata points at content the storage does not have: data loss, never a user error. */
export class StoredObjectMissing extends Error {
  constructor(readonly key: string) {
    super(`stored object missing: ${key}`);
    this.name = 'StoredObjectMissing';
  }
}

/** Keys a storage accepts: no path separators, no dot-names (nothing can escape the root). */
const SAFE_KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]{3,199}$/;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}

/**
 * A local directory (FILES_DIR), sharded by the key's first two byte pairs: `ab/cd/abcd…`, so no
 * directory grows past 65 536 entries of entries. Writes go to a temporary file in the target
 * directory, are flushed to disk, then renamed into place: rename is atomic within a file
 * system, so a crash leaves either no file or the whole file, never a partial one (a stray
 * `.tmp` at worst, which nothing reads).
 */
export class LocalDirectoryStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The file that holds `key`. */
  pathOf(key: string): string {
    assertSafeKey(key);
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  /** The media type is not kept: the database row has it (sniffed from the content). */
  async put(key: string, data: Buffer, _mediaType?: string): Promise<void> {
    const target = this.pathOf(key);
    const dir = dirname(target);
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.${key}.${randomUUID()}.tmp`);
    try {
      const handle = await open(temp, 'wx', 0o640);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await syncDirectory(dir);
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredObjectMissing(key);
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }
}

/** Makes the rename itself durable (POSIX); not possible on every platform, so best effort. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a directory for fsync; the rename is still atomic there.
  }
}
