#!/usr/bin/env node
/**
 * `npm start`: builds the server and the web app only if their sources changed since their last
 * successful build, then runs the server. `npm run build` is `start.mjs --build-only --force`.
 *
 *   node scripts/start.mjs                        build what is stale, then start the server
 *   node scripts/start.mjs --build-only           build what is stale, do not start
 *   node scripts/start.mjs --build-only --force   rebuild everything (npm run build)
 *
 * Each build's inputs are fingerprinted by content (scripts/build-stamp.mjs); the fingerprint is
 * written next to the output only after the build succeeds, and removed before it starts, so a
 * failed or interrupted build is redone. Plain Node: no tsx, no dependency.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint, needsBuild, readStamp, removeStamp, writeStamp } from './build-stamp.mjs';

/** The built server entry, relative to the repository root. */
const SERVER_ENTRY = 'dist/app/main.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The builds, in the order they run. package.json is an input of both: it holds the build
 * commands (build:server, build:web) and "type", which decides how tsc emits.
 * The web build's inputs are all of src/ (not only src/web): the web imports src/modules too
 * (rules, schemas, labels), and a wider fingerprint can only cause an extra build, never a stale one.
 */
const PARTS = [
  {
    name: 'máy chủ / server',
    script: 'build:server',
    inputs: ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'],
    exclude: ['src/web'],
    stamp: 'dist/.server-build-hash',
    output: SERVER_ENTRY,
  },
  {
    name: 'web',
    script: 'build:web',
    inputs: ['src', 'vite.config.ts', 'package.json', 'package-lock.json'],
    exclude: [],
    // Inside dist/web: Vite empties dist/web on every build, so any build not made by this
    // script (npm run build:web, the browser tests) drops the stamp and the next start rebuilds.
    stamp: 'dist/web/.build-hash',
    output: 'dist/web/index.html',
  },
];

const USAGE = 'usage: node scripts/start.mjs [--build-only] [--force]';
const args = new Set(process.argv.slice(2));
const buildOnly = args.delete('--build-only');
const force = args.delete('--force');
if (args.size > 0) {
  console.error(`start.mjs: unknown argument ${[...args].join(' ')}\n${USAGE}`);
  process.exit(2);
}

/*
 * Builds and the server run as child processes. For the server, spawning rather than importing
 * the entry here: it then runs exactly as `node --enable-source-maps <entry>` would (its own
 * process, flags, signal handlers and process.exit), and nothing of this script stays in it.
 * The cost is one idle Node process. Signals sent to this process (npm forwards SIGINT/SIGTERM to
 * it) go on to the running child; on a terminal's Ctrl-C the child gets SIGINT twice (once from
 * the terminal's process group), which the server ignores while it is already stopping.
 */
/** @type {import('node:child_process').ChildProcess | null} */
let child = null;
/** @type {NodeJS.Signals | null} */
let stopSignal = null;

/** @param {NodeJS.Signals} signal */
function onSignal(signal) {
  stopSignal ??= signal;
  if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
  else exitLike(null, signal);
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, onSignal);

/**
 * Ends this process the way the child ended: same exit code, or the same signal.
 * @param {number | null} code
 * @param {NodeJS.Signals | null} signal
 * @returns {never}
 */
function exitLike(code, signal) {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    process.exit(128 + (constants.signals[signal] ?? 0));
  }
  process.exit(code ?? 1);
}

/**
 * Runs a child process with stdio inherited.
 * @param {string} command
 * @param {string[]} commandArgs
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null }>}
 */
function run(command, commandArgs) {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, commandArgs, { cwd: ROOT, stdio: 'inherit' });
    child = proc;
    proc.once('error', reject);
    proc.once('exit', (code, signal) => {
      child = null;
      resolve({ code, signal });
    });
  });
}

/** `npm run <script>`, through the npm that runs us when there is one. */
function npmRun(/** @type {string} */ script) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.[cm]?js$/.test(npmCli)) return run(process.execPath, [npmCli, 'run', script]);
  return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', script]);
}

const started = performance.now();
const plan = PARTS.map((part) => {
  const hash = fingerprint(ROOT, part.inputs, { exclude: part.exclude });
  const stampFile = join(ROOT, part.stamp);
  /** @type {string | null} */
  let reason = null;
  if (force) reason = 'bắt buộc / forced';
  else if (readStamp(stampFile) === null || !existsSync(join(ROOT, part.output)))
    reason = 'chưa có bản dựng / no build yet';
  else if (needsBuild(stampFile, hash)) reason = 'nguồn đã đổi / sources changed';
  return { ...part, hash, stampFile, reason };
});
const hashMs = Math.round(performance.now() - started);

console.log(
  `${plan
    .map((p) => `${p.name}: ${p.reason ? `dựng lại / rebuilding (${p.reason})` : 'dùng bản dựng sẵn / reusing build'}`)
    .join('; ')} [${hashMs} ms]`,
);

for (const part of plan) {
  if (!part.reason) continue;
  removeStamp(part.stampFile);
  const { code, signal } = await npmRun(part.script);
  if (stopSignal || signal || code !== 0) exitLike(code, signal ?? stopSignal);
  writeStamp(part.stampFile, part.hash);
}

if (buildOnly) process.exit(0);

const { code, signal } = await run(process.execPath, ['--enable-source-maps', join(ROOT, SERVER_ENTRY)]);
exitLike(code, signal);
