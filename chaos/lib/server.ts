/**
 * A real API server as a separate process (`node --import tsx src/app/main.ts`, what `npm run dev`
 * runs, without the watcher), on a free loopback port, over a scenario's database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Target } from './target.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEMO_PASSWORD = 'motcua-demo';

/** Settings every chaos server gets: loopback, quiet, cheap password hashes, limits out of the way. */
const CHAOS_ENV = {
  HOST: '127.0.0.1',
  NODE_ENV: 'development',
  LOG_LEVEL: 'error',
  DEMO_PASSWORD,
  PASSWORD_SCRYPT_LOG_N: '10',
  SEED_DEMO: 'minimal', // the demo accounts and catalog, without the living demo's dossiers
  // The suites sign in thousands of times and hammer public routes: a 429 there would hide
  // what they look for (they accept 429 where it comes anyway).
  LOGIN_FREE_FAILURES: '1000000',
  LOGIN_FREE_FAILURES_PER_IP: '1000000',
  PUBLIC_LOOKUP_RATE_PER_MINUTE: '100000',
  QUEUE_CHECKIN_RATE_PER_MINUTE: '10000',
};

export interface ServerProcess {
  url: string;
  pid: number;
  /** Still running (not exited or killed since it started). */
  alive(): boolean;
  /** What the process wrote (stdout and stderr), the last lines of it. */
  output(): string;
  /** SIGTERM and wait: the server stops cleanly (PGlite flushes its files). */
  stop(): Promise<void>;
  /** SIGKILL and wait: no shutdown code runs. */
  kill9(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServer(target: Target, extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...CHAOS_ENV, ...target.env, ...extraEnv, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    url,
    pid: child.pid!,
    alive: () => child.exitCode === null && child.signalCode === null,
    output: () => lines.join('\n'),
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited(child);
    },
  };
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server exited before answering (${child.exitCode ?? child.signalCode}):\n${server.output()}`);
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return server;
    await new Promise((r) => setTimeout(r, 300));
  }
  await server.kill9();
  throw new Error(`server did not answer /api/health within 300 s:\n${server.output()}`);
}
