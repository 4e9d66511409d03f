/**
 * The key directory: private keys and the demo CA's state live here, never in the database, the
 * file store or the logs. Outside DATA_DIR and FILES_DIR (MOTCUA_KEYS_DIR, default
 * ~/.local/state/motcua/keys), the directory 0700 and every file 0600. Files are created once,
 * atomically (written aside, then linked or renamed into place), so processes starting together
 * agree on one key.
 */
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const defaultKeysDir = () => join(homedir(), '.local', 'state', 'motcua', 'keys');

export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

export async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes `data` at `path` (0600) unless a file is already there; returns what is there after. */
export async function createOnce(path: string, data: Buffer | string): Promise<Buffer> {
  await ensurePrivateDir(dirname(path));
  const aside = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(aside, data, { mode: 0o600 });
  try {
    await link(aside, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(aside);
  }
  return readFile(path);
}

/** Replaces `path` (0600) atomically. */
export async function replaceFile(path: string, data: Buffer | string): Promise<void> {
  await ensurePrivateDir(dirname(path));
  const aside = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(aside, data, { mode: 0o600 });
  await rename(aside, path);
}

/**
 * Builds a whole directory with `build` aside and renames it into place, unless it exists: the
 * first process to finish wins and the others read its files.
 */
export async function createDirOnce(path: string, build: (dir: string) => Promise<void>): Promise<void> {
  if (await readIfExists(join(path, '.complete'))) return;
  await ensurePrivateDir(dirname(path));
  const aside = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await ensurePrivateDir(aside);
  try {
    await build(aside);
    await writeFile(join(aside, '.complete'), '', { mode: 0o600 });
    await rename(aside, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  } finally {
    await rm(aside, { recursive: true, force: true });
  }
}
