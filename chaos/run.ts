/**
 * The fault and abuse suite (issue 16): `npm run chaos -- <scenario> [--scale small|full]
 * [--db pglite|postgres] [--seed N]`. Each scenario starts real servers as separate processes on
 * loopback, drives them over HTTP, injects its fault and ends with a verdict computed from the
 * database and the servers. Exit code 0 only when every check passed. README "Chaos suite".
 */
import { parseOptions, USAGE } from './lib/options.js';
import type { Verdict } from './lib/verdict.js';

const SCENARIOS: Record<string, () => Promise<{ run: (o: ReturnType<typeof parseOptions>) => Promise<Verdict> }>> = {
  fuzz: () => import('./fuzz.js'),
  crash: () => import('./crash.js'),
  'db-restart': () => import('./db-restart.js'),
  peers: () => import('./peers.js'),
  channels: () => import('./channels.js'),
  payments: () => import('./payments.js'),
  signing: () => import('./signing.js'),
  load: () => import('./load.js'),
};

let options: ReturnType<typeof parseOptions>;
try {
  options = parseOptions(process.argv.slice(2));
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const load = SCENARIOS[options.scenario];
if (!load) {
  console.error(`unknown scenario ${options.scenario}; known: ${Object.keys(SCENARIOS).join(', ')}\n${USAGE}`);
  process.exit(2);
}
console.log(`chaos ${options.scenario} — scale ${options.scale}, database ${options.engine}`);
const started = performance.now();
const verdict = await (await load()).run(options);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
for (const c of verdict.checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name} — ${c.detail}`);
console.log(`figures: ${JSON.stringify({ ...verdict.figures, wallSeconds: Number(seconds) })}`);
const failed = verdict.checks.filter((c) => !c.ok).length;
console.log(failed === 0 ? `chaos ${options.scenario}: PASS` : `chaos ${options.scenario}: FAIL (${failed} checks)`);
process.exit(failed === 0 ? 0 : 1);
