/**
 * API_PROCESSES = 2 on PostgreSQL (src/app/processes.ts): `src/app/main.ts` runs two worker
 * processes on one port; both answer, one that dies is replaced while the other keeps answering,
 * and SIGTERM stops them all. PostgreSQL only (PGlite lives inside one process): the test uses
 * TEST_DATABASE_URL's server, in a database of its own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.warn('API_PROCESSES test skipped: it needs PostgreSQL (TEST_DATABASE_URL)');

/** The worker processes the supervisor reported listening, in order. */
const listening = () => [...output.matchAll(/API process \d+ \(pid (\d+)\) listening/g)].map((m) => Number(m[1]));

const alive = (pid: number | undefined) => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let output = '';

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, ms = 180_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the processes printed:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A port free now (the workers share a fixed one, as they do in production). */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

(url ? describe : describe.skip)('two API processes on one port', () => {
  const database = `motcua_processes_${randomBytes(4).toString('hex')}`;
  let primary: ChildProcess;
  let base = '';

  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await admin(`create database ${database}`);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const target = new URL(url!);
    target.pathname = `/${database}`;
    primary = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: target.toString(),
        API_PROCESSES: '2',
        DATABASE_POOL_SIZE: '3',
        PORT: String(port),
        HOST: '127.0.0.1',
        SEED_DEMO: 'minimal',
        JOBS_ENABLED: 'false',
        LOG_LEVEL: 'warn',
        PASSWORD_SCRYPT_LOG_N: '10',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout!.on('data', (d: Buffer) => {
      output += d.toString('utf8');
    });
    primary.stderr!.on('data', (d: Buffer) => {
      output += d.toString('utf8');
    });
    await until(() => (output.includes('MotCua đang chạy') ? true : undefined), 'the banner', 180_000);
    await until(() => (listening().length === 2 ? true : undefined), 'two workers listening', 300_000);
  }, 400_000);

  afterAll(async () => {
    if (primary && primary.exitCode === null) primary.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    await admin(`drop database if exists ${database} with (force)`);
  });

  const health = async () => {
    const res = await fetch(`${base}/api/health`, { headers: { connection: 'close' } }).catch(() => null);
    return res?.status;
  };
  const healthy = () => until(async () => ((await health()) === 200 ? true : undefined), 'health', 180_000);

  it('answers from both, replaces a worker that dies, and stops on SIGTERM', async () => {
    await healthy();
    const [first, second] = listening();
    expect([first, second].every(alive)).toBe(true);
    process.kill(first!, 'SIGKILL');
    // The port stays served while the first is replaced (a connection handed to the dying worker
    // in the instant it dies may fail; the next is served).
    await healthy();
    const replacement = await until(() => listening()[2], 'a replacement worker listening', 300_000);
    expect([alive(first), alive(second), alive(replacement)]).toEqual([false, true, true]);
    await healthy();
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect([second, replacement].some(alive)).toBe(false);
  }, 700_000);
});
