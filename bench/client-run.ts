/**
 * Runs one job of the bench's HTTP client (bench/lifecycle-client.ts) in a process of its own, so
 * the server's event loop is never the client's; shared by the lifecycle bench and its bound.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LifecycleJob } from './lifecycle-journey.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;

/** What a client process measured: its latencies (ms) and wall time. */
export interface ClientRun {
  wallMs: number;
  latencies: number[];
  intakeLatencies: number[];
  codes: string[];
}

/** Runs a job in a client process; resolves with what it measured. */
export function runClient(job: LifecycleJob): Promise<ClientRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lifecycle-client.ts'], {
      cwd: ROOT,
      env: { ...process.env, LIFECYCLE_JOB: JSON.stringify(job) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`lifecycle client exited ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!));
    });
  });
}
