/**
 * The client half of `npm run bench -- lifecycle`, in its own process (so the server's event loop
 * is not the client's). Reads its job from the LIFECYCLE_JOB environment variable (JSON), runs it
 * against the server over real HTTP, and prints one JSON line with the latencies.
 *
 * Jobs: `lifecycle` runs `count` complete dossier lifecycles with `concurrency` workers (and times
 * each intake on its own); `health` sends `count` GET /api/health with the same concurrency (the
 * baseline); `lookup` sends `count` anonymous public lookups of the given dossier codes.
 */
import { performLifecycle, type LifecycleJob } from './lifecycle-journey.js';

const job = JSON.parse(process.env.LIFECYCLE_JOB ?? '{}') as LifecycleJob;

async function health(): Promise<void> {
  const res = await fetch(`${job.base}/api/health`, { headers: { cookie: job.sessions.tiepnhan.cookie } });
  const body = (await res.json()) as { status?: string };
  if (res.status !== 200 || body.status !== 'ok') throw new Error(`health answered ${res.status}`);
}

async function lookup(i: number): Promise<void> {
  const code = job.codes![i % job.codes!.length]!;
  const res = await fetch(`${job.base}/api/public/dossiers/${code}`);
  if (res.status !== 200) throw new Error(`public lookup ${code} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

const latencies: number[] = [];
const intakeLatencies: number[] = [];
const codes: string[] = [];
let issued = 0;
const worker = async () => {
  while (issued < job.count) {
    issued += 1;
    const started = performance.now();
    if (job.kind === 'health') await health();
    else if (job.kind === 'lookup') await lookup(issued);
    else {
      const { code, intakeMs } = await performLifecycle(job);
      codes.push(code);
      intakeLatencies.push(intakeMs);
    }
    latencies.push(performance.now() - started);
  }
};
const started = performance.now();
await Promise.all(Array.from({ length: job.concurrency }, worker));
const wallMs = performance.now() - started;
console.log(JSON.stringify({ wallMs, latencies, intakeLatencies, codes }));
