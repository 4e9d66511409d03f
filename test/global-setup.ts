/**
 * Runs once before all test files (both projects). On PGlite, creating a database costs ~3 s; loading a dump
 * costs ~0.5 s. So we migrate once here, dump (the migrated snapshot), seed the demo province on
 * the same database, dump again (the demo snapshot), and every test file starts from a copy. Real
 * migrations still run in migrations.test.ts.
 *
 * The two snapshots are kept between runs in node_modules/.cache/motcua-test/<key>/: the key is a
 * hash of everything that can change them — the PGlite version, db/migrations, every non-test
 * source under src/ (the seed reaches into many modules), this file. Seeded rows carry the time
 * they were made, so a snapshot made later than now (by a run under faketime set to a future
 * date) is made again: no row is ever dated after the test's today. MOTCUA_TEST_CACHE=0 turns the
 * cache off.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAppDatabase } from '../src/app/composition.js';
import { applyMigrations } from '../src/kernel/migrate.js';
import { DEMO_PASSWORD, SNAPSHOT_ENV, TEST_SCRYPT_LOG_N } from '../src/app/testing/database.js';
import { seedDemoIfEmpty } from '../src/modules/demo/seed-demo.js';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const KEEP = 8;
/** A key used within this long is never pruned: a checkout beside this one may be reading it. */
const IN_USE_MS = 3 * 60 * 60 * 1000;
const MADE_AT = 'made-at.txt';

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path, keep) : keep(path) ? [path] : [];
    });
}

/** The cache key: what the snapshots are made from. */
function snapshotKey(): string {
  const hash = createHash('sha256');
  const pglite = JSON.parse(
    readFileSync(
      join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '../package.json'),
      'utf8',
    ),
  ) as { version: string };
  hash.update(`pglite ${pglite.version}\0`);
  const inputs = [
    ...filesUnder(join(REPO, 'db/migrations'), () => true),
    ...filesUnder(
      join(REPO, 'src'),
      (p) => !p.includes('/src/web/') && /\.(ts|json|sql|csv|txt)$/.test(p) && !p.endsWith('.test.ts'),
    ),
    fileURLToPath(import.meta.url),
  ];
  for (const file of inputs)
    hash
      .update(`${relative(REPO, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  return hash.digest('hex').slice(0, 24);
}

async function makeSnapshots(dir: string): Promise<void> {
  const handle = await openAppDatabase({});
  try {
    await applyMigrations(handle);
    writeFileSync(join(dir, 'migrated.tar'), Buffer.from(await (await handle.dump!()).arrayBuffer()));
    await seedDemoIfEmpty(handle.db, { kind: 'minimal', password: DEMO_PASSWORD, scryptLogN: TEST_SCRYPT_LOG_N });
    writeFileSync(join(dir, 'demo.tar'), Buffer.from(await (await handle.dump!()).arrayBuffer()));
    writeFileSync(join(dir, MADE_AT), new Date().toISOString());
  } finally {
    await handle.close();
  }
}

export default async function setup(): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) return () => {};
  let dir: string;
  let cleanup = () => {};
  if (process.env.MOTCUA_TEST_CACHE === '0') {
    dir = mkdtempSync(join(tmpdir(), 'motcua-test-'));
    await makeSnapshots(dir);
    cleanup = () => rmSync(dir, { recursive: true, force: true });
  } else {
    const cache = join(REPO, 'node_modules/.cache/motcua-test');
    dir = join(cache, snapshotKey());
    const madeAt = existsSync(join(dir, MADE_AT)) ? Date.parse(readFileSync(join(dir, MADE_AT), 'utf8')) : Number.NaN;
    if (!(madeAt <= Date.now())) {
      // Made aside and renamed into place: a run beside this one never reads half a snapshot.
      mkdirSync(cache, { recursive: true });
      const making = mkdtempSync(join(cache, 'making-'));
      await makeSnapshots(making);
      rmSync(dir, { recursive: true, force: true }); // one from the future
      try {
        renameSync(making, dir);
      } catch {
        rmSync(making, { recursive: true, force: true }); // another run put the same key in place first
      }
      // Only the newest KEEP keys stay. Not just this one: node_modules may be shared by checkouts
      // of other branches whose runs are reading theirs right now.
      const keys = readdirSync(cache)
        .filter((name) => !name.startsWith('making-'))
        .map((name) => ({ path: join(cache, name), at: statSync(join(cache, name)).mtimeMs }))
        .sort((a, b) => b.at - a.at);
      for (const { path, at } of keys.slice(KEEP))
        if (path !== dir && Date.now() - at > IN_USE_MS) rmSync(path, { recursive: true, force: true });
    }
  }
  if (process.env.MOTCUA_TEST_CACHE !== '0') utimesSync(dir, new Date(), new Date()); // marks it in use
  process.env[SNAPSHOT_ENV.migrated] = join(dir, 'migrated.tar');
  process.env[SNAPSHOT_ENV.demo] = join(dir, 'demo.tar');
  return cleanup;
}
