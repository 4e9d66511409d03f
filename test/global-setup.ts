/**
 * Runs once before all test files. On PGlite, creating a database costs ~3 s; loading a dump
 * costs ~0.5 s. So we migrate (and seed) once here, dump, and every test file starts from a
 * copy. Real migrations still run in migrations.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppDatabase } from '../src/app/composition.js';
import { SNAPSHOT_ENV, prepare } from '../src/app/testing/database.js';

export default async function setup(): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) return () => {};
  const dir = mkdtempSync(join(tmpdir(), 'motcua-test-'));
  for (const demo of [false, true]) {
    const handle = await openAppDatabase({});
    await prepare(handle, demo);
    const file = join(dir, demo ? 'demo.tar' : 'migrated.tar');
    writeFileSync(file, Buffer.from(await (await handle.dump!()).arrayBuffer()));
    await handle.close();
    process.env[demo ? SNAPSHOT_ENV.demo : SNAPSHOT_ENV.migrated] = file;
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
