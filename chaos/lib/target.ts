/**
 * The database a scenario's servers share, created for the run and removed after it: a PGlite
 * directory under the system's temporary directory, or a database of its own on the local
 * PostgreSQL server (127.0.0.1:5432, user postgres; never the integration tests' `test`).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openAppDatabase } from '../../src/app/composition.js';
import type { DbHandle } from '../../src/kernel/db.js';
import type { Engine } from './options.js';

const POSTGRES_SERVER = 'postgres://postgres@127.0.0.1:5432';

export interface Target {
  engine: Engine;
  /** The variables that point a server process at this database (and at its own files directory). */
  env: Record<string, string>;
  /** Opens the database for a verdict (PGlite: only while no server holds the directory). */
  open(): Promise<DbHandle>;
  dispose(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${POSTGRES_SERVER}/postgres` });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createTarget(engine: Engine, scenario: string): Promise<Target> {
  const dir = await mkdtemp(join(tmpdir(), `motcua-chaos-${scenario}-`));
  const filesDir = join(dir, 'files');
  if (engine === 'pglite') {
    const dataDir = join(dir, 'data');
    return {
      engine,
      env: { DATA_DIR: dataDir, FILES_DIR: filesDir },
      open: () => openAppDatabase({ dataDir }),
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `chaos_${scenario.replaceAll('-', '_')}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const databaseUrl = `${POSTGRES_SERVER}/${name}`;
  console.log(`database: PostgreSQL ${name} (dropped at the end)`);
  return {
    engine,
    env: { DATABASE_URL: databaseUrl, FILES_DIR: filesDir },
    open: () => openAppDatabase({ databaseUrl, poolSize: 2 }),
    async dispose() {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A database the scenario made itself (a throw-away cluster, pg-cluster.ts): only the files directory is this target's. */
export async function targetOn(databaseUrl: string, scenario: string): Promise<Target> {
  const dir = await mkdtemp(join(tmpdir(), `motcua-chaos-${scenario}-`));
  return {
    engine: 'postgres',
    env: { DATABASE_URL: databaseUrl, FILES_DIR: join(dir, 'files') },
    open: () => openAppDatabase({ databaseUrl, poolSize: 2 }),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
