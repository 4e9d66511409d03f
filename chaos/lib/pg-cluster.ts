/**
 * A throw-away PostgreSQL cluster for the scenarios that stop the database itself: `initdb` into
 * a temporary directory, `pg_ctl` on a free loopback port of its own, removed at the end — never
 * the machine's shared server on 5432. The server binaries are Debian's
 * (/usr/lib/postgresql/<version>/bin, the newest); PostgreSQL refuses to run as root, so as root
 * every command runs as the `postgres` user (`runuser -u postgres`), who then owns the directory.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './server.js';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';

function binDir(): string {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT)
        .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) throw new Error(`no PostgreSQL server binaries under ${PG_ROOT}/<version>/bin`);
  return join(PG_ROOT, versions[0], 'bin');
}

export interface PgCluster {
  port: number;
  /** postgres://… of the database created for the API. */
  databaseUrl: string;
  /** `immediate` is a crash (recovery from the WAL at the next start); `fast` a clean stop. */
  stop(mode: 'immediate' | 'fast'): Promise<void>;
  start(): Promise<void>;
  /** Stops it (if running) and removes its directory. */
  destroy(): Promise<void>;
}

export async function startPgCluster(database: string): Promise<PgCluster> {
  const bin = binDir();
  const dir = await mkdtemp(join(tmpdir(), 'motcua-chaos-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = await postgresIds();
    await chown(dir, uid, gid);
  }
  const pgCommand = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);
  const data = join(dir, 'data');
  const port = await freePort();
  await pgCommand('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const start = async () => {
    await pgCommand('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
  };
  let running = false;
  const cluster: PgCluster = {
    port,
    databaseUrl: `postgres://postgres@127.0.0.1:${port}/${database}`,
    async stop(mode) {
      await pgCommand('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await cluster.stop('immediate').catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
  try {
    await cluster.start();
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`).finally(() => admin.end());
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
  console.log(`database: throw-away PostgreSQL cluster on 127.0.0.1:${port} in ${dir} (removed at the end)`);
  return cluster;
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const { stdout } = await run('id', ['postgres']);
  const uid = /uid=(\d+)/.exec(stdout)?.[1];
  const gid = /gid=(\d+)/.exec(stdout)?.[1];
  if (!uid || !gid) throw new Error('running as root needs a postgres user to run the cluster');
  return { uid: Number(uid), gid: Number(gid) };
}
